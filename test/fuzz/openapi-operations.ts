import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The committed `openapi.json`, read as the list of documented operations the
 * generated suites (fuzz, tenant isolation, secrets) walk. A route added to the
 * API and to the document is covered by them with no test code of its own.
 */
export type Schema = Record<string, any>;

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** As documented, e.g. `/api/endpoints/{id}/secret`. */
  path: string;
  /** `METHOD path`, the name failures and the allow-list use. */
  name: string;
  pathParams: Parameter[];
  queryParams: Parameter[];
  headerParams: Parameter[];
  /** Admin routes take a bearer token (JWT or API key); the others are public. */
  authenticated: boolean;
  /** The JSON body schema with every `$ref` resolved, when the operation documents one. */
  bodySchema?: Schema;
  bodyContentTypes: string[];
  successStatuses: number[];
  /** Content types documented per status (a route may answer its errors as HTML, like the unsubscribe page). */
  responseContentTypes: Record<number, string[]>;
}

const document = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as {
  paths: Record<string, Record<string, any>>;
  components: { schemas: Record<string, Schema> };
};

/** Inlines `$ref`s (the document has no recursive schemas). */
export function resolveSchema(schema: Schema | undefined, depth = 0): Schema | undefined {
  if (!schema || typeof schema !== 'object') return schema;
  if (depth > 20) throw new Error('openapi.json: schema nested deeper than 20 levels');
  if (typeof schema.$ref === 'string') {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) throw new Error(`openapi.json: unknown schema ${schema.$ref}`);
    return resolveSchema(target, depth + 1);
  }
  if (Array.isArray(schema)) return schema.map((s) => resolveSchema(s, depth + 1));
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    out[key] = key === 'example' || key === 'examples' || key === 'enum' || key === 'default' ? value : typeof value === 'object' && value !== null ? resolveSchema(value, depth + 1) : value;
  }
  return out;
}

export function loadOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params: Parameter[] = (op.parameters ?? []).map((p: any) => ({ name: p.name, in: p.in, required: Boolean(p.required), schema: resolveSchema(p.schema) ?? {} }));
      const content = op.requestBody?.content ?? {};
      operations.push({
        method: method.toUpperCase(),
        path,
        name: `${method.toUpperCase()} ${path}`,
        pathParams: params.filter((p) => p.in === 'path'),
        queryParams: params.filter((p) => p.in === 'query'),
        headerParams: params.filter((p) => p.in === 'header'),
        authenticated: Array.isArray(op.security) && op.security.length > 0,
        bodySchema: resolveSchema(content['application/json']?.schema),
        bodyContentTypes: Object.keys(content),
        successStatuses: Object.keys(op.responses ?? {})
          .map(Number)
          .filter((s) => s >= 200 && s < 300),
        responseContentTypes: Object.fromEntries(Object.entries<any>(op.responses ?? {}).map(([status, r]) => [Number(status), Object.keys(r.content ?? {})])),
      });
    }
  }
  return operations;
}

/** The object schemas a body may take: the variants of a `oneOf`, the merge of an `allOf`, or the schema itself. */
export function bodyVariants(schema: Schema | undefined): Schema[] {
  if (!schema) return [];
  if (Array.isArray(schema.oneOf)) return schema.oneOf.flatMap((s: Schema) => bodyVariants(s));
  if (Array.isArray(schema.allOf)) {
    const merged: Schema = { type: 'object', properties: {}, required: [] };
    for (const part of schema.allOf.flatMap((s: Schema) => bodyVariants(s))) {
      Object.assign(merged.properties, part.properties ?? {});
      merged.required.push(...(part.required ?? []));
    }
    return [{ ...schema, ...merged, allOf: undefined }];
  }
  return [schema];
}

/** `/api/endpoints/{id}` → `/api/endpoints/${value}`, each value percent-encoded unless `raw`. */
export function fillPath(path: string, values: Record<string, string>, raw = false): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`no value for path parameter ${name} of ${path}`);
    return raw ? value : encodeURIComponent(value);
  });
}
