import type { Messages } from "./entry";

/** The language menu; every key starts with "language.". */
export const language = {
  "language.label": { en: "Language", de: "Sprache", ja: "言語", ar: "اللغة" },
  "language.browser": {
    en: "As my browser ({name})",
    de: "Wie mein Browser ({name})",
    ja: "ブラウザーの設定 ({name})",
    ar: "حسب المتصفح ({name})",
  },
  "language.apply": { en: "Change", de: "Ändern", ja: "変更", ar: "تغيير" },
  "language.unknown": {
    en: "This language is not offered. Choose English, Deutsch, 日本語 or العربية.",
    de: "Diese Sprache wird nicht angeboten. Wählen Sie English, Deutsch, 日本語 oder العربية.",
    ja: "この言語には対応していません。English、Deutsch、日本語、العربية から選んでください。",
    ar: "هذه اللغة غير متاحة. اختر English أو Deutsch أو 日本語 أو العربية.",
  },
} satisfies Messages;
