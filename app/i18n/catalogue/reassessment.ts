import type { Messages } from "./entry";

/** Messages of the reassessment namespace; every key starts with "reassessment.". */
export const reassessment = {
  // procurement's overview page
  "reassessment.page.title": { en: "Re-assessments", de: "Neubewertungen", ja: "再評価", ar: "إعادة التقييم" },
  "reassessment.page.intro": {
    en: "Each agreement says how often its suppliers are assessed again and what brings an assessment forward. Due re-assessments are sent automatically, pre-filled with the supplier's last approved answers.",
    de: "Jede Vereinbarung legt fest, wie oft ihre Lieferanten erneut bewertet werden und was eine Bewertung vorzieht. Fällige Neubewertungen werden automatisch gesendet, vorausgefüllt mit den zuletzt genehmigten Antworten des Lieferanten.",
    ja: "各契約では、サプライヤーを再評価する頻度と、評価を前倒しする条件が定められています。期限を迎えた再評価は、サプライヤーが前回承認された回答を入力済みの状態で自動送信されます。",
    ar: "تحدد كل اتفاقية عدد مرات إعادة تقييم مورديها وما الذي يُقدِّم موعد التقييم. تُرسَل عمليات إعادة التقييم المستحقة تلقائيًا، معبّأة مسبقًا بآخر إجابات المورّد المعتمدة.",
  },
  "reassessment.page.urgent": {
    en: "{count} need attention.",
    de: "{count, plural, one {# erfordert} other {# erfordern}} Aufmerksamkeit.",
    ja: "{count} 件に対応が必要です。",
    ar: "{count, plural, zero {لا شيء يحتاج} one {واحدة تحتاج} two {اثنتان تحتاجان} few {# تحتاج} many {# تحتاج} other {# تحتاج}} إلى اهتمام.",
  },
  "reassessment.page.incidentsHeading": {
    en: "Incidents reported by suppliers",
    de: "Von Lieferanten gemeldete Vorfälle",
    ja: "サプライヤーから報告されたインシデント",
    ar: "الحوادث التي أبلغ عنها الموردون",
  },

  // the table of next re-assessments
  "reassessment.state.not-assessed": {
    en: "no approved assessment yet",
    de: "noch keine genehmigte Bewertung",
    ja: "承認済みの評価なし",
    ar: "لا يوجد تقييم معتمد بعد",
  },
  "reassessment.state.scheduled": { en: "scheduled", de: "geplant", ja: "予定済み", ar: "مجدول" },
  "reassessment.state.due": {
    en: "due: being sent",
    de: "fällig: wird gesendet",
    ja: "期限到来: 送信中",
    ar: "مستحق: جارٍ الإرسال",
  },
  "reassessment.state.in-progress": {
    en: "sent, in progress",
    de: "gesendet, in Bearbeitung",
    ja: "送信済み、回答中",
    ar: "أُرسل، قيد التنفيذ",
  },
  "reassessment.state.overdue": { en: "overdue", de: "überfällig", ja: "期限超過", ar: "متأخر" },
  "reassessment.table.label": { en: "Re-assessments", de: "Neubewertungen", ja: "再評価", ar: "إعادة التقييم" },
  "reassessment.table.empty": {
    en: "No suppliers.",
    de: "Keine Lieferanten.",
    ja: "サプライヤーはありません。",
    ar: "لا يوجد موردون.",
  },
  "reassessment.table.col.supplier": { en: "Supplier", de: "Lieferant", ja: "サプライヤー", ar: "المورّد" },
  "reassessment.table.tier": { en: "tier {tier}", de: "Ebene {tier}", ja: "第 {tier} 層", ar: "المستوى {tier}" },
  "reassessment.table.col.agreement": { en: "Agreement", de: "Vereinbarung", ja: "契約", ar: "الاتفاقية" },
  "reassessment.table.col.state": { en: "State", de: "Stand", ja: "状態", ar: "الحالة" },
  "reassessment.table.open": {
    en: "open the assessment",
    de: "Bewertung öffnen",
    ja: "評価を開く",
    ar: "فتح التقييم",
  },
  "reassessment.table.col.due": { en: "Due", de: "Fällig", ja: "期限", ar: "الموعد النهائي" },
  "reassessment.table.sentOn": {
    en: "sent on {date}",
    de: "gesendet am {date}",
    ja: "{date} に送信",
    ar: "يُرسل في {date}",
  },
  "reassessment.table.col.why": { en: "Why", de: "Anlass", ja: "理由", ar: "السبب" },
  "reassessment.noReason.underWay": {
    en: "The first assessment is under way: the cycle starts when it is approved.",
    de: "Die erste Bewertung läuft: Der Zyklus beginnt mit ihrer Genehmigung.",
    ja: "最初の評価が進行中です。承認されるとサイクルが始まります。",
    ar: "التقييم الأول قيد التنفيذ: تبدأ الدورة عند اعتماده.",
  },
  "reassessment.noReason.sendFirst": {
    en: "Send a first assessment to start the cycle.",
    de: "Senden Sie eine erste Bewertung, um den Zyklus zu beginnen.",
    ja: "サイクルを開始するには、最初の評価を送信してください。",
    ar: "أرسل تقييمًا أول لبدء الدورة.",
  },

  // why a re-assessment is due
  "reassessment.reason.cadence": {
    en: "{rating, select, low {low} medium {medium} high {high} other {critical}} risk: every {months} months after the approval of {approved}",
    de: "{rating, select, low {Geringes} medium {Mittleres} high {Hohes} other {Kritisches}} Risiko: alle {months} Monate nach der Genehmigung vom {approved}",
    ja: "{rating, select, low {低} medium {中} high {高} other {重大}}リスク: {approved} の承認から {months} か月ごと",
    ar: "مخاطر {rating, select, low {منخفضة} medium {متوسطة} high {مرتفعة} other {حرجة}}: كل {months} شهرًا بعد الاعتماد في {approved}",
  },
  "reassessment.reason.certificate": {
    en: "certificate {number} ({standard}) expires on {expires}",
    de: "Zertifikat {number} ({standard}) läuft am {expires} ab",
    ja: "証明書 {number}（{standard}）の有効期限が {expires} に切れます",
    ar: "تنتهي صلاحية الشهادة {number} ({standard}) في {expires}",
  },
  "reassessment.reason.rating": {
    en: "the rating fell from {from, select, low {low} medium {medium} high {high} other {critical}} to {to, select, low {low} medium {medium} high {high} other {critical}}",
    de: "die Einstufung fiel von {from, select, low {gering} medium {mittel} high {hoch} other {kritisch}} auf {to, select, low {gering} medium {mittel} high {hoch} other {kritisch}}",
    ja: "評価が{from, select, low {低} medium {中} high {高} other {重大}}から{to, select, low {低} medium {中} high {高} other {重大}}に下がりました",
    ar: "انخفض التصنيف من {from, select, low {منخفض} medium {متوسط} high {مرتفع} other {حرج}} إلى {to, select, low {منخفض} medium {متوسط} high {مرتفع} other {حرج}}",
  },
  "reassessment.reason.incident": {
    en: "an incident was reported on {on}",
    de: "am {on} wurde ein Vorfall gemeldet",
    ja: "{on} にインシデントが報告されました",
    ar: "تم الإبلاغ عن حادث في {on}",
  },
  "reassessment.reason.phase": {
    en: 'disclosure phase "{phase}" was added on {on}',
    de: "die Offenlegungsphase „{phase}“ wurde am {on} hinzugefügt",
    ja: "開示フェーズ「{phase}」が {on} に追加されました",
    ar: "أُضيفت مرحلة الإفصاح «{phase}» في {on}",
  },

  // the agreement's policy
  "reassessment.policy.certificate": {
    en: "a required certificate expiring within {days} days",
    de: "ein erforderliches Zertifikat, das innerhalb von {days} Tagen abläuft",
    ja: "必要な証明書の有効期限が {days} 日以内に切れる",
    ar: "شهادة مطلوبة تنتهي صلاحيتها خلال {days} يومًا",
  },
  "reassessment.policy.noCertificate": {
    en: "not by an expiring certificate",
    de: "nicht durch ein ablaufendes Zertifikat",
    ja: "証明書の期限切れでは前倒ししない",
    ar: "ليس بسبب شهادة توشك صلاحيتها على الانتهاء",
  },
  "reassessment.policy.ratingFall": {
    en: "a risk rating that fell",
    de: "eine gesunkene Risikoeinstufung",
    ja: "リスク評価の低下",
    ar: "انخفاض تصنيف المخاطر",
  },
  "reassessment.policy.noRatingFall": {
    en: "not by a rating that fell",
    de: "nicht durch eine gesunkene Einstufung",
    ja: "評価の低下では前倒ししない",
    ar: "ليس بسبب انخفاض التصنيف",
  },
  "reassessment.policy.incident": {
    en: "an incident the supplier reports",
    de: "ein vom Lieferanten gemeldeter Vorfall",
    ja: "サプライヤーが報告したインシデント",
    ar: "حادث يبلغ عنه المورّد",
  },
  "reassessment.policy.noIncident": {
    en: "not by an incident",
    de: "nicht durch einen Vorfall",
    ja: "インシデントでは前倒ししない",
    ar: "ليس بسبب حادث",
  },
  "reassessment.policy.phase": {
    en: "a disclosure phase added after the approval",
    de: "eine nach der Genehmigung hinzugefügte Offenlegungsphase",
    ja: "承認後に追加された開示フェーズ",
    ar: "مرحلة إفصاح أُضيفت بعد الاعتماد",
  },
  "reassessment.policy.noPhase": {
    en: "not by a new disclosure phase",
    de: "nicht durch eine neue Offenlegungsphase",
    ja: "新しい開示フェーズでは前倒ししない",
    ar: "ليس بسبب مرحلة إفصاح جديدة",
  },
  "reassessment.policy.assessedAgain": {
    en: "Assessed again",
    de: "Erneut bewertet",
    ja: "再評価の頻度",
    ar: "إعادة التقييم",
  },
  "reassessment.policy.cadence": {
    en: "every {critical} months at critical risk, {high} at high, {medium} at medium, {low} at low (from the last approval; sent {lead} days before)",
    de: "alle {critical} Monate bei kritischem Risiko, {high} bei hohem, {medium} bei mittlerem, {low} bei geringem (ab der letzten Genehmigung; {lead} Tage vorher gesendet)",
    ja: "重大リスクは {critical} か月ごと、高は {high} か月、中は {medium} か月、低は {low} か月ごと（前回の承認から起算、{lead} 日前に送信）",
    ar: "كل {critical} شهرًا عند المخاطر الحرجة، و{high} عند المرتفعة، و{medium} عند المتوسطة، و{low} عند المنخفضة (من آخر اعتماد؛ يُرسل قبل {lead} يومًا)",
  },
  "reassessment.policy.broughtForward": {
    en: "Brought forward by",
    de: "Vorgezogen durch",
    ja: "前倒しの条件",
    ar: "يُقدَّم موعده بسبب",
  },
  "reassessment.policy.triggers": {
    en: "{triggers} (sent at once, at least {min} days to answer; each cause once)",
    de: "{triggers} (sofort gesendet, mindestens {min} Tage zur Beantwortung; jeder Anlass einmal)",
    ja: "{triggers}（直ちに送信、回答期間は最低 {min} 日。各要因につき 1 回）",
    ar: "{triggers} (يُرسل فورًا، مع {min} يومًا على الأقل للإجابة؛ مرة واحدة لكل سبب)",
  },

  // the e-mails of a re-assessment
  "reassessment.mail.yourClient": { en: "Your client", de: "Ihr Kunde", ja: "取引先", ar: "عميلك" },
  "reassessment.mail.supplierSubject": {
    en: "Re-assessment due by {due}: {reference}",
    de: "Neubewertung fällig bis {due}: {reference}",
    ja: "再評価の期限 {due}: {reference}",
    ar: "إعادة تقييم مستحقة بحلول {due}: {reference}",
  },
  "reassessment.mail.supplierBody": {
    en: "{client} asks {supplier} to confirm or update its security questionnaire under {reference}.\nWhy now: {reasons}.\n\nYour last approved answers are filled in: check each page, change what is no longer true, and submit by {due}.\n{link}",
    de: "{client} bittet {supplier}, den Sicherheitsfragebogen im Rahmen von {reference} zu bestätigen oder zu aktualisieren.\nAnlass: {reasons}.\n\nIhre zuletzt genehmigten Antworten sind bereits eingetragen: Prüfen Sie jede Seite, ändern Sie, was nicht mehr zutrifft, und reichen Sie bis {due} ein.\n{link}",
    ja: "{client} は {supplier} に対し、{reference} に基づくセキュリティ質問票の確認または更新を依頼しています。\n今回の理由: {reasons}。\n\n前回承認された回答が入力済みです。各ページを確認し、現状と異なる内容を変更して、{due} までに提出してください。\n{link}",
    ar: "يطلب {client} من {supplier} تأكيد استبيانه الأمني بموجب {reference} أو تحديثه.\nسبب إعادة التقييم الآن: {reasons}.\n\nتم ملء آخر إجاباتك المعتمدة: راجع كل صفحة، وعدّل ما لم يعد صحيحًا، وقدّم الاستبيان بحلول {due}.\n{link}",
  },
  "reassessment.mail.reviewerSubject": {
    en: "Re-assessment sent to {supplier} ({reference})",
    de: "Neubewertung an {supplier} gesendet ({reference})",
    ja: "{supplier} に再評価を送信しました（{reference}）",
    ar: "أُرسلت إعادة تقييم إلى {supplier} ({reference})",
  },
  "reassessment.mail.reviewerBody": {
    en: "A re-assessment of {supplier} under {reference} was sent, due {due}.\nWhy: {reasons}.\n\n{link}",
    de: "Eine Neubewertung von {supplier} im Rahmen von {reference} wurde gesendet, fällig am {due}.\nAnlass: {reasons}.\n\n{link}",
    ja: "{reference} に基づく {supplier} の再評価を送信しました。期限は {due} です。\n理由: {reasons}。\n\n{link}",
    ar: "أُرسلت إعادة تقييم لـ {supplier} بموجب {reference}، موعدها النهائي {due}.\nالسبب: {reasons}.\n\n{link}",
  },
} satisfies Messages;
