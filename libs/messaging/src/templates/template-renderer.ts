import { Injectable } from '@nestjs/common';
import { BoundedLiquid, TemplateBudget } from './bounded-liquid';

export { TemplateError } from './bounded-liquid';

/** An HTML body: sent as HTML, and variables are HTML-escaped into it. */
export function looksLikeHtml(text: string): boolean {
  return /<[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}

/** Renders message templates with the caller's variables (send API, workflow send steps), within TEMPLATE_LIMITS. */
@Injectable()
export class TemplateRenderer {
  private readonly plain = new BoundedLiquid();
  private readonly html = new BoundedLiquid({ escapeHtml: true });

  /** Variables are HTML-escaped when the template itself is HTML. Pass one budget for the templates of one message. */
  render(template: string, variables: Record<string, unknown>, budget?: TemplateBudget): Promise<string> {
    return (looksLikeHtml(template) ? this.html : this.plain).render(template, variables, budget);
  }
}
