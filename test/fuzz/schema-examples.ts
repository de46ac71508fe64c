import { bodyVariants, Schema } from './openapi-operations';

/**
 * A plausible value for a schema, from the examples the document carries
 * (every DTO property has one), else from its type. `full` includes the
 * optional properties that have an example; otherwise only required ones.
 */
export function exampleOf(schema: Schema | undefined, full = true): unknown {
  if (!schema) return undefined;
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (Array.isArray(schema.oneOf)) return exampleOf(schema.oneOf[0], full);
  if (Array.isArray(schema.allOf)) return exampleOf(bodyVariants(schema)[0], full);
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.default !== undefined) return structuredClone(schema.default);
  switch (schema.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = new Set<string>(schema.required ?? []);
      for (const [name, prop] of Object.entries<Schema>(schema.properties ?? {})) {
        if (!required.has(name) && !(full && hasExample(prop))) continue;
        const value = exampleOf(prop, full);
        if (value !== undefined) out[name] = value;
      }
      return out;
    }
    case 'array':
      return schema.minItems ? [exampleOf(schema.items, full)] : [];
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'x'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'number':
    case 'integer':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return undefined;
  }
}

function hasExample(schema: Schema): boolean {
  return schema.example !== undefined || (Array.isArray(schema.allOf) && schema.allOf.some(hasExample)) || (schema.properties !== undefined && Object.values<Schema>(schema.properties).some(hasExample));
}

/** The object properties of a body schema (all variants merged), with the names that are required in every variant. */
export function propertiesOf(schema: Schema | undefined): { properties: Record<string, Schema>; required: string[] } {
  const variants = bodyVariants(schema).filter((s) => s.type === 'object' || s.properties);
  const properties: Record<string, Schema> = {};
  for (const variant of variants) Object.assign(properties, variant.properties ?? {});
  const required = variants.length ? (variants[0].required ?? []).filter((name: string) => variants.every((v) => (v.required ?? []).includes(name))) : [];
  return { properties, required };
}
