import type { RequirementCategory } from "#questionnaires/types";

export const CATEGORY_LABEL: Record<RequirementCategory, string> = {
  confidentiality: "Confidentiality and purpose limitation",
  "permitted-recipients": "Permitted recipients",
  "access-control": "Access control",
  encryption: "Encryption",
  "incident-response": "Incident response and breach notification",
  "incident-drills": "Incident-response drills",
  "vulnerability-management": "Vulnerability management",
  "data-location": "Data location and transfer",
  retention: "Retention and destruction",
  "audit-certification": "Audit rights and certification",
  "compelled-disclosure": "Compelled disclosure",
  personnel: "Personnel",
  "secure-development": "Secure development",
  "sub-processing": "Sub-processing and further flow-down",
};
