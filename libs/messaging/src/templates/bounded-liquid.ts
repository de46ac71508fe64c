import { Context, Emitter, Liquid, toPromise, toValue } from 'liquidjs';

/**
 * Bounds of every Liquid render (Send API, workflow steps). Rendering runs on
 * the event loop, so its time is time every other request of the process
 * waits: the bounds are liquidjs's own limits plus an output cap that
 * liquidjs does not have.
 */
export const TEMPLATE_LIMITS = {
  /** Characters of one template's source (liquidjs parseLimit). */
  sourceChars: 256 * 1024,
  /** Milliseconds of rendering per job (liquidjs renderLimit); ordinary templates take well under 1 ms. */
  renderMs: 50,
  /** What filters, ranges and loops allocate per job, in characters and array items (liquidjs memoryLimit). */
  memoryUnits: 16 * 1024 * 1024,
  /** Characters of output per job: no more than a request body may carry (1 MiB). */
  outputChars: 1024 * 1024,
} as const;

/** A template that does not parse or render (unknown filter, syntax error, limit hit); the message says which. */
export class TemplateError extends Error {}

const OUTPUT_LIMIT = 'output size limit exceeded';

/** liquidjs's words for a limit (with ", line:1, col:5" after them) → ours, naming the limit. */
const LIMIT_MESSAGES: [string, string][] = [
  ['parse length limit exceeded', `the template is longer than the limit of ${TEMPLATE_LIMITS.sourceChars} characters`],
  ['template render limit exceeded', `rendering took longer than the limit of ${TEMPLATE_LIMITS.renderMs} ms`],
  ['memory alloc limit exceeded', `rendering allocated more than the limit of ${TEMPLATE_LIMITS.memoryUnits} characters or items (loops, ranges, string filters)`],
  [OUTPUT_LIMIT, `the rendered output is larger than the limit of ${TEMPLATE_LIMITS.outputChars} characters`],
];

function templateError(error: unknown): TemplateError {
  const message = (error as Error)?.message ?? String(error);
  const limit = LIMIT_MESSAGES.find(([liquid]) => message.startsWith(liquid) || message.includes(`: ${liquid}`));
  return new TemplateError(limit ? limit[1] : message.split('\n')[0]);
}

/**
 * The limits of one rendering job (a message's subject and body, one workflow
 * step's fields): every template rendered with the same budget shares its
 * time, memory and output, so a job of many small templates is bounded as a
 * whole. Its clock starts when it is made.
 */
export class TemplateBudget {
  readonly renderLimit: Context['renderLimit'];
  readonly memoryLimit: Context['memoryLimit'];
  private outputLeft: number = TEMPLATE_LIMITS.outputChars;

  constructor() {
    // liquidjs builds its limiters inside a Context; one Context made here lends them to every render of the job.
    const limits = new Context({}, undefined, { renderLimit: TEMPLATE_LIMITS.renderMs, memoryLimit: TEMPLATE_LIMITS.memoryUnits });
    this.renderLimit = limits.renderLimit;
    this.memoryLimit = limits.memoryLimit;
  }

  spendOutput(chars: number): void {
    if (chars > this.outputLeft) throw new Error(OUTPUT_LIMIT);
    this.outputLeft -= chars;
  }
}

/** How liquidjs writes a value (its util's stringify, which it does not export). */
function stringify(input: unknown): string {
  const value = toValue(input) as unknown;
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(stringify).join('');
  return String(value);
}

/** liquidjs's SimpleEmitter, counting what is written against the budget before it is appended. */
class BoundedEmitter implements Emitter {
  buffer = '';

  constructor(private readonly budget: TemplateBudget) {}

  write(html: unknown): void {
    const text = stringify(html);
    this.budget.spendOutput(text.length);
    this.buffer += text;
  }
}

/**
 * A Liquid engine with the hub's safety settings: unknown filters are errors,
 * unknown variables render empty, only a value's own properties are read, and
 * include/render/layout find nothing (an empty in-memory template set, never
 * the file system).
 */
export class BoundedLiquid {
  private readonly liquid: Liquid;

  constructor(options: { escapeHtml?: boolean } = {}) {
    this.liquid = new Liquid({
      strictFilters: true,
      strictVariables: false,
      ownPropertyOnly: true,
      templates: {},
      relativeReference: false,
      parseLimit: TEMPLATE_LIMITS.sourceChars,
      renderLimit: TEMPLATE_LIMITS.renderMs,
      memoryLimit: TEMPLATE_LIMITS.memoryUnits,
      ...(options.escapeHtml ? { outputEscape: 'escape' as const } : {}),
    });
  }

  /** The syntax problem of a template in words, or null when it parses. */
  problem(source: string): string | null {
    try {
      this.liquid.parse(source);
      return null;
    } catch (error) {
      return templateError(error).message;
    }
  }

  /** Renders within the budget (a fresh one unless the caller shares one across the templates of a job). */
  async render(source: string, variables: Record<string, unknown>, budget: TemplateBudget = new TemplateBudget()): Promise<string> {
    try {
      const templates = this.liquid.parse(source);
      const context = new Context(variables, this.liquid.options, { sync: false }, { renderLimit: budget.renderLimit, memoryLimit: budget.memoryLimit, liquid: this.liquid });
      const emitter = new BoundedEmitter(budget);
      await toPromise(this.liquid.renderer.renderTemplates(templates, context, emitter));
      return emitter.buffer;
    } catch (error) {
      throw templateError(error);
    }
  }
}
