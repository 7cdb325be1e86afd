import type { Messages } from "./entry";

/** Messages of the answers namespace; every key starts with "answers.". */
export const answers = {
  // --- a supplier's answers as a reviewer reads them (app/scoring/answers.ts AnswerWording)
  "answers.yes": { en: "Yes", de: "Ja", ja: "はい", ar: "نعم" },
  "answers.no": { en: "No", de: "Nein", ja: "いいえ", ar: "لا" },
  "answers.none": { en: "None", de: "Keine", ja: "なし", ar: "لا شيء" },
  "answers.other": { en: "Other", de: "Sonstiges", ja: "その他", ar: "أخرى" },
  "answers.notAnswered": { en: "not answered", de: "nicht beantwortet", ja: "未回答", ar: "لم تتم الإجابة" },
  "answers.unnamedFile": { en: "unnamed file", de: "unbenannte Datei", ja: "名前のないファイル", ar: "ملف بلا اسم" },
} satisfies Messages;
