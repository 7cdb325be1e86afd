import { z } from "zod";
import { AGREEMENT_STATUSES } from "#models/agreement-enums";
import { ASSESSMENT_STATUSES } from "#models/assessment-status";
import { STATUSES } from "#app/scoring/types";

/**
 * The API's schemas: the same objects validate requests, type the use
 * cases' answers and, through `z.toJSONSchema`, make the OpenAPI document
 * (openapi.server.ts). A schema in this registry is a named component
 * (`#/components/schemas/<id>`); responses are checked against them in the
 * tests.
 */
export const apiSchemas = z.registry<{ id: string }>();

const objectId = z.string().regex(/^[0-9a-f]{24}$/);
const isoDate = z.iso.date();

export const Problem = z
  .object({
    type: z.string().describe("A URI reference naming the kind of problem (RFC 9457)"),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe("For a 400: the invalid query or path fields, each with what is wrong with it"),
  })
  .describe("An error, as application/problem+json (RFC 9457)")
  .register(apiSchemas, { id: "Problem" });

export const Agreement = z
  .object({
    id: objectId,
    reference: z.string(),
    title: z.string(),
    status: z.enum(AGREEMENT_STATUSES),
    revision: z.number().int().min(1).describe("Rises with every edit of the agreement"),
    effectiveDate: isoDate,
    endDate: isoDate,
    suppliers: z.number().int().min(0).describe("Suppliers in the agreement's chain"),
    updatedAt: z.iso.datetime(),
  })
  .describe("An agreement the organisation is party to")
  .register(apiSchemas, { id: "Agreement" });

export const AgreementList = z
  .object({
    items: z.array(Agreement),
    nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
    next: z.string().nullable().describe("The next page's URL (path and query); null on the last page"),
  })
  .describe("One page of agreements, in a stable order")
  .register(apiSchemas, { id: "AgreementList" });

const Result = z.object({
  assessmentId: objectId,
  score: z.number(),
  rating: z.string().describe("The risk rating: low, medium, high or critical"),
  evaluationDate: z.string().describe("The day the result was scored for (ISO date; empty when unknown)"),
});

export const SupplierResult = z
  .object({
    id: objectId,
    name: z.string(),
    country: z.string(),
    tier: z.number().int().min(1),
    parentId: objectId.nullable().describe("The supplier this one works for; null: works for the recipient"),
    service: z.string(),
    latest: Result.extend({ status: z.enum(ASSESSMENT_STATUSES) })
      .nullable()
      .describe("The most recent scored assessment, whatever its status; null: none scored yet"),
    approved: Result.nullable().describe("The latest approved assessment: what phase gates use"),
    requirementCounts: z
      .object(
        Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
          (typeof STATUSES)[number],
          z.ZodNumber
        >,
      )
      .describe("The agreement's requirements by the latest assessment's status"),
  })
  .describe("A supplier in an agreement's chain with its current results")
  .register(apiSchemas, { id: "SupplierResult" });

export const AgreementSuppliers = z
  .object({
    agreementId: objectId,
    evaluationDate: isoDate,
    suppliers: z.array(SupplierResult),
  })
  .describe("An agreement's chain: every supplier with its current results")
  .register(apiSchemas, { id: "AgreementSuppliers" });

/** `GET /api/v1/agreements` query. */
export const ListAgreementsQuery = z.strictObject({
  limit: z.coerce
    .number("Must be a whole number from 1 to 100")
    .int("Must be a whole number from 1 to 100")
    .min(1, "Must be a whole number from 1 to 100")
    .max(100, "Must be a whole number from 1 to 100")
    .default(25)
    .describe("Agreements per page, 1 to 100"),
  cursor: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16}$/, "Must be a cursor this API returned")
    .optional()
    .describe("Where the page starts: `nextCursor` of the page before"),
});

/** A path's agreement id. */
export const AgreementIdParams = z.strictObject({
  id: objectId.describe("The agreement's id"),
});

/** Operations without query parameters accept none. */
export const NoQuery = z.strictObject({});
