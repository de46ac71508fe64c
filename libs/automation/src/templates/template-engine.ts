import { Injectable } from '@nestjs/common';
import { BoundedLiquid, TemplateBudget } from '@hub/messaging';

export type TemplateVariables = Record<string, unknown>;

/**
 * Liquid templates for step fields (`{{ first_name }}`, `{{ plan | default: "free" }}`),
 * with messaging's bounded engine: the same safety settings and TEMPLATE_LIMITS
 * (time, memory, output) as the Send API, so one step cannot stall the
 * worker. Unknown filters are a syntax error, caught when the workflow is
 * saved. Output is not escaped: send steps render with messaging's
 * TemplateRenderer instead, which escapes variables into HTML email bodies.
 */
@Injectable()
export class TemplateEngine {
  private readonly liquid = new BoundedLiquid();

  /** The syntax problem of a template in words, or null when it parses. */
  problem(source: string): string | null {
    return this.liquid.problem(source);
  }

  /** Pass one budget for every template of one step. */
  render(source: string, variables: TemplateVariables, budget?: TemplateBudget): Promise<string> {
    return this.liquid.render(source, variables, budget);
  }

  /** Renders every string inside a JSON value (object values, array items) within one budget; other values are kept. */
  async renderDeep(value: unknown, variables: TemplateVariables, budget: TemplateBudget = new TemplateBudget()): Promise<unknown> {
    if (typeof value === 'string') return this.render(value, variables, budget);
    if (Array.isArray(value)) return Promise.all(value.map((item) => this.renderDeep(item, variables, budget)));
    if (value !== null && typeof value === 'object') {
      const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await this.renderDeep(item, variables, budget)] as const));
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
