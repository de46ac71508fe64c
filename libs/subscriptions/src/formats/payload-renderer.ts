import { Injectable } from '@nestjs/common';
import { FormatEvent, PayloadFormat, renderPayload, RenderedBody } from '@hub/payload-formats';
import { standardEnvelope } from '../delivery/event-envelope';
import { FormatContexts } from './format-contexts';

/** The body an endpoint gets for an event, in its payload format (with what that format needs loaded). */
@Injectable()
export class PayloadRenderer {
  constructor(private readonly contexts: FormatContexts) {}

  async render(format: PayloadFormat, event: FormatEvent): Promise<RenderedBody> {
    // The hot path: the standard envelope needs nothing loaded.
    if (format === 'standard') return { format, body: standardEnvelope(event) };
    return renderPayload(format, event, await this.contexts.load(format, event));
  }
}
