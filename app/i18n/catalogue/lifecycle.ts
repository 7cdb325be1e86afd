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
  // the state badge, the "After signature" tab's end, and the holders not yet certified
  "lifecycle.badge.survivalEnds": {
    en: "survival ends on {date}",
    de: "Nachwirkung endet am {date}",
    ja: "存続期間の終了日：{date}",
    ar: "تنتهي فترة السريان اللاحق في {date}",
  },
  "lifecycle.badge.archivedOn": {
    en: "survival ended on {date}",
    de: "Nachwirkung endete am {date}",
    ja: "存続期間は{date}に終了しました",
    ar: "انتهت فترة السريان اللاحق في {date}",
  },
  "lifecycle.termEnded": {
    en: "The term ended on {date}; record the expiry.",
    de: "Die Laufzeit endete am {date}; erfassen Sie den Ablauf.",
    ja: "契約期間は{date}に終了しました。満了を記録してください。",
    ar: "انتهت مدة الاتفاقية في {date}؛ سجّلوا انقضاءها.",
  },
  "lifecycle.recordExpiry": {
    en: "Record the expiry",
    de: "Ablauf erfassen",
    ja: "満了を記録する",
    ar: "تسجيل الانقضاء",
  },
  "lifecycle.end.how": { en: "How it ended", de: "Art der Beendigung", ja: "終了の種類", ar: "طريقة الانتهاء" },
  "lifecycle.end.termination": {
    en: "Terminated on {date}",
    de: "Gekündigt zum {date}",
    ja: "{date}に解約",
    ar: "أُنهيت في {date}",
  },
  "lifecycle.end.expiry": {
    en: "Expired on {date}",
    de: "Abgelaufen am {date}",
    ja: "{date}に満了",
    ar: "انقضت في {date}",
  },
  "lifecycle.end.recordedBy": { en: "Recorded by", de: "Erfasst von", ja: "記録者", ar: "سجّلها" },
  "lifecycle.end.note": { en: "Note", de: "Anmerkung", ja: "メモ", ar: "ملاحظة" },
  "lifecycle.end.survivalUntil": {
    en: "Confidentiality survives until",
    de: "Vertraulichkeit wirkt nach bis",
    ja: "秘密保持義務の存続期限",
    ar: "تستمر السرية حتى",
  },
  "lifecycle.end.noSurvival": {
    en: "No survival period",
    de: "Kein Nachwirkungszeitraum",
    ja: "存続期間なし",
    ar: "لا توجد فترة سريان لاحق",
  },
  "lifecycle.archived.explain": {
    en: "The agreement is archived: it is read-only. Its reports can still be downloaded and verified.",
    de: "Die Vereinbarung ist archiviert und schreibgeschützt. Ihre Berichte können weiterhin heruntergeladen und geprüft werden.",
    ja: "この契約はアーカイブ済みで、読み取り専用です。レポートは引き続きダウンロードおよび検証できます。",
    ar: "الاتفاقية مؤرشفة وللقراءة فقط. لا يزال بالإمكان تنزيل تقاريرها والتحقق منها.",
  },
  "lifecycle.outstanding.heading": {
    en: "Holders that have not certified return or destruction",
    de: "Empfänger ohne Rückgabe- oder Vernichtungsbescheinigung",
    ja: "返却・破棄を証明していない保有者",
    ar: "الحائزون الذين لم يُقرّوا بالإعادة أو الإتلاف",
  },
  "lifecycle.outstanding.summary": {
    en: "{outstanding} of {holders, plural, one {# holder} other {# holders}} not complete.",
    de: "{outstanding} von {holders, plural, one {# Empfänger} other {# Empfängern}} nicht abgeschlossen.",
    ja: "{holders}件の保有者のうち{outstanding}件が未完了です。",
    ar: "{outstanding} من أصل {holders, plural, one {حائز واحد} two {حائزَين} few {# حائزين} many {# حائزًا} other {# حائز}} غير مكتمل.",
  },
  "lifecycle.outstanding.none": {
    en: "Every holder has certified return or destruction.",
    de: "Alle Empfänger haben die Rückgabe oder Vernichtung bescheinigt.",
    ja: "すべての保有者が返却または破棄を証明しました。",
    ar: "أقرّ جميع الحائزين بالإعادة أو الإتلاف.",
  },
  "lifecycle.outstanding.noRequests": {
    en: "No holder in the chain received return-or-destroy requests.",
    de: "Kein Empfänger in der Kette hat eine Rückgabe- oder Vernichtungsaufforderung erhalten.",
    ja: "チェーン内に返却・破棄の依頼を受けた保有者はいません。",
    ar: "لم يتلقَّ أي حائز في السلسلة طلب إعادة أو إتلاف.",
  },
  "lifecycle.outstanding.holder": { en: "Holder", de: "Empfänger", ja: "保有者", ar: "الحائز" },
  "lifecycle.outstanding.tier": { en: "Tier", de: "Ebene", ja: "階層", ar: "المستوى" },
  "lifecycle.outstanding.state": { en: "State", de: "Stand", ja: "状態", ar: "الحالة" },
  "lifecycle.outstanding.due": { en: "Due", de: "Fällig", ja: "期限", ar: "الموعد المحدد" },
  "lifecycle.outstanding.overdue": { en: "Overdue", de: "Überfällig", ja: "超過", ar: "التأخير" },
  "lifecycle.overdueDays": {
    en: "{days, plural, one {# day} other {# days}} overdue",
    de: "{days, plural, one {# Tag} other {# Tage}} überfällig",
    ja: "{days}日超過",
    ar: "متأخر {days, plural, one {يومًا واحدًا} two {يومين} few {# أيام} many {# يومًا} other {# يوم}}",
  },
  "lifecycle.holder.complete": { en: "Complete", de: "Abgeschlossen", ja: "完了", ar: "مكتمل" },
  "lifecycle.holder.waiting-on-subcontractors": {
    en: "Waiting on subcontractors",
    de: "Wartet auf Unterauftragnehmer",
    ja: "下請先待ち",
    ar: "بانتظار المتعاقدين من الباطن",
  },
  "lifecycle.holder.open": { en: "Open", de: "Offen", ja: "未提出", ar: "مفتوح" },
  "lifecycle.holder.overdue": { en: "Overdue", de: "Überfällig", ja: "期限超過", ar: "متأخر" },
  "lifecycle.list.state": { en: "State", de: "Status", ja: "状態", ar: "الحالة" },
  // the read-only archive, and nothing new sent under an agreement that has ended
  "lifecycle.refuse.archived": {
    en: "This agreement is archived (its survival period ended on {date}): it is read-only, so nothing was changed.",
    de: "Diese Vereinbarung ist archiviert (ihr Nachwirkungszeitraum endete am {date}) und schreibgeschützt; es wurde nichts geändert.",
    ja: "この契約はアーカイブ済みです（存続期間は{date}に終了しました）。読み取り専用のため、何も変更されていません。",
    ar: "هذه الاتفاقية مؤرشفة (انتهت فترة السريان اللاحق في {date}) وهي للقراءة فقط، لذا لم يتغير شيء.",
  },
  "lifecycle.refuse.sendEnded": {
    en: "This agreement ended on {date}: no new questionnaires are sent under it.",
    de: "Diese Vereinbarung endete am {date}: Unter ihr werden keine neuen Fragebögen mehr versendet.",
    ja: "この契約は{date}に終了しました。この契約のもとで新しい質問票は送信されません。",
    ar: "انتهت هذه الاتفاقية في {date}: لا تُرسل بموجبها استبيانات جديدة.",
  },
  "lifecycle.refuse.sendArchived": {
    en: "This agreement ended on {date} and is archived: it is read-only and no new questionnaires are sent under it.",
    de: "Diese Vereinbarung endete am {date} und ist archiviert: Sie ist schreibgeschützt, und unter ihr werden keine neuen Fragebögen versendet.",
    ja: "この契約は{date}に終了し、アーカイブ済みです。読み取り専用のため、新しい質問票は送信されません。",
    ar: "انتهت هذه الاتفاقية في {date} وهي مؤرشفة: إنها للقراءة فقط ولا تُرسل بموجبها استبيانات جديدة.",
  },
  "lifecycle.edit.archivedTitle": {
    en: "This agreement is archived",
    de: "Diese Vereinbarung ist archiviert",
    ja: "この契約はアーカイブ済みです",
    ar: "هذه الاتفاقية مؤرشفة",
  },
  "lifecycle.edit.archived": {
    en: "Its survival period ended on {date}. An archived agreement is read-only: its terms and chain can no longer be edited. Its page and reports stay available, and reports can still be verified.",
    de: "Ihr Nachwirkungszeitraum endete am {date}. Eine archivierte Vereinbarung ist schreibgeschützt: Bedingungen und Kette können nicht mehr bearbeitet werden. Ihre Seite und Berichte bleiben verfügbar, und Berichte können weiterhin geprüft werden.",
    ja: "存続期間は{date}に終了しました。アーカイブ済みの契約は読み取り専用で、条件やチェーンは編集できません。契約ページとレポートは引き続き閲覧でき、レポートの検証も可能です。",
    ar: "انتهت فترة السريان اللاحق في {date}. الاتفاقية المؤرشفة للقراءة فقط: لم يعد بالإمكان تعديل شروطها أو سلسلتها. تبقى صفحتها وتقاريرها متاحة، ولا يزال بالإمكان التحقق من التقارير.",
  },
  "lifecycle.edit.back": {
    en: "Back to the agreement",
    de: "Zurück zur Vereinbarung",
    ja: "契約に戻る",
    ar: "العودة إلى الاتفاقية",
  },
} satisfies Messages;
