import { z } from "zod";
import { API_RATE_LIMIT } from "./auth.server";
import { PROBLEMS, type ProblemKind } from "./http.server";
import {
  AgreementIdParams,
  AgreementList,
  AgreementSuppliers,
  apiSchemas,
  Assessment,
  AssessmentIdParams,
  AssessmentList,
  ListAgreementsQuery,
  ListAssessmentsQuery,
  ListReportsQuery,
  ListIncidentsQuery,
  IncidentList,
  ListSuppliersQuery,
  ListCertificatesQuery,
  SupplierList,
  SupplierDetail,
  SupplierIdParams,
  CertificateList,
  ReportIdParams,
  ReportList,
  SendAssessmentBody,
  Verification,
  VerifyReportBody,
  NoQuery,
  QuestionnaireList,
} from "./schemas";

/**
 * The OpenAPI 3.1 document, made from the zod schemas that validate the
 * requests (query and path parameters, bodies) and the answers
 * (components). The reference page (/api/v1/docs) renders the same
 * document.
 *
 * Each operation is one of a few kinds, made by its builder below:
 * - `list`: a page of a collection (200 with ETag, 304; a bad query is 400)
 * - `read`: one resource by its id (as list, and 404)
 * - `create`: a POST that stores (201 with Location; 403 for a read token, 415)
 * - `compute`: a POST that answers without storing (200, not cached)
 * - `download`: a file (200 with its bytes, ETag and Repr-Digest; 304; 404)
 */
export type OperationKind = "list" | "read" | "create" | "compute" | "download";

export interface ApiOperation {
  id: string;
  kind: OperationKind;
  method: "get" | "post";
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  /** a JSON request body, described from the schema that parses it */
  body?: z.ZodObject;
  /** a body that may also be sent as raw bytes of this media type */
  rawBody?: { mediaType: string; description: string };
  /** the component the success answer holds (JSON kinds) */
  response?: { schema: z.ZodType; id: string };
  /** the media type of a download */
  download?: string;
  problems: ProblemKind[];
}

const READ_PROBLEMS: ProblemKind[] = ["bad-request", "unauthorized", "too-many-requests"];
const WRITE_PROBLEMS: ProblemKind[] = [
  "bad-request",
  "unauthorized",
  "forbidden",
  "unsupported-media-type",
  "too-many-requests",
];

type Described = Pick<ApiOperation, "id" | "path" | "summary" | "description">;
type Component = { schema: z.ZodType; id: string };

const list = (op: Described & { query: z.ZodObject; response: Component; problems?: ProblemKind[] }): ApiOperation => ({
  ...op,
  kind: "list",
  method: "get",
  problems: [...READ_PROBLEMS, ...(op.problems ?? [])],
});

const read = (
  op: Described & { pathParams: z.ZodObject; response: Component; problems?: ProblemKind[] },
): ApiOperation => ({
  ...op,
  kind: "read",
  method: "get",
  problems: [...READ_PROBLEMS, "not-found", ...(op.problems ?? [])],
});

const create = (
  op: Described & { pathParams?: z.ZodObject; body: z.ZodObject; response: Component; problems?: ProblemKind[] },
): ApiOperation => ({ ...op, kind: "create", method: "post", problems: [...WRITE_PROBLEMS, ...(op.problems ?? [])] });

const compute = (
  op: Described & { body: z.ZodObject; rawBody?: ApiOperation["rawBody"]; response: Component },
): ApiOperation => ({
  ...op,
  kind: "compute",
  method: "post",
  problems: ["bad-request", "unauthorized", "unsupported-media-type", "too-many-requests"],
});

const download = (op: Described & { pathParams: z.ZodObject; mediaType: string }): ApiOperation => ({
  ...op,
  kind: "download",
  method: "get",
  download: op.mediaType,
  problems: [...READ_PROBLEMS, "not-found"],
});

const component = (schema: z.ZodType) => ({ schema, id: apiSchemas.get(schema)!.id });

