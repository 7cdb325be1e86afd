import { z } from "zod";
import { AGREEMENT_STATUSES } from "#models/agreement-enums";
import { ASSESSMENT_STATUSES } from "#models/assessment-status";
import { INFO_CLASSES, STATUSES } from "#app/scoring/types";
import { isIsoDate } from "#app/scoring/dates";
import { todayIso } from "#models/today";
import { EMAIL_MAX } from "#app/lib/text-limits";
import { RECIPIENTS_MAX } from "#app/features/assessments/send-limits";

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
      .describe("For a 400, 409 or 422: the invalid query, path or body fields, each with what is wrong with it"),
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

const countsByStatus = () =>
  z.object(
    Object.fromEntries(STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
      (typeof STATUSES)[number],
      z.ZodNumber
    >,
  );

/** A questionnaire the portal sends: what sendAssessment's `templateId` names. */
export const Questionnaire = z
  .object({
    id: z.string().describe("The id to send as `templateId`"),
    title: z.string().describe("Its title, in English"),
    version: z.string().describe("Its current version: the one a send pins"),
    languages: z.array(z.string()).describe("The languages a supplier can answer it in"),
    requirementIds: z.array(z.string()).describe("The catalogue requirements its questions answer"),
  })
  .register(apiSchemas, { id: "Questionnaire" });

export const QuestionnaireList = z
  .object({ items: z.array(Questionnaire) })
  .register(apiSchemas, { id: "QuestionnaireList" });

export const Assessment = z
  .object({
    id: objectId,
    agreementId: objectId,
    agreementReference: z.string(),
    supplier: z.object({ id: objectId, name: z.string() }),
    templateId: z.string(),
    templateVersion: z.string().describe("The questionnaire version pinned when it was sent"),
    status: z.enum(ASSESSMENT_STATUSES),
    dueDate: isoDate,
    submittedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    result: z
      .object({
        score: z.number(),
        rating: z.string().describe("The risk rating: low, medium, high or critical"),
        evaluationDate: z.string().describe("The day the result was scored for (ISO date)"),
        requirementCounts: countsByStatus().describe("The agreement's requirements by status"),
        knockOutsFailed: z.array(z.string()).describe("Knock-out requirements not met or not answered"),
      })
      .nullable()
      .describe("The current result; null until the supplier submits"),
  })
  .describe("A questionnaire sent to a supplier under an agreement, with its current result")
  .register(apiSchemas, { id: "Assessment" });

const DUE = "Must be a date (YYYY-MM-DD), today or later";

/**
 * `POST /api/v1/agreements/{id}/assessments` body: the send form's fields
 * (assessments/send-form.server.ts SendSchema), as JSON. The same use case
 * checks it further (the supplier in the chain, the questionnaire sendable).
 */
export const SendAssessmentBody = z.strictObject({
  supplierId: objectId.describe("A supplier in the agreement's chain"),
  templateId: z.string().min(1).max(60).describe("The questionnaire to send (its current version is sent)"),
  dueDate: z
    .string()
    .refine(isIsoDate, DUE)
    .refine((d) => d >= todayIso(), DUE)
    .describe("When the answers are due, YYYY-MM-DD, today or later"),
  recipients: z
    .array(z.email("Must be an e-mail address").max(EMAIL_MAX))
    .min(1, "At least one recipient")
    .max(RECIPIENTS_MAX, `At most ${RECIPIENTS_MAX} recipients`)
    .describe("Who at the supplier is invited to answer, by e-mail"),
  sendAnother: z
    .boolean()
    .optional()
    .describe("Send even though the supplier has an open questionnaire under this agreement (409 otherwise)"),
});

/** A path's assessment id. */
export const AssessmentIdParams = z.strictObject({
  id: objectId.describe("The assessment's id"),
});

/** A path's agreement id. */
export const AgreementIdParams = z.strictObject({
  id: objectId.describe("The agreement's id"),
});

/** Operations without query parameters accept none. */
export const NoQuery = z.strictObject({});

const limitOf = (what: string) =>
  z.coerce
    .number("Must be a whole number from 1 to 100")
    .int("Must be a whole number from 1 to 100")
    .min(1, "Must be a whole number from 1 to 100")
    .max(100, "Must be a whole number from 1 to 100")
    .default(25)
    .describe(`${what} per page, 1 to 100`);
const cursorParam = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16}$/, "Must be a cursor this API returned")
  .optional()
  .describe("Where the page starts: `nextCursor` of the page before");
const pageOf = <T extends z.ZodType>(item: T) => ({
  items: z.array(item),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last page"),
  next: z.string().nullable().describe("The next page's URL (path and query); null on the last page"),
});

/** The dashboard's risk ratings (review/dashboard.server.ts). */
export const RATINGS = ["low", "medium", "high", "critical"] as const;

