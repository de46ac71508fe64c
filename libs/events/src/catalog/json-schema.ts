/**
 * Small builders for the draft-07 JSON Schemas of the catalog. They keep every
 * `data` schema in the same shape (object, open to new fields, `required`
 * derived from the declared properties) and valid under Ajv's strict mode.
 */
export type JsonSchema = Record<string, unknown>;

export const JSON_SCHEMA_DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** Schema of an event's `data`: every property is required unless listed in `optional`. */
export function dataSchema(
  title: string,
  properties: Record<string, JsonSchema>,
  optional: readonly string[] = [],
): JsonSchema {
  return {
    $schema: JSON_SCHEMA_DRAFT_07,
    title,
    type: 'object',
    required: Object.keys(properties).filter((name) => !optional.includes(name)),
    properties,
    additionalProperties: true,
  };
}

/** The value may also be `null` (anyOf keeps the schema valid under Ajv strict types). */
export function nullable(schema: JsonSchema, description?: string): JsonSchema {
  return {
    ...(description ? { description } : {}),
    anyOf: [schema, { type: 'null' }],
  };
}

export function id(description: string): JsonSchema {
  return { type: 'string', minLength: 1, description };
}

export function text(description: string): JsonSchema {
  return { type: 'string', description };
}

export function timestamp(description: string): JsonSchema {
  return { type: 'string', format: 'date-time', description };
}

export function oneOf(values: readonly string[], description: string): JsonSchema {
  return { type: 'string', enum: [...values], description };
}

export function freeObject(description: string): JsonSchema {
  return { type: 'object', additionalProperties: true, description };
}

export const EMAIL: JsonSchema = { type: 'string', format: 'email' };

/** Phone numbers are normalised to E.164 (`+` and up to 15 digits). */
export const PHONE: JsonSchema = { type: 'string', pattern: '^\\+[1-9][0-9]{1,14}$' };

export const CHANNEL_KINDS = ['email', 'whatsapp', 'sms'] as const;
