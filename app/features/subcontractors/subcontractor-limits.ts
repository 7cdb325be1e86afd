import { EMAIL_MAX } from "#app/lib/text-limits";

/**
 * The subcontractor forms' text fields: the schemas refuse longer values
 * and the inputs take these as `maxLength` (safe for the browser bundle).
 */
export const SUBCONTRACTOR_LIMITS = {
  name: 200,
  registrationNumber: 60,
  service: 200,
  contactEmail: EMAIL_MAX,
  /** why procurement rejected a declared subcontractor */
  reason: 1000,
} as const;
