/** The longest texts the milestone and certify forms take (the pages and the servers share them). */
export const MILESTONE_NOTE_MAX = 2000;
export const CERTIFY_LIMITS = { method: 500, standard: 120, signedByName: 120, signedByTitle: 120 } as const;
