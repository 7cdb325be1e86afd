import { expect } from "vitest";

/**
 * Checks API responses against the OpenAPI document the API serves: the
 * status must be one the operation declares, the content type its content's,
 * and the body must satisfy the declared JSON Schema. The validator knows
 * the JSON Schema keywords z.toJSONSchema writes (type, properties,
 * required, additionalProperties, items, enum, const, anyOf, oneOf, allOf,
 * pattern, minimum, maximum, minLength, maxLength, $ref); any other keyword
 * fails loudly, so a schema this cannot check is never passed unchecked.
 */
type Schema = Record<string, unknown>;
export type OpenApiDocument = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content?: Record<string, { schema: Schema }>; headers?: Record<string, unknown> }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
};

const KNOWN = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "enum",
  "const",
  "anyOf",
  "oneOf",
  "allOf",
  "pattern",
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "$ref",
  "propertyNames",
  "description",
  "format",
  "default",
  "title",
]);

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  return typeof value;
}

/** The problems of `value` against `schema`, one line each ("" = valid). */
export function schemaErrors(doc: OpenApiDocument, schema: Schema, value: unknown, at = "$"): string[] {
  const errors: string[] = [];
  for (const key of Object.keys(schema))
    if (!KNOWN.has(key)) throw new Error(`The test validator does not know the keyword ${key} (at ${at})`);
  if (typeof schema.$ref === "string") {
    const id = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[id];
    if (!target) return [`${at}: unresolved $ref ${schema.$ref}`];
    errors.push(...schemaErrors(doc, target, value, at));
  }
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    const actual = typeOf(value);
    if (!types.some((t) => t === actual || (t === "number" && actual === "integer")))
      return [...errors, `${at}: ${actual}, not ${types.join("|")}`];
  }
  if (schema.enum && !(schema.enum as unknown[]).includes(value)) errors.push(`${at}: ${String(value)} not in enum`);
  if ("const" in schema && schema.const !== value) errors.push(`${at}: not the constant ${String(schema.const)}`);
  if (typeof value === "string") {
    if (typeof schema.pattern === "string" && !new RegExp(schema.pattern, "u").test(value))
      errors.push(`${at}: "${value}" does not match ${schema.pattern}`);
    if (typeof schema.minLength === "number" && value.length < schema.minLength) errors.push(`${at}: too short`);
    if (typeof schema.maxLength === "number" && value.length > schema.maxLength) errors.push(`${at}: too long`);
  }
  if (typeof value === "number") {
    if (typeof schema.minimum === "number" && value < schema.minimum) errors.push(`${at}: below ${schema.minimum}`);
    if (typeof schema.maximum === "number" && value > schema.maximum) errors.push(`${at}: above ${schema.maximum}`);
  }
  if (Array.isArray(value) && schema.items)
    value.forEach((item, i) => errors.push(...schemaErrors(doc, schema.items as Schema, item, `${at}[${i}]`)));
  if (typeOf(value) === "object") {
    const object = value as Record<string, unknown>;
    const properties = (schema.properties ?? {}) as Record<string, Schema>;
    for (const name of (schema.required ?? []) as string[])
      if (!(name in object)) errors.push(`${at}: missing ${name}`);
    for (const [name, v] of Object.entries(object)) {
      if (properties[name]) errors.push(...schemaErrors(doc, properties[name], v, `${at}.${name}`));
      else if (schema.additionalProperties === false) errors.push(`${at}: unexpected property ${name}`);
      else if (typeof schema.additionalProperties === "object")
        errors.push(...schemaErrors(doc, schema.additionalProperties as Schema, v, `${at}.${name}`));
      if (schema.propertyNames)
        errors.push(...schemaErrors(doc, schema.propertyNames as Schema, name, `${at}{${name}}`));
    }
  }
  if (schema.allOf) for (const s of schema.allOf as Schema[]) errors.push(...schemaErrors(doc, s, value, at));
  if (schema.anyOf && !(schema.anyOf as Schema[]).some((s) => schemaErrors(doc, s, value, at).length === 0))
    errors.push(`${at}: matches none of anyOf`);
  if (
    schema.oneOf &&
    (schema.oneOf as Schema[]).filter((s) => schemaErrors(doc, s, value, at).length === 0).length !== 1
  )
    errors.push(`${at}: does not match exactly one of oneOf`);
  return errors;
}

/**
 * Asserts that `response` is what the document says `method path` answers,
 * and returns its parsed body (null for a 304; the bytes of a download).
 */
export async function expectDocumented(
  doc: OpenApiDocument,
  method: string,
  pathTemplate: string,
  response: Response,
): Promise<unknown> {
  const operation = doc.paths[pathTemplate]?.[method.toLowerCase()];
  expect(operation, `${method} ${pathTemplate} is in the document`).toBeTruthy();
  const declared = operation!.responses[String(response.status)];
  expect(declared, `${method} ${pathTemplate} declares ${response.status}`).toBeTruthy();
  if (!declared!.content) {
    expect(await response.text()).toBe("");
    return null;
  }
  const type = (response.headers.get("Content-Type") ?? "").split(";")[0].trim();
  const content = declared!.content[type];
  expect(content, `${response.status} of ${method} ${pathTemplate} declares ${type}`).toBeTruthy();
  for (const header of Object.keys(declared!.headers ?? {}))
    expect(response.headers.get(header), `${response.status} carries ${header}`).not.toBeNull();
  // a download (a binary string schema): its bytes, as they came
  if (!/json$/.test(type)) {
    expect(content!.schema).toMatchObject({ type: "string", contentMediaType: type });
    return new Uint8Array(await response.arrayBuffer());
  }
  const body = (await response.json()) as unknown;
  expect(schemaErrors(doc, content!.schema, body)).toEqual([]);
  for (const header of Object.keys(declared!.headers ?? {}))
    expect(response.headers.get(header), `${response.status} carries ${header}`).not.toBeNull();
  return body;
}
