/** Hides the password of a MongoDB URI so it can be shown in messages and logs. */
export function maskUri(uri) {
  return String(uri).replace(/^(mongodb(?:\+srv)?:\/\/[^:/@]+:)([^@]*)@/, "$1****@");
}
