import { openApiDocument } from "#app/features/api/openapi.server";

/** The API's OpenAPI 3.1 document: public, like the reference page that renders it. */
export function loader() {
  return new Response(JSON.stringify(openApiDocument(), null, 2), {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
  });
}
