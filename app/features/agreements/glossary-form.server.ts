import { z } from "zod";
import { sayIssue } from "#app/lib/forms.server";
import {
  GLOSSARY_LANGUAGES,
  MAX_DEFINITION_LENGTH,
  MAX_GLOSSARY_ENTRIES,
  MAX_TERM_LENGTH,
  type GlossaryTerm,
  type Localised,
} from "#models/glossary";
import { languageName } from "#questionnaires/languages";
import { currentLocale, t } from "#app/i18n/messages.server";

/** A glossary language named in the language of the request (English as the questionnaires name it). */
function languageIn(code: string): string {
  const locale = currentLocale();
  if (locale === "en") return languageName(code);
  return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? languageName(code);
}

/**
 * The glossary part of the agreement form: rows of fields named
 * "glossary.<row>.term.<language>" and "glossary.<row>.definition.<language>".
 * English is required for every term; a translation needs both its term and
 * its definition, so a supplier never sees a term without its meaning.
 */

type Values = Record<string, string | string[]>;

const localised = (max: number) =>
  z.object(
    Object.fromEntries(
      GLOSSARY_LANGUAGES.map((code) => [
        code,
        z
          .string()
          .trim()
          .max(max, { error: () => t("agreements.glossary.atMost", { max }) }),
      ]),
    ) as Record<string, z.ZodString>,
  );

const GlossaryRowSchema = z
  .object({ term: localised(MAX_TERM_LENGTH), definition: localised(MAX_DEFINITION_LENGTH) })
  .superRefine((row, ctx) => {
    if (!row.term.en)
      ctx.addIssue({ code: "custom", path: ["term", "en"], message: t("agreements.glossary.termEnglish") });
    if (!row.definition.en)
      ctx.addIssue({
        code: "custom",
        path: ["definition", "en"],
        message: t("agreements.glossary.definitionEnglish"),
      });
    for (const code of GLOSSARY_LANGUAGES) {
      if (code === "en") continue;
      if (row.term[code] && !row.definition[code])
        ctx.addIssue({
          code: "custom",
          path: ["definition", code],
          message: t("agreements.glossary.definitionToo", { language: languageIn(code) }),
        });
      if (row.definition[code] && !row.term[code])
        ctx.addIssue({
          code: "custom",
          path: ["term", code],
          message: t("agreements.glossary.termToo", { language: languageIn(code) }),
        });
    }
  });

function one(values: Values, key: string): string {
  const v = values[key];
  return (Array.isArray(v) ? v[0] : (v ?? "")).trim();
}

function glossaryRows(values: Values): number[] {
  const rows = new Set<number>();
  for (const key of Object.keys(values)) {
    const m = /^glossary\.(\d{1,3})\.(term|definition)\./.exec(key);
    if (m) rows.add(Number(m[1]));
  }
  return [...rows].sort((a, b) => a - b);
}

/** Validated glossary entries; errors are added beside the fields they concern. */
export function parseGlossary(values: Values, add: (key: string, message: string) => void): GlossaryTerm[] {
  const entries: GlossaryTerm[] = [];
  const seen = new Map<string, number>();
  for (const i of glossaryRows(values)) {
    const raw = {
      term: Object.fromEntries(GLOSSARY_LANGUAGES.map((code) => [code, one(values, `glossary.${i}.term.${code}`)])),
      definition: Object.fromEntries(
        GLOSSARY_LANGUAGES.map((code) => [code, one(values, `glossary.${i}.definition.${code}`)]),
      ),
    };
    // a row left entirely empty is one the user did not fill in
    if ([...Object.values(raw.term), ...Object.values(raw.definition)].every((v) => v === "")) continue;
    const parsed = GlossaryRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        add(`glossary.${i}.${issue.path.map(String).join(".")}`, sayIssue(issue));
      continue;
    }
    const key = parsed.data.term.en.toLocaleLowerCase("en");
    if (seen.has(key)) {
      add(`glossary.${i}.term.en`, t("agreements.glossary.duplicate"));
      continue;
    }
    seen.set(key, i);
    entries.push({ term: parsed.data.term as Localised, definition: parsed.data.definition as Localised });
  }
  if (entries.length > MAX_GLOSSARY_ENTRIES)
    add("glossary", t("agreements.glossary.tooMany", { max: MAX_GLOSSARY_ENTRIES }));
  return entries;
}

/** Form fields showing glossary entries. */
export function glossaryToFormValues(glossary: readonly GlossaryTerm[] | undefined): Values {
  const values: Values = {};
  (glossary ?? []).forEach((entry, i) => {
    for (const code of GLOSSARY_LANGUAGES) {
      values[`glossary.${i}.term.${code}`] = (entry.term as Record<string, string | undefined>)[code] ?? "";
      values[`glossary.${i}.definition.${code}`] = (entry.definition as Record<string, string | undefined>)[code] ?? "";
    }
  });
  return values;
}
