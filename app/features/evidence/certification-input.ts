import { z } from "zod";
import { isIsoDate } from "#app/scoring/dates";
import { limitedText, tooLong } from "#app/lib/text-limits";

/**
 * What a supplier types about a certificate: the schema the server checks
 * and the limits its form fields take as `maxLength` (safe for the browser bundle).
 */
export const CERTIFICATION_LIMITS = {
  standard: 80,
  certificateNumber: 80,
  certificationBody: 160,
  scope: 2000,
  controls: 2000,
} as const;

const CONTROL = /^A\.(5\.([1-9]|[12][0-9]|3[0-7])|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[12][0-9]|3[0-4]))$/;

const L = CERTIFICATION_LIMITS;

export const CertificationSchema = z
  .object({
    standard: limitedText("The standard", L.standard).min(1, "evidence.field.enterStandard"),
    certificateNumber: limitedText("The certificate number", L.certificateNumber).min(1, "evidence.field.enterNumber"),
    certificationBody: limitedText("The certification body", L.certificationBody).min(1, "evidence.field.enterBody"),
    scope: limitedText("Scope", L.scope).min(1, "evidence.field.enterScope"),
    issueDate: z.string().refine(isIsoDate, "evidence.field.dateFormat"),
    expiryDate: z.string().refine(isIsoDate, "evidence.field.dateFormat"),
    controls: z
      .string()
      .max(L.controls, tooLong("The list of controls", L.controls))
      .transform((s) => [
        ...new Set(
          s
            .split(/[\s,;]+/)
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ])
      .refine((list) => list.every((c) => CONTROL.test(c)), "evidence.field.controlsFormat"),
  })
  .refine((v) => !isIsoDate(v.issueDate) || !isIsoDate(v.expiryDate) || v.expiryDate >= v.issueDate, {
    path: ["expiryDate"],
    message: "evidence.field.expiresBeforeIssued",
  });
