import type { Messages } from "./entry";

/** Answers pre-filled from the supplier's profile (issue 22); every key starts with "prefill.". */
export const prefill = {
  "prefill.note": {
    en: "Pre-filled from your profile · last confirmed {date}",
    de: "Aus Ihrem Profil vorausgefüllt · zuletzt bestätigt am {date}",
    ja: "プロフィールから事前入力されました · 最終確認日 {date}",
    ar: "مُعبّأ مسبقًا من ملفك التعريفي · آخر تأكيد في {date}",
  },
  "prefill.stale": {
    en: "older than this agreement's re-assessment cadence ({months, plural, one {# month} other {# months}})",
    de: "älter als der Turnus der Neubewertung dieser Vereinbarung ({months, plural, one {# Monat} other {# Monate}})",
    ja: "この契約の再評価周期（{months, plural, other {# か月}}）より古い回答です",
    ar: "أقدم من دورة إعادة التقييم لهذه الاتفاقية ({months, plural, zero {# شهر} one {شهر واحد} two {شهران} few {# أشهر} many {# شهرًا} other {# شهر}})",
  },
  "prefill.state.pending": {
    en: "Not confirmed yet",
    de: "Noch nicht bestätigt",
    ja: "未確認です",
    ar: "لم يُؤكَّد بعد",
  },
  "prefill.state.confirmed": { en: "Confirmed", de: "Bestätigt", ja: "確認済みです", ar: "مؤكَّد" },
  "prefill.state.changed": { en: "Changed", de: "Geändert", ja: "変更済みです", ar: "معدَّل" },
  "prefill.confirm": { en: "Confirm", de: "Bestätigen", ja: "確認する", ar: "تأكيد" },
  "prefill.confirmPage": {
    en: "Confirm all on this page",
    de: "Alle auf dieser Seite bestätigen",
    ja: "このページのすべてを確認する",
    ar: "تأكيد الكل في هذه الصفحة",
  },
  "prefill.summary": {
    en: "{count, plural, one {# answer} other {# answers}} pre-filled from your profile, {left, plural, one {# still} other {# still}} to confirm.",
    de: "{count, plural, one {# Antwort} other {# Antworten}} aus Ihrem Profil vorausgefüllt, {left, plural, one {# ist} other {# sind}} noch zu bestätigen.",
    ja: "プロフィールから {count, plural, other {# 件の回答}}が事前入力されました。確認が必要なものは残り {left, plural, other {# 件}}です。",
    ar: "{count, plural, zero {لا إجابات} one {إجابة واحدة} two {إجابتان} few {# إجابات} many {# إجابة} other {# إجابة}} مُعبّأة مسبقًا من ملفك التعريفي، ويبقى {left, plural, zero {لا شيء} one {واحدة} two {اثنتان} few {#} many {#} other {#}} للتأكيد.",
  },
  "prefill.summaryStale": {
    en: "{count, plural, one {# of them is} other {# of them are}} older than this agreement's re-assessment cadence: check them with care.",
    de: "{count, plural, one {# davon ist} other {# davon sind}} älter als der Turnus der Neubewertung dieser Vereinbarung: Bitte prüfen Sie sie sorgfältig.",
    ja: "そのうち {count, plural, other {# 件}}はこの契約の再評価周期より古いため、慎重に確認してください。",
    ar: "{count, plural, zero {لا شيء منها} one {واحدة منها} two {اثنتان منها} few {# منها} many {# منها} other {# منها}} أقدم من دورة إعادة التقييم لهذه الاتفاقية: يُرجى التحقق منها بعناية.",
  },
  "prefill.unconfirmed": {
    en: "Confirm or change the answers pre-filled from your profile before you submit:",
    de: "Bestätigen oder ändern Sie vor dem Einreichen die aus Ihrem Profil vorausgefüllten Antworten:",
    ja: "提出する前に、プロフィールから事前入力された回答を確認または変更してください：",
    ar: "أكِّد الإجابات المُعبّأة مسبقًا من ملفك التعريفي أو غيّرها قبل التقديم:",
  },
  "prefill.review.heading": {
    en: "Answers reused from the supplier's profile",
    de: "Aus dem Profil des Lieferanten übernommene Antworten",
    ja: "サプライヤーのプロフィールから再利用された回答",
    ar: "إجابات أُعيد استخدامها من الملف التعريفي للمورّد",
  },
  "prefill.review.count": {
    en: "{reused, plural, one {# answer reused} other {# answers reused}}, {confirmed} confirmed, {changed} changed",
    de: "{reused, plural, one {# Antwort übernommen} other {# Antworten übernommen}}, {confirmed} bestätigt, {changed} geändert",
    ja: "{reused, plural, other {# 件の回答を再利用}}（確認 {confirmed} 件、変更 {changed} 件）",
    ar: "{reused, plural, zero {لم يُعَد استخدام أي إجابة} one {أُعيد استخدام إجابة واحدة} two {أُعيد استخدام إجابتين} few {أُعيد استخدام # إجابات} many {أُعيد استخدام # إجابة} other {أُعيد استخدام # إجابة}}، {confirmed} مؤكَّدة، {changed} معدَّلة",
  },
  "prefill.review.item": {
    en: "Reused from the supplier's profile, last confirmed {date}",
    de: "Aus dem Profil des Lieferanten übernommen, zuletzt bestätigt am {date}",
    ja: "サプライヤーのプロフィールから再利用、最終確認日 {date}",
    ar: "أُعيد استخدامها من الملف التعريفي للمورّد، آخر تأكيد في {date}",
  },
  "prefill.review.confirmed": {
    en: "confirmed by the supplier",
    de: "vom Lieferanten bestätigt",
    ja: "サプライヤーが確認しました",
    ar: "أكّدها المورّد",
  },
  "prefill.review.changed": {
    en: "changed by the supplier",
    de: "vom Lieferanten geändert",
    ja: "サプライヤーが変更しました",
    ar: "غيّرها المورّد",
  },
} satisfies Messages;
