import type { Messages } from "./entry";

/**
 * Messages of the certs namespace; every key starts with "certs.".
 * The scoring engine's verdicts on certificates (app/scoring/certifications.ts)
 * and its risk rating (app/scoring/risk.ts, the knock-out and required
 * certification lines of app/scoring/assessment.ts). A finding's detail is a
 * clause without a closing full stop: it is said inside other sentences.
 */
export const certs = {
  // a certificate as the reasons name it
  "certs.certificate.fromBody": {
    en: "{standard} certificate {number} from {body}",
    de: "{standard}-Zertifikat {number} von {body}",
    ja: "{body}発行の{standard}認証書 {number}",
    ar: "شهادة {standard} رقم {number} الصادرة عن {body}",
  },
  "certs.certificate.plain": {
    en: "{standard} certificate {number}",
    de: "{standard}-Zertifikat {number}",
    ja: "{standard}認証書 {number}",
    ar: "شهادة {standard} رقم {number}",
  },
  "certs.dateRange": {
    en: "{from} to {to}",
    de: "{from} bis {to}",
    ja: "{from}から{to}まで",
    ar: "من {from} إلى {to}",
  },

  // a finding's name, as the certificates table, the requirement and the PDF print it
  "certs.finding.noBody": {
    en: "No certification body",
    de: "Keine Zertifizierungsstelle",
    ja: "認証機関の記載なし",
    ar: "لا توجد جهة مانحة للشهادة",
  },
  "certs.finding.invalidDate": {
    en: "Unreadable date",
    de: "Unlesbares Datum",
    ja: "読み取れない日付",
    ar: "تاريخ غير مقروء",
  },
  "certs.finding.notYetIssued": {
    en: "Not yet issued",
    de: "Noch nicht ausgestellt",
    ja: "未発行",
    ar: "لم تصدر بعد",
  },
  "certs.finding.datesInverted": {
    en: "Issued after it expires",
    de: "Ausstellung nach dem Ablauf",
    ja: "有効期限より後の発行日",
    ar: "صادرة بعد تاريخ انتهائها",
  },
  "certs.finding.expired": {
    en: "Expired",
    de: "Abgelaufen",
    ja: "期限切れ",
    ar: "منتهية الصلاحية",
  },
  "certs.finding.noService": {
    en: "Scope cannot be checked",
    de: "Geltungsbereich nicht prüfbar",
    ja: "適用範囲を確認できません",
    ar: "تعذّر التحقق من النطاق",
  },
  "certs.finding.scopeNotCovering": {
    en: "Scope does not cover the service",
    de: "Geltungsbereich deckt die Leistung nicht ab",
    ja: "適用範囲がサービスを含んでいません",
    ar: "النطاق لا يشمل الخدمة",
  },
  "certs.finding.issuedAfterTermStart": {
    en: "Issued after the term began",
    de: "Nach Beginn der Laufzeit ausgestellt",
    ja: "契約期間の開始後に発行",
    ar: "صادرة بعد بدء مدة الاتفاقية",
  },
  "certs.finding.coverageGap": {
    en: "Gap in coverage",
    de: "Lücke in der Abdeckung",
    ja: "対象期間の空白",
    ar: "فجوة في التغطية",
  },
  "certs.finding.expiresInTerm": {
    en: "Expires inside the term",
    de: "Ablauf innerhalb der Laufzeit",
    ja: "契約期間中に失効",
    ar: "تنتهي صلاحيتها خلال مدة الاتفاقية",
  },

  // a finding as one line, and as sentences following one another
  "certs.finding.line": {
    en: "{name}: {detail}.",
    de: "{name}: {detail}.",
    ja: "{name}：{detail}。",
    ar: "{name}: {detail}.",
  },
  "certs.finding.inline": {
    en: "{name}: {detail}",
    de: "{name}: {detail}",
    ja: "{name}：{detail}",
    ar: "{name}: {detail}",
  },
  "certs.finding.then": {
    en: "{finding} {rest}",
    de: "{finding} {rest}",
    ja: "{finding}{rest}",
    ar: "{finding} {rest}",
  },

  // what exactly, with the dates: clauses without a closing full stop
  "certs.detail.noBody": {
    en: "no certification body is named",
    de: "es ist keine Zertifizierungsstelle angegeben",
    ja: "認証機関が記載されていません",
    ar: "لم تُذكر الجهة المانحة للشهادة",
  },
  "certs.detail.invalidIssueDate": {
    en: "the issue date {value} is not a valid date",
    de: "das Ausstellungsdatum {value} ist kein gültiges Datum",
    ja: "発行日 {value} は有効な日付ではありません",
    ar: "تاريخ الإصدار {value} ليس تاريخًا صالحًا",
  },
  "certs.detail.invalidExpiryDate": {
    en: "the expiry date {value} is not a valid date",
    de: "das Ablaufdatum {value} ist kein gültiges Datum",
    ja: "有効期限 {value} は有効な日付ではありません",
    ar: "تاريخ انتهاء الصلاحية {value} ليس تاريخًا صالحًا",
  },
  "certs.detail.notYetIssued": {
    en: "issued {issued}, after the evaluation date {evaluation}",
    de: "ausgestellt am {issued}, nach dem Bewertungsstichtag {evaluation}",
    ja: "発行日は{issued}で、評価日{evaluation}より後です",
    ar: "صدرت في {issued}، بعد تاريخ التقييم {evaluation}",
  },
  "certs.detail.datesInverted": {
    en: "the issue date {issued} is after the expiry date {expiry}",
    de: "das Ausstellungsdatum {issued} liegt nach dem Ablaufdatum {expiry}",
    ja: "発行日{issued}が有効期限{expiry}より後です",
    ar: "تاريخ الإصدار {issued} لاحق لتاريخ انتهاء الصلاحية {expiry}",
  },
  "certs.detail.expired": {
    en: "expired on {expiry}, before the evaluation date {evaluation}",
    de: "abgelaufen am {expiry}, vor dem Bewertungsstichtag {evaluation}",
    ja: "{expiry}に失効しており、評価日{evaluation}より前です",
    ar: "انتهت صلاحيتها في {expiry}، قبل تاريخ التقييم {evaluation}",
  },
  "certs.detail.noService": {
    en: "the chain records no service for this supplier, so the scope cannot be checked",
    de: "die Lieferkette verzeichnet für diesen Lieferanten keine Leistung, daher kann der Geltungsbereich nicht geprüft werden",
    ja: "サプライチェーンにこのサプライヤーのサービスが記録されていないため、適用範囲を確認できません",
    ar: "لا تسجّل السلسلة أي خدمة لهذا المورّد، لذا يتعذّر التحقق من النطاق",
  },
  "certs.detail.scopeNotCovering": {
    en: 'the scope "{scope}" does not cover the service "{service}"',
    de: "der Geltungsbereich „{scope}“ deckt die Leistung „{service}“ nicht ab",
    ja: "適用範囲「{scope}」はサービス「{service}」を含んでいません",
    ar: "النطاق «{scope}» لا يشمل الخدمة «{service}»",
  },
  "certs.detail.coverageGap": {
    en: "no {standard} certificate on file covers {gaps}, and coverage must be continuous from the term's start on {start}",
    de: "kein hinterlegtes {standard}-Zertifikat deckt {gaps} ab, die Abdeckung muss aber ab Beginn der Laufzeit am {start} lückenlos sein",
    ja: "{gaps}の期間を対象とする{standard}認証書が登録されていません。対象期間は契約期間の開始日{start}から途切れなく続く必要があります",
    ar: "لا توجد شهادة {standard} مسجّلة تغطي الفترة {gaps}، ويجب أن تكون التغطية متصلة منذ بدء مدة الاتفاقية في {start}",
  },
  "certs.detail.issuedAfterTermStart": {
    en: "issued {issued}, after the agreement's term began on {start}, and no earlier {standard} certificate on file covers {uncovered}",
    de: "ausgestellt am {issued}, nach Beginn der Vertragslaufzeit am {start}, und kein früheres hinterlegtes {standard}-Zertifikat deckt den Zeitraum {uncovered} ab",
    ja: "発行日は{issued}で、契約期間の開始日{start}より後です。また、{uncovered}の期間を対象とする以前の{standard}認証書は登録されていません",
    ar: "صدرت في {issued}، بعد بدء مدة الاتفاقية في {start}، ولا توجد شهادة {standard} سابقة مسجّلة تغطي الفترة {uncovered}",
  },
  "certs.detail.coveredOnlyFrom": {
    en: "the {standard} certificates on file cover the term only from {from}; the agreement's term began on {start}",
    de: "die hinterlegten {standard}-Zertifikate decken die Laufzeit erst ab dem {from} ab; die Vertragslaufzeit begann am {start}",
    ja: "登録されている{standard}認証書が契約期間を対象とするのは{from}以降のみです。契約期間は{start}に開始しています",
    ar: "لا تغطي شهادات {standard} المسجّلة مدة الاتفاقية إلا اعتبارًا من {from}؛ وقد بدأت مدة الاتفاقية في {start}",
  },
  "certs.detail.expiresInTerm": {
    en: "expires {expiry}, before the agreement ends on {end}",
    de: "läuft am {expiry} ab, vor dem Vertragsende am {end}",
    ja: "{expiry}に失効し、契約終了日{end}より前です",
    ar: "تنتهي صلاحيتها في {expiry}، قبل انتهاء الاتفاقية في {end}",
  },

  // certifications the agreement requires
  "certs.required.missing": {
    en: "Required certification {standard}: no certificate with full credit provided.",
    de: "Geforderte Zertifizierung {standard}: Es wurde kein Zertifikat mit voller Anrechnung vorgelegt.",
    ja: "必須認証 {standard}：全面的に認められる認証書が提出されていません。",
    ar: "الشهادة المطلوبة {standard}: لم تُقدَّم أي شهادة معتمدة اعتمادًا كاملًا.",
  },
  "certs.required.noFullCredit": {
    en: "Required certification {standard}: no certificate with full credit ({details}).",
    de: "Geforderte Zertifizierung {standard}: kein Zertifikat mit voller Anrechnung ({details}).",
    ja: "必須認証 {standard}：全面的に認められる認証書がありません（{details}）。",
    ar: "الشهادة المطلوبة {standard}: لا توجد شهادة معتمدة اعتمادًا كاملًا ({details}).",
  },
  "certs.required.partialOnly": {
    en: "Required certification {standard}: partial credit only, no certificate with full credit ({details}).",
    de: "Geforderte Zertifizierung {standard}: nur teilweise Anrechnung, kein Zertifikat mit voller Anrechnung ({details}).",
    ja: "必須認証 {standard}：部分的にのみ認められ、全面的に認められる認証書がありません（{details}）。",
    ar: "الشهادة المطلوبة {standard}: اعتماد جزئي فقط، ولا توجد شهادة معتمدة اعتمادًا كاملًا ({details}).",
  },
  "certs.required.certificate": {
    en: "{certificate}: {findings}",
    de: "{certificate}: {findings}",
    ja: "{certificate}：{findings}",
    ar: "{certificate}: {findings}",
  },

  // words inside the risk reasons
  "certs.class.public": { en: "public", de: "öffentlich", ja: "公開", ar: "عامة" },
  "certs.class.internal": { en: "internal", de: "intern", ja: "社内限", ar: "داخلية" },
  "certs.class.confidential": { en: "confidential", de: "vertraulich", ja: "機密", ar: "سرية" },
  "certs.class.restricted": { en: "restricted", de: "streng vertraulich", ja: "極秘", ar: "مقيّدة" },
  "certs.access.none": { en: "none", de: "kein Zugriff", ja: "アクセスなし", ar: "لا وصول" },
  "certs.access.read": { en: "read", de: "Lesen", ja: "読み取り", ar: "قراءة" },
  "certs.access.write": { en: "write", de: "Schreiben", ja: "書き込み", ar: "كتابة" },
  "certs.access.admin": { en: "admin", de: "Administration", ja: "管理者", ar: "إدارة" },
  "certs.rating.low": { en: "low", de: "gering", ja: "低", ar: "منخفض" },
  "certs.rating.medium": { en: "medium", de: "mittel", ja: "中", ar: "متوسط" },
  "certs.rating.high": { en: "high", de: "hoch", ja: "高", ar: "مرتفع" },
  "certs.rating.critical": { en: "critical", de: "kritisch", ja: "重大", ar: "حرج" },

  // inherent risk
  "certs.risk.class": {
    en: "Information class: highest class received is {class} (+{points, number}).",
    de: "Informationsklasse: Die höchste erhaltene Klasse ist {class} (+{points, number}).",
    ja: "情報区分：受領する最も高い区分は{class}です（+{points, number}）。",
    ar: "فئة المعلومات: أعلى فئة مستلمة هي {class} (+{points, number}).",
  },
  "certs.risk.access": {
    en: "Access level: {access} (+{points, number}).",
    de: "Zugriffsebene: {access} (+{points, number}).",
    ja: "アクセスレベル：{access}（+{points, number}）。",
    ar: "مستوى الوصول: {access} (+{points, number}).",
  },
  "certs.risk.jurisdictionUnknown": {
    en: "Jurisdiction: data locations not answered, so unknown (+{points, number}).",
    de: "Rechtsraum: Datenstandorte nicht beantwortet, daher unbekannt (+{points, number}).",
    ja: "法域：データの保管場所が未回答のため不明です（+{points, number}）。",
    ar: "الولاية القضائية: لم تتم الإجابة عن مواقع البيانات، لذا فهي غير معروفة (+{points, number}).",
  },
  "certs.risk.jurisdiction": {
    en: "Jurisdiction: {detail} (+{points, number}).",
    de: "Rechtsraum: {detail} (+{points, number}).",
    ja: "法域：{detail}（+{points, number}）。",
    ar: "الولاية القضائية: {detail} (+{points, number}).",
  },
  "certs.risk.jurisdictionPermitted": {
    en: "Jurisdiction: all locations permitted ({countries}) (+{points, number}).",
    de: "Rechtsraum: alle Standorte zulässig ({countries}) (+{points, number}).",
    ja: "法域：すべての所在地が許可されています（{countries}）（+{points, number}）。",
    ar: "الولاية القضائية: جميع المواقع مسموح بها ({countries}) (+{points, number}).",
  },
  "certs.risk.namedCountry": {
    en: "{name} ({code})",
    de: "{name} ({code})",
    ja: "{name}（{code}）",
    ar: "{name} ({code})",
  },
  "certs.risk.inherent": {
    en: "Inherent risk: {points, number} of 8 points, {rating}.",
    de: "Inhärentes Risiko: {points, number} von 8 Punkten, {rating}.",
    ja: "固有リスク：8点中{points, number}点、評価は「{rating}」です。",
    ar: "المخاطر الكامنة: {points, number} من 8 نقاط، {rating}.",
  },

  // residual rating: the compliance score moves the inherent level
  "certs.risk.score.lowers": {
    en: "Compliance score {score, number} (85 or more) lowers the rating one level: {from} → {to}{atLimit, select, yes { (already at the limit)} other {}}.",
    de: "Compliance-Score {score, number} (85 oder mehr) senkt die Einstufung um eine Stufe: {from} → {to}{atLimit, select, yes { (bereits an der Grenze)} other {}}.",
    ja: "コンプライアンススコア{score, number}（85以上）により評価が1段階下がります：「{from}」→「{to}」{atLimit, select, yes {（すでに下限）} other {}}。",
    ar: "درجة الامتثال {score, number} (85 أو أكثر) تخفض التصنيف مستوى واحدًا: {from} ← {to}{atLimit, select, yes { (عند الحد بالفعل)} other {}}.",
  },
  "certs.risk.score.keeps": {
    en: "Compliance score {score, number} (70–84) leaves the rating at the inherent level: {from} → {to}{atLimit, select, yes { (already at the limit)} other {}}.",
    de: "Compliance-Score {score, number} (70–84) belässt die Einstufung auf der inhärenten Stufe: {from} → {to}{atLimit, select, yes { (bereits an der Grenze)} other {}}.",
    ja: "コンプライアンススコア{score, number}（70～84）のため評価は固有リスクの水準のままです：「{from}」→「{to}」{atLimit, select, yes {（すでに限度）} other {}}。",
    ar: "درجة الامتثال {score, number} (70–84) تُبقي التصنيف عند المستوى الكامن: {from} ← {to}{atLimit, select, yes { (عند الحد بالفعل)} other {}}.",
  },
  "certs.risk.score.raisesOne": {
    en: "Compliance score {score, number} (50–69) raises the rating one level: {from} → {to}{atLimit, select, yes { (already at the limit)} other {}}.",
    de: "Compliance-Score {score, number} (50–69) erhöht die Einstufung um eine Stufe: {from} → {to}{atLimit, select, yes { (bereits an der Grenze)} other {}}.",
    ja: "コンプライアンススコア{score, number}（50～69）により評価が1段階上がります：「{from}」→「{to}」{atLimit, select, yes {（すでに上限）} other {}}。",
    ar: "درجة الامتثال {score, number} (50–69) ترفع التصنيف مستوى واحدًا: {from} ← {to}{atLimit, select, yes { (عند الحد بالفعل)} other {}}.",
  },
  "certs.risk.score.raisesTwo": {
    en: "Compliance score {score, number} (below 50) raises the rating two levels: {from} → {to}{atLimit, select, yes { (already at the limit)} other {}}.",
    de: "Compliance-Score {score, number} (unter 50) erhöht die Einstufung um zwei Stufen: {from} → {to}{atLimit, select, yes { (bereits an der Grenze)} other {}}.",
    ja: "コンプライアンススコア{score, number}（50未満）により評価が2段階上がります：「{from}」→「{to}」{atLimit, select, yes {（すでに上限）} other {}}。",
    ar: "درجة الامتثال {score, number} (أقل من 50) ترفع التصنيف مستويين: {from} ← {to}{atLimit, select, yes { (عند الحد بالفعل)} other {}}.",
  },

  // failed knock-outs
  "certs.risk.knockOutFloor": {
    en: "{count, plural, one {Failed knock-out} other {Failed knock-outs}} {names}: the rating is at least high.",
    de: "{count, plural, one {Nicht erfülltes K.-o.-Kriterium} other {Nicht erfüllte K.-o.-Kriterien}} {names}: Die Einstufung ist mindestens hoch.",
    ja: "{count, plural, other {不合格のノックアウト要件}} {names}：評価は少なくとも「高」です。",
    ar: "{count, plural, zero {متطلبات إقصائية غير مستوفاة} one {متطلب إقصائي غير مستوفى} two {متطلبان إقصائيان غير مستوفيين} few {متطلبات إقصائية غير مستوفاة} many {متطلبات إقصائية غير مستوفاة} other {متطلبات إقصائية غير مستوفاة}} {names}: التصنيف مرتفع على الأقل.",
  },
  "certs.risk.knockOutCap": {
    en: "{count, plural, one {Failed knock-out} other {Failed knock-outs}} {names}: the score is capped at {cap, number} ({uncapped, number} before the cap).",
    de: "{count, plural, one {Nicht erfülltes K.-o.-Kriterium} other {Nicht erfüllte K.-o.-Kriterien}} {names}: Der Score ist auf {cap, number} begrenzt ({uncapped, number} vor der Begrenzung).",
    ja: "{count, plural, other {不合格のノックアウト要件}} {names}：スコアの上限は{cap, number}です（上限適用前は{uncapped, number}）。",
    ar: "{count, plural, zero {متطلبات إقصائية غير مستوفاة} one {متطلب إقصائي غير مستوفى} two {متطلبان إقصائيان غير مستوفيين} few {متطلبات إقصائية غير مستوفاة} many {متطلبات إقصائية غير مستوفاة} other {متطلبات إقصائية غير مستوفاة}} {names}: الدرجة محدودة بسقف {cap, number} ({uncapped, number} قبل تطبيق السقف).",
  },
} satisfies Messages;
