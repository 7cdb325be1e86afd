/**
 * zod schemas for the shapes in ./types.ts. They check structure and give
 * the messages a catalogue author sees; cross-references (requirement ids,
 * parameters, choices) are checked in validate-*.ts.
 */
import { z } from "zod";
import { REQUIREMENT_CATEGORIES } from "./types";

/** ISO/IEC 27001:2022 Annex A: 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34. */
export const ISO_CONTROL_RE =
  /^A\.(5\.([1-9]|[12][0-9]|3[0-7])|6\.[1-8]|7\.([1-9]|1[0-4])|8\.([1-9]|[12][0-9]|3[0-4]))$/;
export const REQUIREMENT_ID_RE = /^FD-[A-Z]{2,5}-[0-9]{2,3}$/;
/** Parameter keys end up as MongoDB keys in agreements: plain identifiers only. */
export const PARAM_KEY_RE = /^[a-z][A-Za-z0-9]*$/;
export const TEMPLATE_ID_RE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export const PARAMETER_TYPES = [
  "hours",
  "days",
  "months",
  "count",
  "countries",
  "transferMechanisms",
  "standard",
  "text",
  "boolean",
] as const;
export const NUMERIC_PARAMETER_TYPES: ReadonlySet<string> = new Set(["hours", "days", "months", "count"]);

const show = (v: unknown) => JSON.stringify(v);
const nonEmpty = (what: string) =>
  z
    .string()
    .trim()
    .min(1, { error: `${what} must not be empty` });

export const ParameterSpecSchema = z.strictObject({
  key: z.string().regex(PARAM_KEY_RE, {
    error: (iss) =>
      `parameter key ${show(iss.input)} must be a plain identifier (letters and digits, starting with a lower-case letter)`,
  }),
  label: nonEmpty("label"),
  type: z.enum(PARAMETER_TYPES, {
    error: (iss) => `unknown parameter type ${show(iss.input)}; expected one of ${PARAMETER_TYPES.join(", ")}`,
  }),
  default: z.union([z.number(), z.string(), z.boolean(), z.array(z.string())]),
  min: z.number().optional(),
  max: z.number().optional(),
  description: z.string().optional(),
});

export const IsoControlSchema = z.string().regex(ISO_CONTROL_RE, {
  error: (iss) =>
    `${show(iss.input)} is not an ISO/IEC 27001:2022 Annex A control id (A.5.1–A.5.37, A.6.1–A.6.8, A.7.1–A.7.14, A.8.1–A.8.34)`,
});

export const RequirementSchema = z.strictObject({
  id: z.string().regex(REQUIREMENT_ID_RE, {
    error: (iss) => `requirement id ${show(iss.input)} must look like FD-INC-01`,
  }),
  title: nonEmpty("title"),
  category: z.enum(REQUIREMENT_CATEGORIES, {
    error: (iss) => `unknown category ${show(iss.input)}; expected one of ${REQUIREMENT_CATEGORIES.join(", ")}`,
  }),
  description: nonEmpty("description"),
  weight: z
    .int({ error: "weight must be a whole number from 1 to 5" })
    .min(1, { error: "weight must be at least 1" })
    .max(5, { error: "weight must be at most 5" }),
  knockOut: z.boolean(),
  parameters: z.array(ParameterSpecSchema),
  isoControls: z.array(IsoControlSchema).min(1, { error: "at least one ISO/IEC 27001:2022 control is required" }),
  evidence: z.array(nonEmpty("evidence item")).min(1, { error: "at least one expected evidence item is required" }),
  judgedByCertification: z.boolean().optional(),
});

export const CatalogueEnvelopeSchema = z.strictObject({
  version: nonEmpty("version"),
  requirements: z.array(z.unknown()).min(1, { error: "the catalogue has no requirements" }),
});

export const JudgeRuleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("boolean"), expected: z.boolean() }),
    // score bounds are checked with the choices, for a clearer message
    z.strictObject({ kind: z.literal("choice"), scores: z.record(z.string(), z.number()) }),
    z.strictObject({
      kind: z.literal("coverage"),
      required: z.array(z.string()).min(1, { error: "coverage rule needs at least one required value" }),
    }),
    z.strictObject({
      kind: z.literal("atMost"),
      param: z.string().min(1),
      partialWithin: z.number().gt(1, { error: "partialWithin must be greater than 1" }).optional(),
    }),
    z.strictObject({ kind: z.literal("atLeast"), param: z.string().min(1) }),
    z.strictObject({
      kind: z.literal("jurisdictions"),
      countryField: z.string().min(1),
      mechanismField: z.string().min(1).optional(),
    }),
    z.strictObject({ kind: z.literal("present") }),
    z.strictObject({ kind: z.literal("info") }),
  ],
  {
    error: (iss) =>
      `unknown judge kind ${show((iss.input as { kind?: unknown } | undefined)?.kind)}; expected boolean, choice, coverage, atMost, atLeast, jurisdictions, present or info`,
  },
);

export const QuestionMetaSchema = z.strictObject({
  requirements: z.array(z.string()),
  judge: JudgeRuleSchema,
  gate: z.boolean().optional(),
  weight: z.number().positive({ error: "weight must be greater than 0" }).optional(),
  fact: z
    .enum(["notifyHours", "dataLocations"], {
      error: (iss) => `unknown fact ${show(iss.input)}; expected notifyHours or dataLocations`,
    })
    .optional(),
  identifies: z.boolean().optional(),
});

export const TemplateEnvelopeSchema = z.strictObject({
  id: z.string().regex(TEMPLATE_ID_RE, {
    error: (iss) => `template id ${show(iss.input)} must be lower-case words joined by hyphens`,
  }),
  title: nonEmpty("title"),
  version: nonEmpty("version"),
  description: z.string(),
  survey: z.looseObject({
    pages: z
      .array(
        z.looseObject({
          name: nonEmpty("page name"),
          elements: z.array(z.unknown()),
        }),
      )
      .min(1, { error: "the survey has no pages" }),
  }),
});

/** Turn zod issues into "where: message" lines. */
export function formatIssues(error: z.ZodError, where: string): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`))
      .join("");
    return path ? `${where}: ${path}: ${issue.message}` : `${where}: ${issue.message}`;
  });
}