export const OPERATIONS: ApiOperation[] = [
  list({
    id: "listAgreements",
    path: "/api/v1/agreements",
    summary: "List the organisation's agreements",
    description:
      "The agreements the token's organisation is party to (as recipient or as disclosing party), in a stable order, a page at a time: follow `next` until it is null.",
    query: ListAgreementsQuery,
    response: component(AgreementList),
  }),
  read({
    id: "listAgreementSuppliers",
    path: "/api/v1/agreements/{id}/suppliers",
    summary: "An agreement's suppliers with their current results",
    description:
      "Every supplier in the agreement's chain with its latest scored assessment (status, score, rating), its latest approved one and the agreement's requirements counted by status, as the agreement page shows them.",
    pathParams: AgreementIdParams,
    response: component(AgreementSuppliers),
  }),
  list({
    id: "listQuestionnaires",
    path: "/api/v1/questionnaires",
    summary: "The questionnaires the portal sends",
    description:
      "Every questionnaire procurement can send, as the send form lists them: the built-in ones, then the newest published version of each imported one. Send one with sendAssessment, naming its `id` as `templateId`. Needs a token of a procurement organisation.",
    query: NoQuery,
    response: component(QuestionnaireList),
    problems: ["forbidden"],
  }),
  create({
    id: "sendAssessment",
    path: "/api/v1/agreements/{id}/assessments",
    summary: "Send a questionnaire to a supplier of the agreement",
    description:
      "Sends a questionnaire as procurement's send form does: the supplier must be in the agreement's chain and the questionnaire one the portal sends (its current version); each recipient is e-mailed an invitation, and the audit trail names the token. Needs a read-write token of a procurement organisation. 409 when the supplier already has an open questionnaire under the agreement (send `sendAnother: true` to insist); 422 when the portal refuses the input. Idempotent with an `Idempotency-Key` header (1 to 200 visible ASCII characters): a retry with the same key from the same token within 24 hours gets the first answer again (with `Idempotent-Replayed: true`) instead of sending again; the same key with another body is a 422, while the first is still running a 409. Without the header a retried request sends again.",
    pathParams: AgreementIdParams,
    body: SendAssessmentBody,
    response: component(Assessment),
    problems: ["not-found", "conflict", "unprocessable-content"],
  }),
  list({
    id: "listAssessments",
    path: "/api/v1/assessments",
    summary: "List the organisation's assessments with their current results",
    description:
      "The assessments the organisation sent (procurement: the dashboard's rows) or was sent (supplier), each with its current result, in a stable order, a page at a time: follow `next` until it is null. Filters as on the dashboard: status, rating, agreement, supplier name search (`q`), overdue; and a supplier's id. A disclosing party's list is empty: its pages show each supplier's current results per agreement (read them with listAgreementSuppliers), not the assessments themselves.",
    query: ListAssessmentsQuery,
    response: component(AssessmentList),
  }),
  read({
    id: "getAssessment",
    path: "/api/v1/assessments/{id}",
    summary: "One assessment with its current result",
    description:
      "An assessment the organisation sent (procurement) or was sent (supplier): its status, due date, supplier, agreement and current result (score, rating, the agreement's requirements counted by status, failed knock-outs).",
    pathParams: AssessmentIdParams,
    response: component(Assessment),
  }),
  list({
    id: "listSuppliers",
    path: "/api/v1/suppliers",
    summary: "List the organisation's suppliers",
    description:
      "The suppliers in the organisation's directory (procurement, as the supplier directory shows them), each with its most recent assessment and its certificates, in a stable order, a page at a time. `q` searches names as the portal does. Other organisations have no directory: an empty list.",
    query: ListSuppliersQuery,
    response: component(SupplierList),
  }),
  read({
    id: "getSupplier",
    path: "/api/v1/suppliers/{id}",
    summary: "One supplier with its certificates and latest results per agreement",
    description:
      "A supplier of the organisation's directory: its certificates on file and, per agreement, its most recently changed assessment with that one's current result (status, score, rating).",
    pathParams: SupplierIdParams,
    response: component(SupplierDetail),
  }),
  list({
    id: "listCertificates",
    path: "/api/v1/certificates",
    summary: "List the certificates the organisation can see",
    description:
      "Procurement: its directory's suppliers' certificates; a supplier: its own. Filter by supplier, by expiry (`expiringBefore`, a day) and by status (valid or expired as of today).",
    query: ListCertificatesQuery,
    response: component(CertificateList),
  }),
  list({
    id: "listReports",
    path: "/api/v1/reports",
    summary: "List the PDF reports the organisation may download",
    description:
      "The stored reports about the organisation's agreements and their assessments (the recipient's procurement and the disclosing party may download them, as on the report pages), every version, in a stable order, a page at a time. Filter by subject type and id, or by agreement.",
    query: ListReportsQuery,
    response: component(ReportList),
  }),
  list({
    id: "listIncidents",
    path: "/api/v1/incidents",
    summary: "List the security incidents the organisation sees",
    description:
      "The incidents suppliers reported, as the organisation's pages show them: procurement sees those under its agreements, a disclosing party those under the agreements it discloses under, a supplier those it reported and those its subcontractors reported (their notice passes through it). Each with its timing as measured when it was reported. In a stable order, a page at a time; filter by agreement. Reporting an incident stays on the supplier's incidents page.",
    query: ListIncidentsQuery,
    response: component(IncidentList),
  }),
  download({
    id: "downloadReport",
    path: "/api/v1/reports/{id}/pdf",
    summary: "Download a report's PDF",
    description:
      "The stored PDF, byte for byte as issued. Its SHA-256 is in `Repr-Digest` (`sha-256=:<base64>:`, RFC 9530) and, as hex, in the strong `ETag`; the download is recorded in the audit trail, naming the token.",
    pathParams: ReportIdParams,
    mediaType: "application/pdf",
  }),
  compute({
    id: "verifyReport",
    path: "/api/v1/reports/verify",
    summary: "Verify that the portal issued a report",
    description:
      'The portal\'s verify page as an operation: send the SHA-256 of a PDF as JSON (`{"sha256": "<hex>"}`) or the PDF itself (`Content-Type: application/pdf`, at most 50 MB, hashed, not kept). Answers whether the portal issued it, which report and version, when and by whom, and whether a newer version exists. Stores nothing: a read token may.',
    body: VerifyReportBody,
    rawBody: { mediaType: "application/pdf", description: "The report's PDF, at most 50 MB" },
    response: component(Verification),
  }),
];

