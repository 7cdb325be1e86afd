/**
 * How long a person's name and password may be: the schemas refuse longer
 * ones, and the name fields take the limit as `maxLength` (safe for the
 * browser bundle). Password fields have no `maxLength`: a browser would cut
 * a longer pasted password without showing it, so the server refuses it instead.
 */
export const NAME_MAX = 200;
export const PASSWORD_MAX = 1024;
