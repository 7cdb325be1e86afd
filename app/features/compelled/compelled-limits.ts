/** The longest texts a legal demand's report keeps (the model's own limits), shared by the form and the server. */
export const AUTHORITY_MAX = 200;
export const BARRED_REASON_MAX = 2000;
export const DEMAND_DESCRIPTION_MAX = 4000;
