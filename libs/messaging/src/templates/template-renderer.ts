import { Injectable } from '@nestjs/common';
import { Liquid } from 'liquidjs';

/** A template that does not parse or render (unknown filter, syntax error, limit hit). */
export class TemplateError extends Error {}

/** An HTML body: sent as HTML, and variables are HTML-escaped into it. */
export function looksLikeHtml(text: string): boolean {
  return /<[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i.test(text);
}

function engine(escapeHtml: boolean): Liquid {
  return new Liquid({
    // An unknown filter is an error, not silently ignored; unknown variables render empty.
    strictFilters: true,
    strictVariables: false,
    ownPropertyOnly: true,
    // An empty in-memory template set: include/render/layout find nothing, never the file system.
    templates: {},
    relativeReference: false,
    // Bounds for hostile templates: source size, render time (ms), memory.
    parseLimit: 256 * 1024,
    renderLimit: 2_000,
    memoryLimit: 16 * 1024 * 1024,
    ...(escapeHtml ? { outputEscape: 'escape' as const } : {}),
  });
}

/** Renders Liquid templates with the caller's variables (send API, workflow steps). */
@Injectable()
export class TemplateRenderer {
  private readonly plain = engine(false);
  private readonly html = engine(true);

  /** Variables are HTML-escaped when the template itself is HTML. */
  async render(template: string, variables: Record<string, unknown>): Promise<string> {
    const liquid = looksLikeHtml(template) ? this.html : this.plain;
    try {
      return String(await liquid.parseAndRender(template, variables));
    } catch (error) {
      throw new TemplateError((error as Error).message.split('\n')[0]);
    }
  }
}
