import { API_RATE_LIMIT } from "./auth.server";
import { PROBLEMS } from "./http.server";
import { openApiDocument, OPERATIONS } from "./openapi.server";

type Parameter = { name: string; in: string; required: boolean; description?: string; schema: unknown };

/** The reference page: the OpenAPI document's operations and schemas as plain data. */
export function apiReference() {
  const doc = openApiDocument() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters: Parameter[];
          requestBody?: { content: Record<string, { schema: unknown }> };
          responses: Record<string, { description: string }>;
        }
      >
    >;
    components: { schemas: Record<string, unknown> };
  };
  return {
    rateLimit: API_RATE_LIMIT.max,
    problems: Object.entries(PROBLEMS).map(([kind, p]) => ({ kind, status: p.status, title: p.title })),
    operations: OPERATIONS.map((op) => {
      const described = doc.paths[op.path][op.method];
      return {
        id: op.id,
        method: op.method.toUpperCase(),
        path: op.path,
        summary: op.summary,
        description: op.description,
        parameters: described.parameters.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.required,
          description: p.description ?? "",
          schema: JSON.stringify(p.schema),
        })),
        body: described.requestBody
          ? JSON.stringify(described.requestBody.content["application/json"].schema, null, 2)
          : null,
        responses: Object.entries(described.responses).map(([status, r]) => ({ status, description: r.description })),
      };
    }),
    schemas: Object.entries(doc.components.schemas).map(([id, schema]) => ({
      id,
      json: JSON.stringify(schema, null, 2),
    })),
  };
}