/**
 * `GET /api/v1/assessments` query: the dashboard's filters
 * (review/dashboard.server.ts DashboardQuery) with the same values, plus a
 * supplier; unlike the page, a bad value is a 400, not ignored.
 */
export const ListAssessmentsQuery = z.strictObject({
  limit: limitOf("Assessments"),
  cursor: cursorParam,
  status: z.enum(ASSESSMENT_STATUSES).optional().describe("Only assessments with this status"),
  rating: z.enum(RATINGS).optional().describe("Only assessments whose current result has this risk rating"),
  agreement: objectId.optional().describe("Only assessments under this agreement (its id)"),
  supplier: objectId.optional().describe("Only assessments sent to this supplier (its organisation's id)"),
  q: z
    .string()
    .trim()
    .min(1, "Must not be empty")
    .max(100, "At most 100 characters")
    .optional()
    .describe("Supplier name search, as the dashboard's: from the start of any word of the name"),
  overdue: z
    .enum(["1", "true"], "Must be 1 or true")
    .optional()
    .describe("1: only open assessments (invited, in progress, remediation requested) past their due date"),
});

export const AssessmentList = z
  .object(pageOf(Assessment))
  .describe("One page of assessments, in a stable order")
  .register(apiSchemas, { id: "AssessmentList" });

const sha256Hex = z
  .string()
  .regex(/^[0-9a-fA-F]{64}$/, "Must be a SHA-256 hash: 64 hexadecimal digits")
  .describe("A SHA-256 hash as 64 hexadecimal digits");

/** `GET /api/v1/reports` query. */
export const ListReportsQuery = z.strictObject({
  limit: limitOf("Reports"),
  cursor: cursorParam,
  subjectType: z
    .enum(["assessment", "agreement"], "Must be assessment or agreement")
    .optional()
    .describe("Only reports about an assessment, or only about an agreement"),
  subjectId: objectId.optional().describe("Only the reports (every version) about this assessment or agreement"),
  agreement: objectId.optional().describe("Only reports under this agreement (about it or its assessments)"),
});

export const Report = z
  .object({
    id: objectId,
    subjectType: z.enum(["assessment", "agreement"]),
    subjectId: objectId.describe("The assessment or agreement the report is about"),
    subject: z.string().describe("What it is about, for people: the supplier's name or the agreement's title"),
    agreementId: objectId,
    agreementReference: z.string(),
    version: z.number().int().min(1).describe("Versions of one subject's report count up from 1"),
    generatedAt: z.iso.datetime(),
    generatedBy: z.string(),
    trigger: z.enum(["on_demand", "approval"]),
    language: z.string().nullable().describe("The language of the report's own words; null for older reports"),
    sha256: z.string().describe("The PDF's SHA-256, hex: what verification checks"),
    size: z.number().int().min(0).describe("Bytes"),
    pages: z.number().int().min(0),
    pdf: z.string().describe("Where to download the PDF"),
  })
  .describe("A stored PDF report the organisation may download")
  .register(apiSchemas, { id: "Report" });

export const ReportList = z
  .object(pageOf(Report))
  .describe("One page of reports, in a stable order")
  .register(apiSchemas, { id: "ReportList" });

/** A path's report id. */
export const ReportIdParams = z.strictObject({
  id: objectId.describe("The report's id"),
});

/** `POST /api/v1/reports/verify` as JSON (or send the PDF itself as application/pdf). */
export const VerifyReportBody = z.strictObject({
  sha256: sha256Hex,
});

export const Verification = z
  .object({
    authentic: z.boolean().describe("Whether the portal issued a report with this hash"),
    sha256: z.string().describe("The hash checked, lower case"),
    report: z
      .object({
        subjectType: z.enum(["assessment", "agreement"]),
        agreementReference: z.string(),
        subject: z.string(),
        version: z.number().int().min(1),
        generatedAt: z.iso.datetime(),
        generatedBy: z.string(),
        latest: z
          .object({ version: z.number().int().min(1), generatedAt: z.iso.datetime() })
          .nullable()
          .describe("A newer version of the same report, if there is one; null: this is the latest"),
      })
      .nullable()
      .describe("The report the portal issued with this hash; null when not authentic"),
  })
  .describe("What the portal's verify page says about a report's hash")
  .register(apiSchemas, { id: "Verification" });

/** `GET /api/v1/suppliers` query. */
export const ListSuppliersQuery = z.strictObject({
  limit: limitOf("Suppliers"),
  cursor: cursorParam,
  q: z
    .string()
    .trim()
    .min(1, "Must not be empty")
    .max(100, "At most 100 characters")
    .optional()
    .describe("Name search: from the start of any word of the supplier's name"),
});

