import type { Messages } from "./entry";

const RATING_EN = "low {low} medium {medium} high {high} other {critical}";
const RATING_DE = "low {gering} medium {mittel} high {hoch} other {kritisch}";
const RATING_JA = "low {低} medium {中} high {高} other {重大}";
const RATING_AR = "low {منخفض} medium {متوسط} high {مرتفع} other {حرج}";

/**
 * Messages of the chain namespace; every key starts with "chain.". The
 * reasons of the subcontractor chain (app/scoring/chain.ts), of the phase
 * gates (phases.ts) and of re-scoring (freshness.ts).
 */
export const chain = {
  // why a link has no path to the recipient
  "chain.path.loops": {
    en: "the chain loops back to {supplier}",
    de: "die Kette führt im Kreis zurück zu {supplier}",
    ja: "チェーンが {supplier} に戻る循環になっています",
    ar: "تعود السلسلة في حلقة إلى {supplier}",
  },
  "chain.path.unknownParent": {
    en: '{supplier} works for unknown supplier "{parent}"',
    de: "{supplier} arbeitet für den unbekannten Lieferanten „{parent}“",
    ja: "{supplier} は不明なサプライヤー「{parent}」の委託先です",
    ar: "يعمل {supplier} لصالح مورّد غير معروف «{parent}»",
  },
  "chain.path.unknownSupplier": {
    en: 'unknown supplier "{supplier}"',
    de: "unbekannter Lieferant „{supplier}“",
    ja: "不明なサプライヤー「{supplier}」",
    ar: "مورّد غير معروف «{supplier}»",
  },
  // a link's reasons
  "chain.link.noPath": {
    en: "No path to the recipient: {why}.",
    de: "Kein Weg zum Empfänger: {why}.",
    ja: "受領者までの経路がありません: {why}。",
    ar: "لا يوجد مسار إلى المتلقي: {why}.",
  },
  "chain.link.tierMismatch": {
    en: "Tiers do not match the path: {listed}; expected tiers {expected}.",
    de: "Die Ebenen passen nicht zum Pfad: {listed}; erwartet sind die Ebenen {expected}.",
    ja: "階層が経路と一致しません: {listed}。想定される階層は {expected} です。",
    ar: "المستويات لا تطابق المسار: {listed}؛ المستويات المتوقعة {expected}.",
  },
  "chain.link.tierOf": {
    en: "{supplier} tier {tier}",
    de: "{supplier} Ebene {tier}",
    ja: "{supplier} 第{tier}階層",
    ar: "{supplier} المستوى {tier}",
  },
  "chain.notify.unanswered": {
    en: "Notification time not answered by {suppliers}, so the chain's total is unknown.",
    de: "Die Meldefrist wurde von {suppliers} nicht beantwortet, daher ist die Gesamtzeit der Kette unbekannt.",
    ja: "{suppliers} が通知時間に回答していないため、チェーン全体の合計時間は不明です。",
    ar: "لم يُجب {suppliers} عن مدة الإخطار، لذا فإن المجموع الكلي للسلسلة غير معروف.",
  },
  "chain.notify.recipient": {
    en: "{hours, number} h (recipient)",
    de: "{hours, number} h (Empfänger)",
    ja: "{hours, number} 時間（受領者）",
    ar: "{hours, number} ساعة (المتلقي)",
  },
  "chain.notify.part": {
    en: "{hours, number} h ({supplier})",
    de: "{hours, number} h ({supplier})",
    ja: "{hours, number} 時間（{supplier}）",
    ar: "{hours, number} ساعة ({supplier})",
  },
  "chain.notify.plus": { en: "{sum} + {part}", de: "{sum} + {part}", ja: "{sum} + {part}", ar: "{sum} + {part}" },
  "chain.notify.total": {
    en: "Notification: {sum} = {total, number} h, {within, select, yes {within} other {exceeding}} the agreement's {window, number} h window.",
    de: "Meldung: {sum} = {total, number} h, {within, select, yes {innerhalb der} other {mehr als die}} Frist der Vereinbarung von {window, number} h.",
    ja: "通知: {sum} = {total, number} 時間。契約の期限 {window, number} 時間{within, select, yes {以内です} other {を超えています}}。",
    ar: "الإخطار: {sum} = {total, number} ساعة، {within, select, yes {ضمن} other {تتجاوز}} مهلة الاتفاقية البالغة {window, number} ساعة.",
  },
  "chain.locations.outside": {
    en: "{supplier}: {detail}.",
    de: "{supplier}: {detail}.",
    ja: "{supplier}: {detail}。",
    ar: "{supplier}: {detail}.",
  },
  "chain.locations.unanswered": {
    en: "Data locations not answered by {suppliers}.",
    de: "Die Datenstandorte wurden von {suppliers} nicht beantwortet.",
    ja: "{suppliers} がデータの保管場所に回答していません。",
    ar: "لم يُجب {suppliers} عن مواقع البيانات.",
  },
  "chain.locations.allPermitted": {
    en: "Locations: every supplier on the path keeps information in permitted jurisdictions.",
    de: "Standorte: Jeder Lieferant auf dem Pfad bewahrt die Informationen in zulässigen Rechtsordnungen auf.",
    ja: "保管場所: 経路上のすべてのサプライヤーが、許可された法域で情報を保管しています。",
    ar: "المواقع: يحتفظ كل مورّد على المسار بالمعلومات في ولايات قضائية مسموح بها.",
  },
  "chain.locations.coveredBy": {
    en: "{country} ({supplier}) covered by {mechanism}",
    de: "{country} ({supplier}) abgedeckt durch {mechanism}",
    ja: "{country}（{supplier}）は {mechanism} で対応",
    ar: "{country} ({supplier}) مشمول بـ {mechanism}",
  },
  "chain.locations.covered": {
    en: "Locations: {covered}, which the agreement accepts; every other location on the path is permitted.",
    de: "Standorte: {covered}, was die Vereinbarung akzeptiert; jeder andere Standort auf dem Pfad ist zulässig.",
    ja: "保管場所: {covered}。これは契約で認められています。経路上のその他の保管場所はすべて許可されています。",
    ar: "المواقع: {covered}، وهو ما تقبله الاتفاقية؛ وكل موقع آخر على المسار مسموح به.",
  },
  // the chain's structure
  "chain.structure.noSupplier": {
    en: "A chain link has no supplier.",
    de: "Ein Kettenglied hat keinen Lieferanten.",
    ja: "サプライヤーが指定されていないチェーンのリンクがあります。",
    ar: "أحد روابط السلسلة بلا مورّد.",
  },
  "chain.structure.duplicate": {
    en: "{supplier} appears more than once in the chain.",
    de: "{supplier} kommt mehr als einmal in der Kette vor.",
    ja: "{supplier} がチェーンに複数回含まれています。",
    ar: "يظهر {supplier} أكثر من مرة في السلسلة.",
  },
  "chain.structure.tierNotWhole": {
    en: "{supplier}: tier must be a whole number from 1, not {tier}.",
    de: "{supplier}: Die Ebene muss eine ganze Zahl ab 1 sein, nicht {tier}.",
    ja: "{supplier}: 階層は 1 以上の整数である必要があります（{tier} は指定できません）。",
    ar: "{supplier}: يجب أن يكون المستوى عددًا صحيحًا من 1 فصاعدًا، وليس {tier}.",
  },
  "chain.structure.directNotTier1": {
    en: "{supplier} works for the recipient directly, so it must be tier 1, not tier {tier}.",
    de: "{supplier} arbeitet direkt für den Empfänger und muss daher Ebene 1 sein, nicht Ebene {tier}.",
    ja: "{supplier} は受領者と直接取引しているため、第{tier}階層ではなく第1階層である必要があります。",
    ar: "يعمل {supplier} لصالح المتلقي مباشرةً، لذا يجب أن يكون في المستوى 1 وليس في المستوى {tier}.",
  },
  "chain.structure.worksForItself": {
    en: "{supplier} works for itself (cycle).",
    de: "{supplier} arbeitet für sich selbst (Zyklus).",
    ja: "{supplier} が自身の委託先になっています（循環）。",
    ar: "يعمل {supplier} لصالح نفسه (حلقة).",
  },
  "chain.structure.unknownParent": {
    en: '{supplier} works for unknown supplier "{parent}".',
    de: "{supplier} arbeitet für den unbekannten Lieferanten „{parent}“.",
    ja: "{supplier} は不明なサプライヤー「{parent}」の委託先です。",
    ar: "يعمل {supplier} لصالح مورّد غير معروف «{parent}».",
  },
  "chain.structure.tierSkips": {
    en: "{supplier} is tier {tier} but works for {parent} (tier {parentTier}); it must be tier {expected}.",
    de: "{supplier} ist Ebene {tier}, arbeitet aber für {parent} (Ebene {parentTier}); es muss Ebene {expected} sein.",
    ja: "{supplier} は第{tier}階層ですが、{parent}（第{parentTier}階層）の委託先です。第{expected}階層である必要があります。",
    ar: "{supplier} في المستوى {tier} لكنه يعمل لصالح {parent} (المستوى {parentTier})؛ يجب أن يكون في المستوى {expected}.",
  },
  "chain.structure.cycle": {
    en: "Cycle in the chain: {cycle}.",
    de: "Zyklus in der Kette: {cycle}.",
    ja: "チェーンに循環があります: {cycle}。",
    ar: "حلقة في السلسلة: {cycle}.",
  },
  // phase gates
  "chain.phase.noApproved": {
    en: "No approved assessment.",
    de: "Keine genehmigte Bewertung.",
    ja: "承認済みの評価がありません。",
    ar: "لا يوجد تقييم معتمد.",
  },
  "chain.phase.notAssessed": {
    en: "{requirement} was not assessed on the latest approved assessment.",
    de: "{requirement} wurde in der letzten genehmigten Bewertung nicht bewertet.",
    ja: "{requirement} は最新の承認済み評価で評価されていません。",
    ar: "لم يُقيَّم {requirement} في آخر تقييم معتمد.",
  },
  "chain.phase.notMet": {
    en: "{requirement} is {status}; the phase requires it met.",
    de: "{requirement} ist {status}; die Phase verlangt, dass die Anforderung erfüllt ist.",
    ja: "{requirement} は{status}です。このフェーズでは充足が必要です。",
    ar: "{requirement} {status}؛ وتتطلب المرحلة أن يكون مستوفى.",
  },
  "chain.phase.notPermitted": {
    en: "Not a permitted recipient of this phase.",
    de: "Kein zugelassener Empfänger dieser Phase.",
    ja: "このフェーズの許可された受領者ではありません。",
    ar: "ليس متلقيًا مسموحًا له في هذه المرحلة.",
  },
  "chain.phase.classTooHigh": {
    en: "The phase opens {classes} information; the supplier may receive at most {max}.",
    de: "Die Phase gibt Informationen der Klasse {classes} frei; der Lieferant darf höchstens {max} erhalten.",
    ja: "このフェーズでは{classes}の情報が開示されますが、このサプライヤーが受け取れるのは{max}までです。",
    ar: "تكشف المرحلة معلومات {classes}؛ ولا يجوز للمورّد أن يتلقى أكثر من {max}.",
  },
  "chain.phase.class": {
    en: "{level, select, public {public} internal {internal} confidential {confidential} restricted {restricted} other {{level}}}",
    de: "{level, select, public {öffentlich} internal {intern} confidential {vertraulich} restricted {streng vertraulich} other {{level}}}",
    ja: "{level, select, public {公開} internal {社内限} confidential {機密} restricted {極秘} other {{level}}}",
    ar: "{level, select, public {عامة} internal {داخلية} confidential {سرية} restricted {مقيَّدة} other {{level}}}",
  },
  "chain.phase.notInChain": {
    en: "Not in the composed chain.",
    de: "Nicht in der zusammengesetzten Kette enthalten.",
    ja: "構成されたチェーンに含まれていません。",
    ar: "ليس ضمن السلسلة المركّبة.",
  },
  "chain.phase.linkFails": {
    en: "Chain link fails: {reasons}",
    de: "Kettenglied nicht in Ordnung: {reasons}",
    ja: "チェーンのリンクが条件を満たしていません: {reasons}",
    ar: "رابط السلسلة لا يستوفي الشروط: {reasons}",
  },
  "chain.phase.cleared": {
    en: "Cleared: {required} met on the latest approved assessment; {permitted, select, yes {a permitted recipient} other {any chain supplier may receive it}}; classes {classes} within {max}; chain link ok.",
    de: "Freigegeben: {required} in der letzten genehmigten Bewertung erfüllt; {permitted, select, yes {ein zugelassener Empfänger} other {jeder Lieferant der Kette darf sie erhalten}}; Klassen {classes} innerhalb von {max}; Kettenglied in Ordnung.",
    ja: "承認: 最新の承認済み評価で{required}を充足。{permitted, select, yes {許可された受領者です} other {チェーン内のどのサプライヤーも受け取れます}}。区分 {classes} は{max}の範囲内。チェーンのリンクに問題はありません。",
    ar: "مُجاز: {required} مستوفى في آخر تقييم معتمد؛ {permitted, select, yes {متلقٍّ مسموح له} other {يجوز لأي مورّد في السلسلة تلقيها}}؛ الفئات {classes} ضمن {max}؛ رابط السلسلة سليم.",
  },
  "chain.phase.noRequirement": { en: "no requirement", de: "keine Anforderung", ja: "要件なし", ar: "لا يوجد متطلب" },
  "chain.none": { en: "none", de: "keine", ja: "なし", ar: "لا شيء" },
  /** one sentence after another */
  "chain.then": { en: "{before} {next}", de: "{before} {next}", ja: "{before}{next}", ar: "{before} {next}" },
  // why a result was computed again
  "chain.basis.first": {
    en: "First result on record for these inputs.",
    de: "Erstes gespeichertes Ergebnis für diese Eingaben.",
    ja: "これらの入力に対して記録された最初の結果です。",
    ar: "أول نتيجة مسجّلة لهذه المدخلات.",
  },
  "chain.basis.rules": {
    en: "Flowdown's scoring rules were updated.",
    de: "Die Bewertungsregeln von Flowdown wurden aktualisiert.",
    ja: "Flowdown の採点ルールが更新されました。",
    ar: "تم تحديث قواعد التقييم في Flowdown.",
  },
  "chain.basis.agreement": {
    en: "The agreement changed (revision {from} → {to}).",
    de: "Die Vereinbarung wurde geändert (Revision {from} → {to}).",
    ja: "契約が変更されました（改訂 {from} → {to}）。",
    ar: "تغيّرت الاتفاقية (من المراجعة {from} إلى {to}).",
  },
  "chain.basis.template": {
    en: "The questionnaire version changed.",
    de: "Die Version des Fragebogens hat sich geändert.",
    ja: "質問票のバージョンが変更されました。",
    ar: "تغيّر إصدار الاستبيان.",
  },
  "chain.basis.catalogue": {
    en: "The requirement catalogue version changed.",
    de: "Die Version des Anforderungskatalogs hat sich geändert.",
    ja: "要件カタログのバージョンが変更されました。",
    ar: "تغيّر إصدار كتالوج المتطلبات.",
  },
  "chain.basis.answers": {
    en: "The answers or the reviewer's overrides changed.",
    de: "Die Antworten oder die Übersteuerungen durch die Prüfung haben sich geändert.",
    ja: "回答またはレビュアーによる上書きが変更されました。",
    ar: "تغيّرت الإجابات أو تجاوزات المراجع.",
  },
  "chain.basis.certificatesAdded": {
    en: "{count, plural, one {A certificate was} other {# certificates were}} added.",
    de: "{count, plural, one {Ein Zertifikat wurde} other {# Zertifikate wurden}} hinzugefügt.",
    ja: "証明書が {count} 件追加されました。",
    ar: "{count, plural, one {أُضيفت شهادة واحدة} two {أُضيفت شهادتان} few {أُضيفت # شهادات} many {أُضيفت # شهادة} other {أُضيفت # شهادة}}.",
  },
  "chain.basis.certificatesRemoved": {
    en: "{count, plural, one {A certificate was} other {# certificates were}} removed.",
    de: "{count, plural, one {Ein Zertifikat wurde} other {# Zertifikate wurden}} entfernt.",
    ja: "証明書が {count} 件削除されました。",
    ar: "{count, plural, one {أُزيلت شهادة واحدة} two {أُزيلت شهادتان} few {أُزيلت # شهادات} many {أُزيلت # شهادة} other {أُزيلت # شهادة}}.",
  },
  "chain.basis.certificatesChanged": {
    en: "{count, plural, one {A certificate was} other {# certificates were}} changed.",
    de: "{count, plural, one {Ein Zertifikat wurde} other {# Zertifikate wurden}} geändert.",
    ja: "証明書が {count} 件変更されました。",
    ar: "{count, plural, one {تغيّرت شهادة واحدة} two {تغيّرت شهادتان} few {تغيّرت # شهادات} many {تغيّرت # شهادة} other {تغيّرت # شهادة}}.",
  },
  "chain.basis.datePassed": {
    en: "The date passed a certificate's or the agreement's date (now {date}).",
    de: "Das Datum hat ein Datum eines Zertifikats oder der Vereinbarung überschritten (jetzt {date}).",
    ja: "日付が証明書または契約の日付を過ぎました（現在 {date}）。",
    ar: "تجاوز التاريخ أحد تواريخ الشهادات أو الاتفاقية (الآن {date}).",
  },
  // how two results of one assessment differ
  "chain.change.added": {
    en: "{requirement}: now part of the agreement, {status}.",
    de: "{requirement}: jetzt Teil der Vereinbarung, {status}.",
    ja: "{requirement}: 契約の対象になりました（{status}）。",
    ar: "{requirement}: أصبح الآن جزءًا من الاتفاقية، {status}.",
  },
  "chain.change.removed": {
    en: "{requirement}: no longer part of the agreement (was {status}).",
    de: "{requirement}: nicht mehr Teil der Vereinbarung (war {status}).",
    ja: "{requirement}: 契約の対象外になりました（以前は{status}）。",
    ar: "{requirement}: لم يعد جزءًا من الاتفاقية (كان {status}).",
  },
  "chain.change.status": {
    en: "{requirement}: {from} → {to}.",
    de: "{requirement}: {from} → {to}.",
    ja: "{requirement}: {from} → {to}。",
    ar: "{requirement}: من {from} إلى {to}.",
  },
  "chain.change.score": {
    en: "Score {from} → {to}.",
    de: "Punktzahl {from} → {to}.",
    ja: "スコア {from} → {to}。",
    ar: "الدرجة من {from} إلى {to}.",
  },
  "chain.change.rating": {
    en: `Risk rating {from, select, ${RATING_EN}} → {to, select, ${RATING_EN}}.`,
    de: `Risikoeinstufung {from, select, ${RATING_DE}} → {to, select, ${RATING_DE}}.`,
    ja: `リスク評価 {from, select, ${RATING_JA}} → {to, select, ${RATING_JA}}。`,
    ar: `تصنيف المخاطر من {from, select, ${RATING_AR}} إلى {to, select, ${RATING_AR}}.`,
  },
  "chain.change.knockOuts": {
    en: "Failed knock-outs {from} → {to}.",
    de: "Nicht erfüllte K.-o.-Kriterien {from} → {to}.",
    ja: "未充足の足切り要件 {from} → {to}。",
    ar: "الشروط الإقصائية غير المستوفاة من {from} إلى {to}.",
  },
  // what started a re-scoring, as the score's history names it
  "chain.trigger.rescoring": { en: "re-scoring", de: "Neubewertung", ja: "再採点", ar: "إعادة التقييم" },
  "chain.trigger.submitted": {
    en: "submitted by the supplier",
    de: "vom Lieferanten eingereicht",
    ja: "サプライヤーが提出",
    ar: "قدّمه المورّد",
  },
  "chain.trigger.beforeDecision": {
    en: "checked before a decision",
    de: "vor einer Entscheidung geprüft",
    ja: "判断の前に確認",
    ar: "تم التحقق قبل اتخاذ قرار",
  },
  "chain.trigger.beforeReport": {
    en: "checked before a report",
    de: "vor einem Bericht geprüft",
    ja: "レポートの前に確認",
    ar: "تم التحقق قبل إعداد تقرير",
  },
  "chain.trigger.outOfDate": {
    en: "results found out of date when shown",
    de: "Ergebnisse beim Anzeigen als veraltet erkannt",
    ja: "表示時に結果が古くなっていることを検出",
    ar: "تبيّن عند العرض أن النتائج قديمة",
  },
  "chain.trigger.daily": {
    en: "daily check of dates, terms and certificates",
    de: "tägliche Prüfung von Daten, Bedingungen und Zertifikaten",
    ja: "日付・条件・証明書の日次チェック",
    ar: "الفحص اليومي للتواريخ والشروط والشهادات",
  },
  "chain.trigger.agreementEdited": {
    en: "agreement edited by {name} (revision {revision})",
    de: "Vereinbarung bearbeitet von {name} (Revision {revision})",
    ja: "{name} が契約を編集（改訂 {revision}）",
    ar: "عدّل {name} الاتفاقية (المراجعة {revision})",
  },
  "chain.trigger.withRevision": {
    en: "{why} (revision {revision})",
    de: "{why} (Revision {revision})",
    ja: "{why}（改訂 {revision}）",
    ar: "{why} (المراجعة {revision})",
  },
  "chain.trigger.subcontractorAccepted": {
    en: "subcontractor {subcontractor} accepted by {name}",
    de: "Unterauftragnehmer {subcontractor} von {name} angenommen",
    ja: "{name} が委託先 {subcontractor} を承認",
    ar: "قبل {name} المقاول من الباطن {subcontractor}",
  },
  "chain.trigger.certificateAdded": {
    en: "certificate {standard} {number} added",
    de: "Zertifikat {standard} {number} hinzugefügt",
    ja: "証明書 {standard} {number} を追加",
    ar: "أُضيفت الشهادة {standard} {number}",
  },
  "chain.trigger.certificateRemoved": {
    en: "certificate {standard} {number} removed",
    de: "Zertifikat {standard} {number} entfernt",
    ja: "証明書 {standard} {number} を削除",
    ar: "أُزيلت الشهادة {standard} {number}",
  },
  "chain.trigger.overridden": {
    en: "requirement {requirement} overridden by {name}",
    de: "Anforderung {requirement} von {name} übersteuert",
    ja: "{name} が要件 {requirement} を上書き",
    ar: "تجاوز {name} المتطلب {requirement}",
  },
  "chain.trigger.remediationAnswered": {
    en: "remediation answered by the supplier",
    de: "Nachbesserung vom Lieferanten beantwortet",
    ja: "サプライヤーが是正要求に回答",
    ar: "أجاب المورّد عن طلب المعالجة",
  },
} satisfies Messages;
