/**
 * The publish form's text fields: the schema refuses longer values and the
 * inputs take these as `maxLength` (safe for the browser bundle).
 */
export const PUBLISH_LIMITS = { templateId: 60, title: 160, version: 40, description: 1000 } as const;