const CertificateSummary = z.object({
  standard: z.string(),
  expiryDate: isoDate,
  daysLeft: z.number().int().describe("Days until it expires; negative: expired"),
});

export const Supplier = z
  .object({
    id: objectId,
    name: z.string(),
    country: z.string().describe("ISO 3166-1 alpha-2"),
    service: z.string(),
    assessments: z.number().int().min(0).describe("Assessments the organisation sent it"),
    latest: z
      .object({
        assessmentId: objectId,
        agreementReference: z.string(),
        status: z.enum(ASSESSMENT_STATUSES),
        score: z.number().nullable(),
        rating: z.enum(RATINGS).nullable(),
      })
      .nullable()
      .describe("Its most recently changed assessment; null: none sent"),
    certificates: z.array(CertificateSummary),
  })
  .describe("A supplier in the organisation's directory, as the supplier directory shows it")
  .register(apiSchemas, { id: "Supplier" });

export const SupplierList = z
  .object(pageOf(Supplier))
  .describe("One page of suppliers, in a stable order")
  .register(apiSchemas, { id: "SupplierList" });

export const Certificate = z
  .object({
    id: objectId,
    supplierId: objectId,
    standard: z.string(),
    certificateNumber: z.string(),
    certificationBody: z.string(),
    scope: z.string(),
    issueDate: isoDate,
    expiryDate: isoDate,
    controls: z.array(z.string()).describe("Annex A controls in the statement of applicability; empty: all"),
    status: z.enum(["valid", "expired"]).describe("expired: its expiry date is before today"),
  })
  .describe("A certificate a supplier filed")
  .register(apiSchemas, { id: "Certificate" });

export const SupplierDetail = z
  .object({
    ...Supplier.shape,
    certificates: z.array(Certificate),
    results: z
      .array(
        z.object({
          agreementId: objectId,
          agreementReference: z.string(),
          assessmentId: objectId,
          status: z.enum(ASSESSMENT_STATUSES),
          score: z.number().nullable(),
          rating: z.enum(RATINGS).nullable(),
          evaluationDate: z.string().nullable(),
          dueDate: isoDate,
        }),
      )
      .describe("Per agreement, its most recently changed assessment and that one's current result"),
  })
  .describe("A supplier with its certificates and its latest results per agreement")
  .register(apiSchemas, { id: "SupplierDetail" });

/** A path's supplier id. */
export const SupplierIdParams = z.strictObject({
  id: objectId.describe("The supplier's organisation id"),
});

/** `GET /api/v1/certificates` query. */
export const ListCertificatesQuery = z.strictObject({
  limit: limitOf("Certificates"),
  cursor: cursorParam,
  supplier: objectId.optional().describe("Only this supplier's certificates"),
  expiringBefore: isoDate.optional().describe("Only certificates expiring before this day (YYYY-MM-DD)"),
  status: z.enum(["valid", "expired"], "Must be valid or expired").optional().describe("valid or expired, as of today"),
});

export const CertificateList = z
  .object(pageOf(Certificate))
  .describe("One page of certificates, in a stable order")
  .register(apiSchemas, { id: "CertificateList" });

/** `GET /api/v1/incidents` query. */
export const ListIncidentsQuery = z.strictObject({
  limit: limitOf("Incidents"),
  cursor: cursorParam,
  agreement: objectId.optional().describe("Only incidents reported under this agreement (its id)"),
});

export const Incident = z
  .object({
    id: objectId,
    agreementId: objectId,
    supplierId: objectId.describe("The organisation that reported it"),
    supplier: z.string().describe("Its name"),
    detectedAt: z.iso.datetime(),
    reportedAt: z.iso.datetime(),
    reportedBy: z.string().describe("The name of the person who reported it"),
    classes: z.array(z.enum(INFO_CLASSES)).describe("The classes of information concerned"),
    description: z.string(),
    timing: z
      .object({
        delayHours: z.number().describe("Hours from detection to the report"),
        committedHours: z.number().nullable().describe("The hours the supplier committed to; null when unknown"),
        withinCommitment: z.boolean().nullable(),
        discloserDeadline: z.string().describe("Detection plus the agreement's breach window"),
        projectedNotice: z
          .string()
          .nullable()
          .describe("When the disclosing party will know at the latest, if every link keeps its commitment"),
        marginHours: z.number().nullable().describe("Hours between the projected notice and the deadline"),
        onTrack: z.boolean().nullable(),
      })
      .describe("Measured when it was reported, and kept as measured"),
  })
  .describe("A security incident a supplier reported under an agreement")
  .register(apiSchemas, { id: "Incident" });

export const IncidentList = z
  .object(pageOf(Incident))
  .describe("One page of incidents, in a stable order")
  .register(apiSchemas, { id: "IncidentList" });
