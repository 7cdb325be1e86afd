/** The longest incident description: the schema refuses longer, the textarea stops at it (safe for the browser bundle). */
export const INCIDENT_DESCRIPTION_MAX = 4000;
