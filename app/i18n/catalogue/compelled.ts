import type { Messages } from "./entry";

/**
 * Messages of the compelled namespace; every key starts with "compelled.".
 * Legal demands to disclose that a supplier reports, and the notice
 * measured against the agreement (issue 23).
 */
export const compelled = {
  "compelled.heading": {
    en: "Compelled disclosures",
    de: "Erzwungene Offenlegungen",
    ja: "強制開示",
    ar: "الإفصاحات الإلزامية",
  },
} satisfies Messages;
