import { Injectable } from '@nestjs/common';
import { Liquid, Template } from 'liquidjs';
import { SYSTEM_MAIL_TEMPLATES, SystemMailTemplate } from './system-mail-templates';

export interface RenderedSystemMail {
  subject: string;
  text: string;
  /** The HTML alternative, for templates that have one. */
  html: string | null;
}

interface ParsedTemplate {
  subject: Template[];
  text: Template[];
  html: Template[] | null;
}

/**
 * Renders the hub's own templates (SYSTEM_MAIL_TEMPLATES). They are ours and
 * small, so rendering runs on the event loop with no budget, unlike an
 * account's templates (libs/messaging's BoundedLiquid). Variables are values,
 * never parsed as Liquid; in HTML every value is escaped, so a name a user
 * typed stays text there too. A missing variable or an unknown template throws.
 */
@Injectable()
export class SystemMailRenderer {
  private readonly liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });
  private readonly htmlLiquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true, outputEscape: 'escape' });
  private readonly parsed = new Map<SystemMailTemplate, ParsedTemplate>();

  render(template: SystemMailTemplate, variables: Record<string, string | number>): RenderedSystemMail {
    const parsed = this.parse(template);
    return {
      subject: String(this.liquid.renderSync(parsed.subject, variables)).replace(/[\r\n]+/g, ' ').trim(),
      text: String(this.liquid.renderSync(parsed.text, variables)),
      html: parsed.html ? String(this.htmlLiquid.renderSync(parsed.html, variables)) : null,
    };
  }

  private parse(template: SystemMailTemplate): ParsedTemplate {
    const cached = this.parsed.get(template);
    if (cached) return cached;
    const source: { subject: string; text: string; html?: string } | undefined = SYSTEM_MAIL_TEMPLATES[template];
    if (!source) throw new Error(`Unknown system mail template "${String(template)}"`);
    const parsed = {
      subject: this.liquid.parse(source.subject),
      text: this.liquid.parse(source.text),
      html: source.html ? this.htmlLiquid.parse(source.html) : null,
    };
    this.parsed.set(template, parsed);
    return parsed;
  }
}
