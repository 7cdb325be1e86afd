/**
 * The key two organisation names are compared by when looking for
 * duplicates: "Baltic Cloud Hosting OÜ", "baltic cloud hosting" and
 * "BALTIC-CLOUD HOSTING, OÜ" are the same supplier. Unicode-normalised
 * (NFKC, so full-width and half-width forms meet), case-folded, accents
 * dropped for Latin letters, punctuation and spaces removed, and a trailing
 * legal form (Ltd, GmbH, 株式会社 …) ignored. Scripts without case stay as
 * they are.
 */
const LEGAL_FORMS = [
  "ltd",
  "limited",
  "plc",
  "llc",
  "llp",
  "inc",
  "incorporated",
  "corp",
  "corporation",
  "co",
  "company",
  "gmbh",
  "ag",
  "kg",
  "ug",
  "se",
  "sa",
  "sas",
  "sarl",
  "srl",
  "spa",
  "bv",
  "nv",
  "oy",
  "oyj",
  "ab",
  "as",
  "asa",
  "aps",
  "ou",
  "sp zoo",
  "kk",
  "pty",
  "pvt",
  "private",
];
const JA_FORMS = ["株式会社", "有限会社", "合同会社"];

export function normalizeOrgName(name: string): string {
  let s = name.normalize("NFKC").trim();
  for (const form of JA_FORMS) s = s.replace(form, "");
  s = s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .normalize("NFC")
    .toLocaleLowerCase("en")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (s.endsWith(` ${form}`) && s.length > form.length + 1) {
        s = s.slice(0, -form.length - 1).trim();
        changed = true;
      }
    }
  }
  return s.replace(/\s+/g, "");
}

/** Registration numbers compare without spaces, dots, dashes or case ("HRB 12 345" = "hrb12345"). */
export function normalizeRegistrationNumber(value: string): string {
  return value
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}
