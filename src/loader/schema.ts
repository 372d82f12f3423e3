import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

/** The published schema file; the loader validates with exactly what editors see. */
export const SCHEMA_URL = new URL('../../schemas/bwsync.schema.json', import.meta.url);

export interface JsonSchemaNode {
  properties?: Record<string, JsonSchemaNode>;
  definitions?: Record<string, JsonSchemaNode>;
  enum?: unknown[];
  [keyword: string]: unknown;
}

let compiled: ValidateFunction | undefined;
let schemaDocument: JsonSchemaNode | undefined;

export function bwsyncSchema(): JsonSchemaNode {
  schemaDocument ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as JsonSchemaNode;
  return schemaDocument;
}

/** Compiled once per process: compiling costs far more than validating. */
export function schemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  // verbose: errors carry their parentSchema, which the "did you mean" hints read.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  compiled = ajv.compile(bwsyncSchema());
  return compiled;
}

export function validateSchema(data: unknown): ErrorObject[] {
  const validate = schemaValidator();
  return validate(data) ? [] : [...(validate.errors ?? [])];
}
