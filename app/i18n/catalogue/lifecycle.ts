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
} satisfies Messages;
