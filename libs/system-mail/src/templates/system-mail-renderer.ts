import { Injectable } from '@nestjs/common';
import { Liquid, Template } from 'liquidjs';
import { SYSTEM_MAIL_TEMPLATES, SystemMailTemplate } from './system-mail-templates';

export interface RenderedSystemMail {
  subject: string;
  text: string;
}

/**
 * Renders the hub's own templates (SYSTEM_MAIL_TEMPLATES). They are ours and
 * small, so rendering runs on the event loop with no budget, unlike an
 * account's templates (libs/messaging's BoundedLiquid). Variables are values,
 * never parsed as Liquid. A missing variable or an unknown template throws.
 */
@Injectable()
export class SystemMailRenderer {
  private readonly liquid = new Liquid({ strictVariables: true, strictFilters: true, ownPropertyOnly: true });
  private readonly parsed = new Map<SystemMailTemplate, { subject: Template[]; text: Template[] }>();

  render(template: SystemMailTemplate, variables: Record<string, string | number>): RenderedSystemMail {
    const source = SYSTEM_MAIL_TEMPLATES[template];
    if (!source) throw new Error(`Unknown system mail template "${String(template)}"`);
    let parsed = this.parsed.get(template);
    if (!parsed) {
      parsed = { subject: this.liquid.parse(source.subject), text: this.liquid.parse(source.text) };
      this.parsed.set(template, parsed);
    }
    return {
      subject: String(this.liquid.renderSync(parsed.subject, variables)).replace(/[\r\n]+/g, ' ').trim(),
      text: String(this.liquid.renderSync(parsed.text, variables)),
    };
  }
}
