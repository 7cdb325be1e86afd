import type { Messages } from "./entry";

/**
 * Messages of the scoring namespace; every key starts with "scoring.".
 * The reasons the scoring engine gives for one requirement (app/scoring/
 * requirements.ts, overrides.ts, status.ts): stored as ids with values in a
 * result, said in each reader's language (app/i18n/reasons.ts).
 */
export const scoring = {
  // a status inside a sentence
  "scoring.status.met": { en: "met", de: "erfüllt", ja: "充足", ar: "مستوفى" },
  "scoring.status.partially_met": {
    en: "partially met",
    de: "teilweise erfüllt",
    ja: "一部充足",
    ar: "مستوفى جزئيًا",
  },
  "scoring.status.not_met": { en: "not met", de: "nicht erfüllt", ja: "未充足", ar: "غير مستوفى" },
  "scoring.status.not_answered": { en: "not answered", de: "nicht beantwortet", ja: "未回答", ar: "لم تتم الإجابة" },

  // one answered question and its verdict
  "scoring.answerLine": {
    en: "{question} — {reason}",
    de: "{question} — {reason}",
    ja: "{question} — {reason}",
    ar: "{question} — {reason}",
  },

  // combining the answers of a requirement
  "scoring.requirement.noJudgedQuestion": {
    en: "No judged question in the template answers this requirement.",
    de: "Keine bewertete Frage des Fragebogens beantwortet diese Anforderung.",
    ja: "この要件に回答する評価対象の質問が質問票にありません。",
    ar: "لا يوجد في الاستبيان سؤال مقيَّم يجيب عن هذا المتطلب.",
  },
  "scoring.requirement.notAsked": {
    en: "The questionnaire sent did not ask this requirement's questions: it was tailored to the agreement before the requirement was added. A re-assessment asks them.",
    de: "Der versandte Fragebogen enthielt die Fragen zu dieser Anforderung nicht: Er wurde auf die Vereinbarung zugeschnitten, bevor die Anforderung hinzukam. Eine Neubewertung stellt sie.",
    ja: "送付された質問票にはこの要件の質問が含まれていません。要件が追加される前に契約に合わせて作成されたためです。再評価でこれらの質問を行います。",
    ar: "لم يتضمن الاستبيان المرسَل أسئلة هذا المتطلب: فقد أُعدّ وفق الاتفاقية قبل إضافة المتطلب. ستطرح إعادة التقييم هذه الأسئلة.",
  },
  "scoring.requirement.noneAnswered": {
    en: "None of the {count, plural, one {# question} other {# questions}} for this requirement is answered.",
    de: "{count, plural, one {Die einzige Frage} other {Keine der # Fragen}} zu dieser Anforderung ist {count, plural, one {nicht beantwortet} other {beantwortet}}.",
    ja: "この要件の{count}件の質問はいずれも回答されていません。",
    ar: "لم تتم الإجابة عن أيٍّ من أسئلة هذا المتطلب ({count, plural, one {سؤال واحد} two {سؤالان} few {# أسئلة} many {# سؤالًا} other {# سؤال}}).",
  },
  "scoring.requirement.gateFails": {
    en: 'Gate question "{question}" fails, so the requirement is not met whatever the other answers.',
    de: "Die Schlüsselfrage „{question}“ ist nicht erfüllt, daher ist die Anforderung unabhängig von den übrigen Antworten nicht erfüllt.",
    ja: "必須質問「{question}」を満たしていないため、他の回答にかかわらずこの要件は未充足です。",
    ar: "لم يُستوفَ السؤال الحاسم «{question}»، لذا فالمتطلب غير مستوفى مهما كانت الإجابات الأخرى.",
  },
  "scoring.requirement.weighted": {
    en: "Weighted result {mean, number} from {answered, number} of {count, plural, one {# question} other {# questions}}{ignored, plural, =0 {} other { (# unanswered, ignored)}}: {status}.",
    de: "Gewichtetes Ergebnis {mean, number} aus {answered, number} von {count, plural, one {# Frage} other {# Fragen}}{ignored, plural, =0 {} other { (# unbeantwortet, nicht berücksichtigt)}}: {status}.",
    ja: "{count}件中{answered, number}件の質問の加重結果 {mean, number}{ignored, plural, =0 {} other {（未回答#件は除外）}}：{status}。",
    ar: "النتيجة المرجّحة {mean, number} بناءً على {answered, number} من أصل {count, plural, one {سؤال واحد} two {سؤالين} few {# أسئلة} many {# سؤالًا} other {# سؤال}}{ignored, plural, =0 {} other { (# دون إجابة، مستبعدة)}}: {status}.",
  },
  "scoring.requirement.gateSkipped": {
    en: 'Gate question "{question}" is not answered, so the requirement is at most partially met.',
    de: "Die Schlüsselfrage „{question}“ ist nicht beantwortet, daher ist die Anforderung höchstens teilweise erfüllt.",
    ja: "必須質問「{question}」が未回答のため、この要件は最大でも一部充足です。",
    ar: "لم تتم الإجابة عن السؤال الحاسم «{question}»، لذا فالمتطلب مستوفى جزئيًا على الأكثر.",
  },
  "scoring.requirement.supportingAnswer": {
    en: "Supporting answer: {detail}",
    de: "Ergänzende Antwort: {detail}",
    ja: "補足回答：{detail}",
    ar: "إجابة داعمة: {detail}",
  },

  // a requirement judged by a certificate
  "scoring.certificate.plain": { en: "{certificate}", de: "{certificate}", ja: "{certificate}", ar: "{certificate}" },
  "scoring.certificate.finding": {
    en: "{name}: {detail}",
    de: "{name}: {detail}",
    ja: "{name}：{detail}",
    ar: "{name}: {detail}",
  },
  "scoring.certificate.withFindings": {
    en: "{certificate} ({findings})",
    de: "{certificate} ({findings})",
    ja: "{certificate}（{findings}）",
    ar: "{certificate} ({findings})",
  },
  "scoring.certificate.gateFails": {
    en: "Judged by {standard} certification, but a gate answer fails.",
    de: "Bewertet anhand der {standard}-Zertifizierung, doch eine Antwort auf eine Schlüsselfrage ist nicht erfüllt.",
    ja: "{standard}認証で評価しますが、必須質問の回答が満たされていません。",
    ar: "يُقيَّم بشهادة {standard}، لكن إجابة سؤال حاسم غير مستوفاة.",
  },
  "scoring.certificate.fullCredit": {
    en: "Full credit from {names}: it covers the agreement's term continuously from its start, is issued by a named body and its scope covers the service.",
    de: "Volle Anrechnung durch {names}: Es deckt die Laufzeit der Vereinbarung ab Beginn lückenlos ab, ist von einer benannten Stelle ausgestellt und sein Geltungsbereich umfasst die Leistung.",
    ja: "{names}により全面的に認定：契約期間を開始時から途切れなく対象とし、名称の明らかな認証機関が発行し、適用範囲が当該サービスを含みます。",
    ar: "اعتماد كامل من {names}: تغطي مدة الاتفاقية دون انقطاع منذ بدايتها، وصادرة عن جهة مسمّاة، ونطاقها يشمل الخدمة.",
  },
  "scoring.certificate.partialCredit": {
    en: "Partial credit only: {standard} certification is on file but does not cover the agreement's term continuously: {findings}.",
    de: "Nur teilweise Anrechnung: Eine {standard}-Zertifizierung liegt vor, deckt die Laufzeit der Vereinbarung aber nicht lückenlos ab: {findings}.",
    ja: "一部のみ認定：{standard}認証は登録されていますが、契約期間を途切れなく対象としていません：{findings}。",
    ar: "اعتماد جزئي فقط: شهادة {standard} مسجّلة لكنها لا تغطي مدة الاتفاقية دون انقطاع: {findings}.",
  },
  "scoring.certificate.noCredit": {
    en: "No credit: no {standard} certificate can be relied on for this service: {findings}.",
    de: "Keine Anrechnung: Auf kein {standard}-Zertifikat kann sich diese Leistung stützen: {findings}.",
    ja: "認定なし：このサービスについて依拠できる{standard}認証書がありません：{findings}。",
    ar: "لا اعتماد: لا توجد شهادة {standard} يمكن الاعتماد عليها لهذه الخدمة: {findings}.",
  },
  "scoring.certificate.notProvided": {
    en: "No {standard} certificate was provided.",
    de: "Es wurde kein {standard}-Zertifikat vorgelegt.",
    ja: "{standard}認証書が提出されていません。",
    ar: "لم تُقدَّم شهادة {standard}.",
  },

  // certificate credit for a requirement's controls
  "scoring.credit.partialCovers": {
    en: "{certificate} covers {controls} but has partial credit only ({findings})",
    de: "{certificate} deckt {controls} ab, wird aber nur teilweise angerechnet ({findings})",
    ja: "{certificate}は{controls}を対象としますが、一部のみ認定です（{findings}）",
    ar: "{certificate} تغطي {controls} لكن اعتمادها جزئي فقط ({findings})",
  },
  "scoring.credit.none": {
    en: "No certification credit: {names}, which lifts no requirement.",
    de: "Keine Anrechnung aus Zertifizierungen: {names}; das hebt keine Anforderung an.",
    ja: "認証による加点なし：{names}。これにより引き上げられる要件はありません。",
    ar: "لا اعتماد من الشهادات: {names}، وهذا لا يرفع أي متطلب.",
  },
  "scoring.credit.item": {
    en: "{certificate} ({controls})",
    de: "{certificate} ({controls})",
    ja: "{certificate}（{controls}）",
    ar: "{certificate} ({controls})",
  },
  "scoring.credit.noLift": {
    en: "{names} covers this requirement's controls but does not lift a failed answer.",
    de: "{names} deckt die Maßnahmen dieser Anforderung ab, hebt aber keine nicht erfüllte Antwort an.",
    ja: "{names}はこの要件の管理策を対象としますが、満たされていない回答を引き上げることはありません。",
    ar: "{names} تغطي ضوابط هذا المتطلب لكنها لا ترفع إجابة غير مستوفاة.",
  },
  "scoring.credit.knockOut": {
    en: "Knock-out requirement: {names} cannot stand in for the missing answers.",
    de: "Ausschlusskriterium: {names} kann die fehlenden Antworten nicht ersetzen.",
    ja: "ノックアウト要件：{names}は欠けている回答の代わりにはなりません。",
    ar: "متطلب إقصائي: لا يمكن أن تحل {names} محل الإجابات الناقصة.",
  },
  "scoring.credit.lift": {
    en: "Certification credit from {names}: {from} → {to}.",
    de: "Anrechnung aus Zertifizierung durch {names}: {from} → {to}.",
    ja: "{names}による認証加点：{from} → {to}。",
    ar: "اعتماد من الشهادة {names}: {from} ← {to}.",
  },

  // a reviewer's override
  "scoring.override": {
    en: "Overridden by {by} on {at}: computed {computed}, set to {status}. Justification: {justification}",
    de: "Überschrieben von {by} am {at}: berechnet {computed}, gesetzt auf {status}. Begründung: {justification}",
    ja: "{by}が{at}に上書き：算出結果は{computed}、{status}に変更。理由：{justification}",
    ar: "عدّله {by} في {at}: النتيجة المحسوبة {computed}، وعُيّنت إلى {status}. المبرر: {justification}",
  },
} satisfies Messages;
