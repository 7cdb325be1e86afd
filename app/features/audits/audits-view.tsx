import type { AuditView } from "./audits.server";

/** The lifecycle tab's audits and findings. Built by the audits feature. */
export function AuditsSection(_props: { audits: AuditView[]; role: "procurement" | "discloser"; agreementId: string }) {
  return null;
}
