import type { Messages } from "./entry";

/** Messages of the rules namespace; every key starts with "rules.". */
export const rules = {
  // how one answer is judged (app/scoring/rules.ts): the verdict, then its detail
  "rules.verdict.notAnswered": {
    en: "Not answered.",
    de: "Nicht beantwortet.",
    ja: "未回答です。",
    ar: "لم تتم الإجابة.",
  },
  "rules.verdict.informational": {
    en: "Informational; not judged.",
    de: "Nur zur Information; wird nicht bewertet.",
    ja: "参考情報のため、評価の対象外です。",
    ar: "للعلم فقط؛ لا يخضع للتقييم.",
  },
  "rules.verdict.unreadable": {
    en: "Not answered: {detail}.",
    de: "Nicht beantwortet: {detail}.",
    ja: "未回答：{detail}。",
    ar: "لم تتم الإجابة: {detail}.",
  },
  "rules.verdict.meets": {
    en: "Meets: {detail}.",
    de: "Erfüllt: {detail}.",
    ja: "適合：{detail}。",
    ar: "مستوفى: {detail}.",
  },
  "rules.verdict.fails": {
    en: "Fails: {detail}.",
    de: "Nicht erfüllt: {detail}.",
    ja: "不適合：{detail}。",
    ar: "غير مستوفى: {detail}.",
  },
  "rules.verdict.partlyMeets": {
    en: "Partly meets: {detail}.",
    de: "Teilweise erfüllt: {detail}.",
    ja: "一部適合：{detail}。",
    ar: "مستوفى جزئيًا: {detail}.",
  },
  "rules.verdict.weakestPanel": {
    en: "Weakest of {count, number} panel answers. {reason}",
    de: "Schwächste von {count, number} Antworten im Panel. {reason}",
    ja: "パネルの{count, number}件の回答のうち、最も弱い回答です。{reason}",
    ar: "الإجابة الأضعف بين إجابات اللوحة (وعددها {count, number}). {reason}",
  },
  // a value quoted inside a detail: a choice, a yes/no label, what the supplier typed
  "rules.quoted": { en: '"{text}"', de: "„{text}“", ja: "「{text}」", ar: "«{text}»" },
  "rules.detail.notYesNo": {
    en: "{value} is not a yes/no answer",
    de: "{value} ist keine Ja/Nein-Antwort",
    ja: "{value}は「はい／いいえ」の回答ではありません",
    ar: "{value} ليست إجابة بنعم أو لا",
  },
  "rules.detail.asRequired": {
    en: "answered {answer}, as required",
    de: "Antwort {answer}, wie gefordert",
    ja: "{answer}と回答しており、要件どおりです",
    ar: "الإجابة {answer}، كما هو مطلوب",
  },
  "rules.detail.needs": {
    en: "answered {answer}; the requirement needs {expected}",
    de: "Antwort {answer}; die Anforderung verlangt {expected}",
    ja: "{answer}と回答していますが、要件では{expected}が必要です",
    ar: "الإجابة {answer}؛ ويشترط المتطلب {expected}",
  },
  "rules.detail.notOneChoice": {
    en: "{value} is not one choice",
    de: "{value} ist keine einzelne Auswahl",
    ja: "{value}は単一の選択肢ではありません",
    ar: "{value} ليس خيارًا واحدًا",
  },
  "rules.detail.notAChoice": {
    en: "answered {value}, which is not one of the question's choices",
    de: "Antwort {value}, die keine der Auswahlmöglichkeiten der Frage ist",
    ja: "{value}と回答していますが、これは質問の選択肢にありません",
    ar: "الإجابة {value}، وهي ليست من خيارات السؤال",
  },
  "rules.detail.noCredit": {
    en: "answered {choice}, which earns no credit",
    de: "Antwort {choice}, die keine Punkte einbringt",
    ja: "{choice}と回答しており、この回答には評価点がありません",
    ar: "الإجابة {choice}، ولا تُمنح عليها أي درجة",
  },
  "rules.detail.worth": {
    en: "answered {choice}, worth {fraction, number} of 1",
    de: "Antwort {choice}, bewertet mit {fraction, number} von 1",
    ja: "{choice}と回答しており、評価は1のうち{fraction, number}です",
    ar: "الإجابة {choice}، وقيمتها {fraction, number} من 1",
  },
  "rules.detail.nothingRequired": {
    en: "no particular selection is required",
    de: "es ist keine bestimmte Auswahl erforderlich",
    ja: "特定の選択は必要ありません",
    ar: "لا يلزم اختيار محدد",
  },
  "rules.detail.allSelected": {
    en: "selected all {count, number} required: {choices}",
    de: "alle {count, number} erforderlichen ausgewählt: {choices}",
    ja: "必須の{count, number}項目をすべて選択しています：{choices}",
    ar: "تم اختيار جميع العناصر المطلوبة ({count, number}): {choices}",
  },
  "rules.detail.someSelected": {
    en: "selected {selected, number} of {required, number} required; missing {missing}",
    de: "{selected, number} von {required, number} erforderlichen ausgewählt; es fehlen {missing}",
    ja: "必須の{required, number}項目のうち{selected, number}項目を選択しています。不足：{missing}",
    ar: "تم اختيار {selected, number} من أصل {required, number} من العناصر المطلوبة؛ الناقص: {missing}",
  },
  "rules.detail.notANumber": {
    en: "{value} is not a number",
    de: "{value} ist keine Zahl",
    ja: "{value}は数値ではありません",
    ar: "{value} ليس رقمًا",
  },
  "rules.detail.atMost": {
    en: "answered {answer}; the agreement requires {limit} or less ({parameter})",
    de: "Antwort {answer}; die Vereinbarung verlangt höchstens {limit} ({parameter})",
    ja: "{answer}と回答しています。契約の要件は{limit}以下です（{parameter}）",
    ar: "الإجابة {answer}؛ وتشترط الاتفاقية {limit} أو أقل ({parameter})",
  },
  "rules.detail.halfCredit": {
    en: "{detail}; half credit up to {limit}",
    de: "{detail}; halbe Punktzahl bis {limit}",
    ja: "{detail}。{limit}までは評価点の半分が与えられます",
    ar: "{detail}؛ ويُمنح نصف الدرجة حتى {limit}",
  },
  "rules.detail.atLeast": {
    en: "answered {answer}; the agreement requires at least {minimum} ({parameter})",
    de: "Antwort {answer}; die Vereinbarung verlangt mindestens {minimum} ({parameter})",
    ja: "{answer}と回答しています。契約の要件は{minimum}以上です（{parameter}）",
    ar: "الإجابة {answer}؛ وتشترط الاتفاقية {minimum} على الأقل ({parameter})",
  },
  "rules.detail.noCountry": {
    en: "no country given",
    de: "kein Land angegeben",
    ja: "国が指定されていません",
    ar: "لم يُحدَّد أي بلد",
  },
  "rules.detail.filesProvided": {
    en: "{count, plural, one {# file} other {# files}} provided ({names})",
    de: "{count, plural, one {# Datei} other {# Dateien}} bereitgestellt ({names})",
    ja: "{count, number}件のファイルが提出されています（{names}）",
    ar: "{count, plural, zero {لم يُقدَّم أي ملف} one {تم تقديم ملف واحد} two {تم تقديم ملفين} few {تم تقديم # ملفات} many {تم تقديم # ملفًا} other {تم تقديم # ملف}} ({names})",
  },
  "rules.detail.unnamedFile": {
    en: "unnamed file",
    de: "unbenannte Datei",
    ja: "名前のないファイル",
    ar: "ملف بلا اسم",
  },
  "rules.detail.answerProvided": {
    en: "answer provided",
    de: "Antwort gegeben",
    ja: "回答が提出されています",
    ar: "تم تقديم إجابة",
  },
  // a quantity with its unit (app/scoring/params.ts): "24 h", "1 day", "30 days"
  "rules.quantity.number": { en: "{n, number}", de: "{n, number}", ja: "{n, number}", ar: "{n, number}" },
  "rules.quantity.hours": {
    en: "{n, number} h",
    de: "{n, number} Std.",
    ja: "{n, number}時間",
    ar: "{n, plural, zero {# ساعة} one {# ساعة} two {# ساعة} few {# ساعات} many {# ساعة} other {# ساعة}}",
  },
  "rules.quantity.days": {
    en: "{n, plural, one {# day} other {# days}}",
    de: "{n, plural, one {# Tag} other {# Tage}}",
    ja: "{n, number}日",
    ar: "{n, plural, zero {# يوم} one {# يوم} two {# يوم} few {# أيام} many {# يومًا} other {# يوم}}",
  },
  "rules.quantity.months": {
    en: "{n, plural, one {# month} other {# months}}",
    de: "{n, plural, one {# Monat} other {# Monate}}",
    ja: "{n, number}か月",
    ar: "{n, plural, zero {# شهر} one {# شهر} two {# شهر} few {# أشهر} many {# شهرًا} other {# شهر}}",
  },
  // where data is kept, judged against the agreement (app/scoring/jurisdictions.ts)
  "rules.location.country": {
    en: "{name} ({code})",
    de: "{name} ({code})",
    ja: "{name}（{code}）",
    ar: "{name} ({code})",
  },
  "rules.location.none": { en: "none", de: "keine", ja: "なし", ar: "لا يوجد" },
  "rules.location.permitted": {
    en: "{country} is a permitted jurisdiction",
    de: "{country} ist eine zulässige Rechtsordnung",
    ja: "{country}は許可された法域です",
    ar: "{country} ولاية قضائية مسموح بها",
  },
  "rules.location.covered": {
    en: "{country} is outside the permitted jurisdictions but covered by {mechanism}, which the agreement accepts",
    de: "{country} liegt außerhalb der zulässigen Rechtsordnungen, ist aber durch {mechanism} abgedeckt, das die Vereinbarung akzeptiert",
    ja: "{country}は許可された法域外ですが、契約が認める{mechanism}の対象です",
    ar: "{country} خارج الولايات القضائية المسموح بها، لكنه مشمول بآلية {mechanism} التي تقبلها الاتفاقية",
  },
  "rules.location.noMechanism": {
    en: "{country} is outside the permitted jurisdictions ({permitted}) and no transfer mechanism is in place",
    de: "{country} liegt außerhalb der zulässigen Rechtsordnungen ({permitted}), und es besteht kein Übermittlungsmechanismus",
    ja: "{country}は許可された法域（{permitted}）外であり、移転メカニズムがありません",
    ar: "{country} خارج الولايات القضائية المسموح بها ({permitted}) ولا توجد آلية نقل قائمة",
  },
  "rules.location.mechanismNotAccepted": {
    en: "{country} is outside the permitted jurisdictions ({permitted}) and its transfer mechanism {mechanism} is not one the agreement accepts ({accepted})",
    de: "{country} liegt außerhalb der zulässigen Rechtsordnungen ({permitted}), und der dort genutzte Übermittlungsmechanismus {mechanism} gehört nicht zu den von der Vereinbarung akzeptierten ({accepted})",
    ja: "{country}は許可された法域（{permitted}）外であり、その移転メカニズム{mechanism}は契約が認めるもの（{accepted}）ではありません",
    ar: "{country} خارج الولايات القضائية المسموح بها ({permitted})، وآلية النقل المستخدمة {mechanism} ليست من الآليات التي تقبلها الاتفاقية ({accepted})",
  },
} satisfies Messages;
