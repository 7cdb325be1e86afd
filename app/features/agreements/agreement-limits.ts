import { EMAIL_MAX } from "#app/lib/text-limits";

/**
 * How long the agreement form's texts may be: the parser refuses longer
 * values beside their fields and the form's inputs take these as
 * `maxLength` (safe for the browser bundle). The model's `maxlength`s match.
 */
export const AGREEMENT_LIMITS = {
  reference: 60,
  title: 200,
  governingLaw: 120,
  arbitrationSeat: 120,
  purposeDescription: 2000,
  knowHowNotes: 2000,
  cooperationDuties: 2000,
  contactName: 120,
  contactEmail: EMAIL_MAX,
  contactPhone: 40,
  service: 200,
  phaseName: 120,
  phasePurpose: 1000,
  /** ISO country codes separated by commas: room for every country */
  permittedJurisdictions: 1000,
  /** the required certifications, one standard per line */
  requiredCertifications: 2000,
  /** each line of the required certifications */
  certificationStandard: 80,
  /** a requirement parameter typed as free text */
  parameterText: 200,
} as const;
