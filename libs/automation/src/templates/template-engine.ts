import { Injectable } from '@nestjs/common';
import { Liquid } from 'liquidjs';

export type TemplateVariables = Record<string, unknown>;

/**
 * Liquid templates for step fields (`{{ first_name }}`, `{{ plan | default: "free" }}`).
 * Unknown variables render empty (strict variables off); unknown filters are a
 * syntax error, caught when the workflow is saved. No file system: `include`
 * and `render` find nothing (an empty in-memory template map), and only a
 * value's own properties are readable. Limits keep one template from eating
 * the worker. Output is not escaped: send steps render with messaging's
 * TemplateRenderer instead, which escapes variables into HTML email bodies.
 */
@Injectable()
export class TemplateEngine {
  private readonly liquid = new Liquid({
    strictVariables: false,
    strictFilters: true,
    ownPropertyOnly: true,
    templates: {},
    relativeReference: false,
    parseLimit: 1_000_000,
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
  });

  /** The syntax problem of a template in words, or null when it parses. */
  problem(source: string): string | null {
    try {
      this.liquid.parse(source);
      return null;
    } catch (error) {
      return (error as Error).message.split('\n')[0];
    }
  }

  async render(source: string, variables: TemplateVariables): Promise<string> {
    return String(await this.liquid.parseAndRender(source, variables));
  }

  /** Renders every string inside a JSON value (object values, array items); other values are kept. */
  async renderDeep(value: unknown, variables: TemplateVariables): Promise<unknown> {
    if (typeof value === 'string') return this.render(value, variables);
    if (Array.isArray(value)) return Promise.all(value.map((item) => this.renderDeep(item, variables)));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await this.renderDeep(item, variables)] as const));
      return Object.fromEntries(entries);
    }
    return value;
  }

  /** Every string inside a JSON value, with its path (for validating templates where they are). */
  static strings(value: unknown, path: string): { path: string; source: string }[] {
    if (typeof value === 'string') return [{ path, source: value }];
    if (Array.isArray(value)) return value.flatMap((item, i) => TemplateEngine.strings(item, `${path}[${i}]`));
    if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => TemplateEngine.strings(item, `${path}.${key}`));
    return [];
  }
}
