import { z } from "zod";
import { compareNames } from "#app/i18n/collation";
import type { Locale } from "#app/i18n/locales";
import { COUNTRY_CODES, countryName } from "#models/countries";

/**
 * What procurement types about an organisation it works with: a supplier
 * (name, country, registration number, contact, service) or a disclosing
 * party (name, legal name, country, registration number). Shared by the
 * pages, the inline dialogs and the CSV import (safe for the browser bundle).
 */
export const DIRECTORY_KINDS = ["supplier", "discloser"] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

export const LIMITS = { name: 200, legalName: 300, registrationNumber: 60, contactEmail: 254, service: 200 } as const;

const text = (max: number) => z.string().trim().max(max, "directory.input.atMost");

/** Spreadsheet programs run a cell that starts with one of these as a formula (CSV injection). */
export const FORMULA_START = /^[=+\-@\t\r]/;
const noFormula = (s: string) => !FORMULA_START.test(s);
/** the schemas' messages are catalogue ids (app/i18n/catalogue/directory.ts), said by the server in the reader's language */
const FORMULA_MESSAGE = "directory.input.formula";

const countryCode = z
  .string()
  .trim()
  .min(1, "directory.input.chooseCountry")
  .max(80, "directory.input.atMost")
  .transform((v, ctx) => {
    const code = countryFromInput(v);
    if (!code) {
      // what was typed goes with the message as a value (organizations.server.ts says it)
      ctx.addIssue({ code: "custom", message: "directory.input.unknownCountry", params: { value: v } });
      return z.NEVER;
    }
    return code;
  });

/** a field a form (or a CSV file) may leave out: absent is empty */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => v ?? "", schema);

const nameField = text(LIMITS.name).min(1, "directory.input.enterName").refine(noFormula, FORMULA_MESSAGE);
const registrationField = optional(text(LIMITS.registrationNumber).refine(noFormula, FORMULA_MESSAGE));

export const SupplierInputSchema = z.object({
  name: nameField,
  country: countryCode,
  registrationNumber: registrationField,
  contactEmail: optional(
    z
      .string()
      .trim()
      .toLowerCase()
      .max(LIMITS.contactEmail, "directory.input.atMost")
      .refine((v) => v === "" || z.email().safeParse(v).success, "directory.input.email"),
  ),
  service: optional(text(LIMITS.service).refine(noFormula, FORMULA_MESSAGE)),
});
export type SupplierInput = z.output<typeof SupplierInputSchema>;

export const DiscloserInputSchema = z.object({
  name: nameField,
  legalName: optional(text(LIMITS.legalName).refine(noFormula, FORMULA_MESSAGE)),
  country: countryCode,
  registrationNumber: registrationField,
});
export type DiscloserInput = z.output<typeof DiscloserInputSchema>;

export type OrganizationInput = ({ kind: "supplier" } & SupplierInput) | ({ kind: "discloser" } & DiscloserInput);

/** The fields each kind's form has, in order. */
export const FIELDS: Record<DirectoryKind, readonly string[]> = {
  supplier: ["name", "country", "registrationNumber", "contactEmail", "service"],
  discloser: ["name", "legalName", "country", "registrationNumber"],
};

function fold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const ALIASES: Record<string, string> = {
  uk: "GB",
  "great britain": "GB",
  england: "GB",
  usa: "US",
  "united states of america": "US",
  "the netherlands": "NL",
  holland: "NL",
  "czech republic": "CZ",
  "south korea": "KR",
  "republic of korea": "KR",
  russia: "RU",
};

let byName: Map<string, string> | null = null;

/** An ISO 3166-1 alpha-2 code from a code or an English country name ("de", "Germany", "United Kingdom"); null when unknown. */
export function countryFromInput(value: string): string | null {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && COUNTRY_CODES.has(trimmed.toUpperCase())) return trimmed.toUpperCase();
  if (!byName) {
    byName = new Map(Object.entries(ALIASES));
    for (const code of COUNTRY_CODES) byName.set(fold(countryName(code)), code);
  }
  return byName.get(fold(trimmed)) ?? null;
}

/** Every country as a choice, by its name in the reader's language (English by default). */
export function countryOptions(locale = "en"): { code: string; name: string }[] {
  return [...COUNTRY_CODES]
    .map((code) => ({ code, name: countryName(code, locale) }))
    .sort((a, b) => compareNames(locale as Locale)(a.name, b.name));
}
