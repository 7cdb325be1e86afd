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
  SendAssessmentBody,
} from "./schemas";

/**
 * The OpenAPI 3.1 document, made from the zod schemas that validate the
 * requests (query and path parameters) and the answers (components). The
 * reference page (/api/v1/docs) renders the same document.
 */
export interface ApiOperation {
  id: string;
  method: "get" | "post";
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  /** a JSON request body, described from the schema that parses it */
  body?: z.ZodObject;
  /** the component the success answer holds: 200 (with ETag, 304) for reads, 201 (with Location) for a create */
  response: { schema: z.ZodType; id: string };
  created?: boolean;
  problems: ProblemKind[];
}

const READ_PROBLEMS: ProblemKind[] = ["unauthorized", "too-many-requests"];
const WRITE_PROBLEMS: ProblemKind[] = ["unauthorized", "forbidden", "unsupported-media-type", "too-many-requests"];

export const OPERATIONS: ApiOperation[] = [
  {
    id: "listAgreements",
    method: "get",
    path: "/api/v1/agreements",
    summary: "List the organisation's agreements",
    description:
      "The agreements the token's organisation is party to (as recipient or as disclosing party), in a stable order, a page at a time: follow `next` until it is null.",
    query: ListAgreementsQuery,
    response: { schema: AgreementList, id: "AgreementList" },
    problems: ["bad-request", ...READ_PROBLEMS],
  },
  {
    id: "listAgreementSuppliers",
    method: "get",
    path: "/api/v1/agreements/{id}/suppliers",
    summary: "An agreement's suppliers with their current results",
    description:
      "Every supplier in the agreement's chain with its latest scored assessment (status, score, rating), its latest approved one and the agreement's requirements counted by status, as the agreement page shows them.",
    pathParams: AgreementIdParams,
    response: { schema: AgreementSuppliers, id: "AgreementSuppliers" },
    problems: ["bad-request", ...READ_PROBLEMS, "not-found"],
  },
  {
    id: "sendAssessment",
    method: "post",
    path: "/api/v1/agreements/{id}/assessments",
    summary: "Send a questionnaire to a supplier of the agreement",
    description:
      "Sends a questionnaire as procurement's send form does: the supplier must be in the agreement's chain and the questionnaire one the portal sends (its current version); each recipient is e-mailed an invitation, and the audit trail names the token. Needs a read-write token of a procurement organisation. 409 when the supplier already has an open questionnaire under the agreement (send `sendAnother: true` to insist); 422 when the portal refuses the input. Not idempotent: a retried request sends again.",
    pathParams: AgreementIdParams,
    body: SendAssessmentBody,
    response: { schema: Assessment, id: "Assessment" },
    created: true,
    problems: ["bad-request", ...WRITE_PROBLEMS, "not-found", "conflict", "unprocessable-content"],
  },
  {
    id: "listAssessments",
    method: "get",
    path: "/api/v1/assessments",
    summary: "List the organisation's assessments with their current results",
    description:
      "The assessments the organisation sent (procurement: the dashboard's rows) or was sent (supplier), each with its current result, in a stable order, a page at a time: follow `next` until it is null. Filters as on the dashboard: status, rating, agreement, supplier name search (`q`), overdue; and a supplier's id.",
    query: ListAssessmentsQuery,
    response: { schema: AssessmentList, id: "AssessmentList" },
    problems: ["bad-request", ...READ_PROBLEMS],
  },
  {
    id: "getAssessment",
    method: "get",
    path: "/api/v1/assessments/{id}",
    summary: "One assessment with its current result",
    description:
      "An assessment the organisation sent (procurement) or was sent (supplier): its status, due date, supplier, agreement and current result (score, rating, the agreement's requirements counted by status, failed knock-outs).",
    pathParams: AssessmentIdParams,
    response: { schema: Assessment, id: "Assessment" },
    problems: ["bad-request", ...READ_PROBLEMS, "not-found"],
  },
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

function requestBody(schema: z.ZodObject) {
  const { $schema: _s, ...json } = z.toJSONSchema(schema, { io: "input" }) as Record<string, unknown>;
  return { required: true, content: { "application/json": { schema: json } } };
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

let built: Record<string, unknown> | null = null;

export function openApiDocument(): Record<string, unknown> {
  if (built) return built;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of OPERATIONS) {
    (paths[op.path] ??= {})[op.method] = {
      operationId: op.id,
      summary: op.summary,
      description: op.description,
      parameters: [...parameters("path", op.pathParams), ...parameters("query", op.query)],
      ...(op.body ? { requestBody: requestBody(op.body) } : {}),
      responses: {
        ...(op.created
          ? {
              "201": {
                description: "Created",
                headers: { Location: { description: "The created resource", schema: { type: "string" } } },
                content: { "application/json": { schema: ref(op.response.id) } },
              },
            }
          : {
              "200": {
                description: "OK",
                headers: { ETag: { description: "Send it back as If-None-Match", schema: { type: "string" } } },
                content: { "application/json": { schema: ref(op.response.id) } },
              },
              "304": { description: "Not Modified: the If-None-Match tag is the current one" },
            }),
        ...Object.fromEntries(op.problems.map((kind) => [String(PROBLEMS[kind].status), problemResponse(kind)])),
      },
    };
  }
  built = {
    openapi: "3.1.0",
    info: {
      title: "Flowdown API",
      version: "1.0.0",
      description: `Read an organisation's agreements, its suppliers' results and assessments; send questionnaires. Authenticate with an organisation API token (created by a team administrator on /account/team/api-tokens): \`Authorization: Bearer <token>\`. A token sees what its organisation sees. At most ${API_RATE_LIMIT.max} requests a minute per token (429 with Retry-After beyond). Errors are application/problem+json (RFC 9457).`,
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
