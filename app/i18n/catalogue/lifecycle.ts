import type { Messages } from "./entry";

/**
 * Messages of the lifecycle namespace; every key starts with "lifecycle.".
 * The agreement's life after signature (issue 23): its state (active, in
 * survival, archived), the lifecycle tab, the read-only archive.
 */
export const lifecycle = {
  "lifecycle.tab": { en: "After signature", de: "Nach Unterzeichnung", ja: "署名後", ar: "ما بعد التوقيع" },
  "lifecycle.state.active": { en: "Active", de: "Aktiv", ja: "有効", ar: "سارية" },
  "lifecycle.state.in-survival": {
    en: "In survival",
    de: "Im Nachwirkungszeitraum",
    ja: "存続期間中",
    ar: "في فترة السريان اللاحق",
  },
  "lifecycle.state.archived": { en: "Archived", de: "Archiviert", ja: "アーカイブ済み", ar: "مؤرشفة" },
  // the return-or-destroy reminders and escalation (app/features/lifecycle/destruction-reminders.server.ts)
  "lifecycle.mail.destruction.phase": {
    en: "the close of the phase \u201c{phase}\u201d",
    de: "den Abschluss der Phase \u201e{phase}\u201c",
    ja: "フェーズ「{phase}」の終了",
    ar: "انتهاء المرحلة \u201c{phase}\u201d",
  },
  "lifecycle.mail.destruction.end": {
    en: "the end of the agreement",
    de: "das Ende der Vereinbarung",
    ja: "契約の終了",
    ar: "انتهاء الاتفاقية",
  },
  "lifecycle.mail.destruction.dueSoon.subject": {
    en: "{agreement}: return or destroy the information by {due}",
    de: "{agreement}: Informationen bis {due} zurückgeben oder vernichten",
    ja: "{agreement}：{due}までに情報を返却または破棄してください",
    ar: "{agreement}: أعيدوا المعلومات أو أتلفوها بحلول {due}",
  },
  "lifecycle.mail.destruction.dueSoon.body": {
    en: "After {what} under agreement {agreement}, {holder} must return or destroy the information it received and certify it by {due} ({left, plural, =0 {today} one {# day left} other {# days left}}).",
    de: "Nach {what} der Vereinbarung {agreement} muss {holder} die erhaltenen Informationen zurückgeben oder vernichten und dies bis {due} bescheinigen ({left, plural, =0 {heute} one {noch # Tag} other {noch # Tage}}).",
    ja: "契約 {agreement} の{what}に伴い、{holder} は受け取った情報を返却または破棄し、{due}までに証明する必要があります（{left, plural, =0 {本日が期限です} other {残り#日です}}）。",
    ar: "بعد {what} بموجب الاتفاقية {agreement}، يجب على {holder} إعادة المعلومات التي تلقاها أو إتلافها والإقرار بذلك بحلول {due} ({left, plural, =0 {اليوم} one {بقي يوم واحد} two {بقي يومان} few {بقيت # أيام} many {بقي # يومًا} other {بقي # يوم}}).",
  },
  "lifecycle.mail.destruction.overdueYours.subject": {
    en: "{agreement}: your return-or-destroy certificate is overdue",
    de: "{agreement}: Ihre Rückgabe- oder Vernichtungsbescheinigung ist überfällig",
    ja: "{agreement}：返却・破棄の証明が期限を過ぎています",
    ar: "{agreement}: تأخرت شهادة الإعادة أو الإتلاف الخاصة بكم",
  },
  "lifecycle.mail.destruction.overdueYours.body": {
    en: "{holder} has not certified that it returned or destroyed the information after {what} under agreement {agreement}. It was due on {due} and is {days, plural, one {# day} other {# days}} overdue. Please certify now.",
    de: "{holder} hat nicht bescheinigt, die Informationen nach {what} der Vereinbarung {agreement} zurückgegeben oder vernichtet zu haben. Fällig war dies am {due}; die Frist ist seit {days, plural, one {# Tag} other {# Tagen}} überschritten. Bitte reichen Sie die Bescheinigung jetzt ein.",
    ja: "{holder} は契約 {agreement} の{what}後の情報の返却または破棄をまだ証明していません。期限は{due}で、{days}日超過しています。今すぐ証明してください。",
    ar: "لم يُقرّ {holder} بإعادة المعلومات أو إتلافها بعد {what} بموجب الاتفاقية {agreement}. كان الموعد المحدد {due}، والتأخير {days, plural, one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}. يُرجى تقديم الإقرار الآن.",
  },
  "lifecycle.mail.destruction.overdueTheirs.subject": {
    en: "{agreement}: {holder} is overdue returning or destroying information",
    de: "{agreement}: {holder} ist mit der Rückgabe oder Vernichtung von Informationen im Verzug",
    ja: "{agreement}：{holder} の情報の返却・破棄が期限を過ぎています",
    ar: "{agreement}: تأخر {holder} في إعادة المعلومات أو إتلافها",
  },
  "lifecycle.mail.destruction.overdueTheirs.body": {
    en: "{holder} has not certified that it returned or destroyed the information after {what} under agreement {agreement}. It was due on {due} and is {days, plural, one {# day} other {# days}} overdue.",
    de: "{holder} hat nicht bescheinigt, die Informationen nach {what} der Vereinbarung {agreement} zurückgegeben oder vernichtet zu haben. Fällig war dies am {due}; die Frist ist seit {days, plural, one {# Tag} other {# Tagen}} überschritten.",
    ja: "{holder} は契約 {agreement} の{what}後の情報の返却または破棄をまだ証明していません。期限は{due}で、{days}日超過しています。",
    ar: "لم يُقرّ {holder} بإعادة المعلومات أو إتلافها بعد {what} بموجب الاتفاقية {agreement}. كان الموعد المحدد {due}، والتأخير {days, plural, one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}.",
  },
  "lifecycle.mail.destruction.escalated.subject": {
    en: "Escalation {agreement}: {holder} is {days, plural, one {# day} other {# days}} overdue returning or destroying information",
    de: "Eskalation {agreement}: {holder} ist mit der Rückgabe oder Vernichtung seit {days, plural, one {# Tag} other {# Tagen}} im Verzug",
    ja: "エスカレーション {agreement}：{holder} の情報の返却・破棄が{days}日超過しています",
    ar: "تصعيد {agreement}: تأخر {holder} في إعادة المعلومات أو إتلافها {days, plural, one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}",
  },
  "lifecycle.mail.destruction.escalated.body": {
    en: "{holder}, a holder in the chain of {recipient} under agreement {agreement}, has still not certified that it returned or destroyed the information after {what}. It was due on {due} and is {days, plural, one {# day} other {# days}} overdue.",
    de: "{holder}, ein Empfänger in der Kette von {recipient} unter der Vereinbarung {agreement}, hat noch immer nicht bescheinigt, die Informationen nach {what} zurückgegeben oder vernichtet zu haben. Fällig war dies am {due}; die Frist ist seit {days, plural, one {# Tag} other {# Tagen}} überschritten.",
    ja: "契約 {agreement} における {recipient} のチェーン内の保有者 {holder} は、{what}後の情報の返却または破棄をまだ証明していません。期限は{due}で、{days}日超過しています。",
    ar: "لم يُقرّ {holder}، وهو حائز للمعلومات في سلسلة {recipient} بموجب الاتفاقية {agreement}، حتى الآن بإعادة المعلومات أو إتلافها بعد {what}. كان الموعد المحدد {due}، والتأخير {days, plural, one {يوم واحد} two {يومان} few {# أيام} many {# يومًا} other {# يوم}}.",
  },
  "lifecycle.mail.destruction.link": {
    en: "Open the portal: {link}",
    de: "Zum Portal: {link}",
    ja: "ポータルを開く：{link}",
    ar: "افتحوا البوابة: {link}",
  },
} satisfies Messages;
