import { z } from "zod";
import { API_RATE_LIMIT } from "./auth.server";
import { PROBLEMS, type ProblemKind } from "./http.server";
import { AgreementIdParams, AgreementList, AgreementSuppliers, apiSchemas, ListAgreementsQuery } from "./schemas";

/**
 * The OpenAPI 3.1 document, made from the zod schemas that validate the
 * requests (query and path parameters) and the answers (components). The
 * reference page (/api/v1/docs) renders the same document.
 */
export interface ApiOperation {
  id: string;
  method: "get";
  path: string;
  summary: string;
  description: string;
  query?: z.ZodObject;
  pathParams?: z.ZodObject;
  /** the component the 200 answer holds */
  response: { schema: z.ZodType; id: string };
  problems: ProblemKind[];
}

const READ_PROBLEMS: ProblemKind[] = ["unauthorized", "too-many-requests"];

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
      responses: {
        "200": {
          description: "OK",
          headers: { ETag: { description: "Send it back as If-None-Match", schema: { type: "string" } } },
          content: { "application/json": { schema: ref(op.response.id) } },
        },
        "304": { description: "Not Modified: the If-None-Match tag is the current one" },
        ...Object.fromEntries(op.problems.map((kind) => [String(PROBLEMS[kind].status), problemResponse(kind)])),
      },
    };
  }
  built = {
    openapi: "3.1.0",
    info: {
      title: "Flowdown API",
      version: "1.0.0",
      description: `Read an organisation's agreements and its suppliers' results. Authenticate with an organisation API token (created by a team administrator on /account/team/api-tokens): \`Authorization: Bearer <token>\`. A token sees what its organisation sees. At most ${API_RATE_LIMIT.max} requests a minute per token (429 with Retry-After beyond). Errors are application/problem+json (RFC 9457).`,
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