const ref = (id: string) => ({ $ref: `#/components/schemas/${id}` });

function parameters(where: "query" | "path", schema: z.ZodObject | undefined) {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input" }) as {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(json.properties).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

function requestBody(op: ApiOperation) {
  const { $schema: _s, ...json } = z.toJSONSchema(op.body!, { io: "input" }) as Record<string, unknown>;
  return {
    required: true,
    content: {
      "application/json": { schema: json },
      ...(op.rawBody
        ? {
            [op.rawBody.mediaType]: {
              schema: { type: "string", contentMediaType: op.rawBody.mediaType, description: op.rawBody.description },
            },
          }
        : {}),
    },
  };
}

function components() {
  const { schemas } = z.toJSONSchema(apiSchemas, { uri: (id) => `#/components/schemas/${id}` }) as {
    schemas: Record<string, Record<string, unknown>>;
  };
  return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _s, $id: _i, ...schema }]) => [id, schema]));
}

const problemResponse = (kind: ProblemKind) => ({
  description: `${PROBLEMS[kind].title}: see ${`#problem-${kind}`} on the reference page`,
  ...(kind === "too-many-requests"
    ? { headers: { "Retry-After": { description: "Seconds until the next window", schema: { type: "integer" } } } }
    : {}),
  content: { "application/problem+json": { schema: ref("Problem") } },
});

const ETAG = { ETag: { description: "Send it back as If-None-Match", schema: { type: "string" } } };
const NOT_MODIFIED = { description: "Not Modified: the If-None-Match tag is the current one" };
const json = (op: ApiOperation) => ({ "application/json": { schema: ref(op.response!.id) } });

/** The success answers of each kind of operation. */
function successes(op: ApiOperation): Record<string, unknown> {
  switch (op.kind) {
    case "create":
      return {
        "201": {
          description: "Created",
          headers: { Location: { description: "The created resource", schema: { type: "string" } } },
          content: json(op),
        },
      };
    case "compute":
      return { "200": { description: "OK", content: json(op) } };
    case "download":
      return {
        "200": {
          description: "The file's bytes",
          headers: {
            ...ETAG,
            "Repr-Digest": {
              description: "The file's SHA-256: sha-256=:<base64>: (RFC 9530)",
              schema: { type: "string" },
            },
          },
          content: { [op.download!]: { schema: { type: "string", contentMediaType: op.download! } } },
        },
        "304": NOT_MODIFIED,
      };
    default:
      return { "200": { description: "OK", headers: ETAG, content: json(op) }, "304": NOT_MODIFIED };
  }
}

/** Every create takes one (http.server.ts idempotent). */
const IDEMPOTENCY_KEY_HEADER = {
  name: "Idempotency-Key",
  in: "header",
  required: false,
  description:
    "Makes a retry safe: the same key from the same token within 24 hours answers the first result again; with another body, 422",
  schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[\\x21-\\x7e]+$" },
};

let built: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  if (built) return built;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.id,
      summary: op.summary,
      description: op.description,
      parameters: [
        ...parameters("path", op.pathParams),
        ...parameters("query", op.query),
        ...(op.kind === "create" ? [IDEMPOTENCY_KEY_HEADER] : []),
      ],
      ...(op.body ? { requestBody: requestBody(op) } : {}),
      responses: {
        ...successes(op),
        ...Object.fromEntries(op.problems.map((kind) => [String(PROBLEMS[kind].status), problemResponse(kind)])),
      },
    };
  }
  built = {
    openapi: "3.1.0",
    info: {
      title: "Flowdown API",
      version: "1.0.0",
      description: `Read an organisation's agreements, its suppliers' results, assessments and reports; send questionnaires; verify reports. Authenticate with an organisation API token (created by a team administrator on /account/team/api-tokens): \`Authorization: Bearer <token>\`. A token sees what its organisation sees. At most ${API_RATE_LIMIT.max} requests a minute per token (429 with Retry-After beyond). Errors are application/problem+json (RFC 9457).`,
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerToken: { type: "http", scheme: "bearer", description: "An organisation API token, fd_…" },
      },
      schemas: components(),
    },
  };
  return built;
}
