// Validates emulator traffic against Intercom's OpenAPI 3.0 description with ajv. OpenAPI 3.0
// is not JSON Schema: `nullable` becomes an anyOf with null, and `format: uri` becomes
// `uri-reference` because Intercom returns relative URLs ("/tags/81") and even "tag" there.
import { readFileSync } from "node:fs";
import Ajv, { type ErrorObject, type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import { parse } from "yaml";

const SPEC_ID = "intercom-openapi";

type Json = unknown;
type Operation = {
  requestBody?: { content?: Record<string, { schema?: Json }> };
  responses?: Record<string, { content?: Record<string, { schema?: Json }> }>;
};

export function toJsonSchema(node: Json): Json {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== "object" || node === null) return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) out[key] = toJsonSchema(value);
  if (typeof out.$ref === "string" && out.$ref.startsWith("#/")) out.$ref = `${SPEC_ID}${out.$ref}`;
  if (out.format === "uri") out.format = "uri-reference";
  if (out.nullable === true) {
    delete out.nullable;
    return { anyOf: [{ type: "null" }, out] };
  }
  return out;
}

export interface Violation {
  where: string;
  errors: string[];
}

export class OpenApiValidator {
  private ajv: Ajv;
  private cache = new Map<string, ValidateFunction>();

  constructor(private readonly doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Json> } }) {
    this.ajv = new Ajv({ strict: false, allErrors: true, logger: false });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: SPEC_ID, components: toJsonSchema(doc.components) as object });
  }

  static fromFile(path: string): OpenApiValidator {
    return new OpenApiValidator(parse(readFileSync(path, "utf8")));
  }

  private compile(key: string, schema: Json): ValidateFunction {
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(key, fn);
    }
    return fn;
  }

  private operation(method: string, path: string): Operation | undefined {
    return this.doc.paths[path]?.[method.toLowerCase()];
  }

  hasOperation(method: string, path: string): boolean {
    return this.operation(method, path) !== undefined;
  }

  /**
   * Errors for a response body; error statuses the spec omits are checked against `error`. A
   * status the spec describes without content (POST /events → 202) must come with an empty body.
   */
  validateResponse(method: string, path: string | undefined, status: number, body: unknown): string[] | null {
    const op = path ? this.operation(method, path) : undefined;
    const response = op?.responses?.[String(status)] ?? op?.responses?.default;
    if (response && !response.content && status < 400) return body === undefined ? null : [`${method} ${path} ${status} has no body in the spec`];
    let schema = response?.content?.["application/json"]?.schema;
    if (!schema && status >= 400) schema = { $ref: "#/components/schemas/error" };
    if (!schema) return [`no response schema in the spec for ${method} ${path ?? "?"} ${status}`];
    return this.run(`res ${method} ${path} ${status}`, schema, body);
  }

  validateRequest(method: string, path: string, body: unknown): string[] | null {
    const schema = this.operation(method, path)?.requestBody?.content?.["application/json"]?.schema;
    if (!schema) return body === undefined ? null : [`no request schema in the spec for ${method} ${path}`];
    return this.run(`req ${method} ${path}`, schema, body);
  }

  /** Validates a value against a named component schema (used by self-tests). */
  validateComponent(name: string, value: unknown): string[] | null {
    return this.run(`component ${name}`, { $ref: `#/components/schemas/${name}` }, value);
  }

  private run(key: string, schema: Json, value: unknown): string[] | null {
    const fn = this.compile(key, schema);
    return fn(value) ? null : (fn.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
  }
}
