import type { Messages } from "./entry";

/**
 * Messages of the audits namespace; every key starts with "audits.".
 * Audits under the agreement's audit rights: scheduling within the notice
 * period and the yearly limit, outcomes, findings as remediation items (issue 23).
 */
export const audits = {
  "audits.heading": { en: "Audits", de: "Audits", ja: "監査", ar: "عمليات التدقيق" },
} satisfies Messages;
