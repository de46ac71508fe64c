import { Injectable } from '@nestjs/common';
import { SecretBox } from '@hub/database';
import { redactHeaders } from '@hub/http';
import { TemplateBudget } from '@hub/messaging';
import { OutboundRequestBuilder, WebhookSender } from '@hub/subscriptions';
import { runEventData } from '../../runs/run-events';
import { HttpRequestStep } from '../../steps/workflow-step';
import { TemplateEngine } from '../../templates/template-engine';
import { StepContext, StepResult } from '../step-result';

/** Kept of a receiver's answer, and of the request body, in the step state (the sender reads at most 64 KiB). */
const STORED_RESPONSE_CHARS = 4096;
const STORED_REQUEST_BODY_CHARS = 4096;

/**
 * A signed POST of the rendered body: Standard Webhooks headers with the
 * workflow's secret and an event id fixed when the step first started (so
 * every retry carries the same webhook-id), sent through the delivery engine's
 * SSRF-safe sender (no redirects, 64 KiB answer cap, timeout).
 * Runs outside any transaction; the runner records the result.
 */
@Injectable()
export class HttpRequestStepRunner {
  constructor(
    private readonly templates: TemplateEngine,
    private readonly builder: OutboundRequestBuilder,
    private readonly sender: WebhookSender,
    private readonly box: SecretBox,
  ) {}

  async execute(ctx: StepContext<HttpRequestStep>): Promise<StepResult> {
    const { run, workflow, step } = ctx;
    const eventId = String(ctx.started.event_id);
    let body: string;
    const headers: Record<string, string> = {};
    try {
      // Body and headers share one set of template limits: the step is the job.
      const budget = new TemplateBudget();
      body = await this.body(ctx, budget);
      for (const [name, value] of Object.entries(step.headers ?? {})) headers[name] = await this.templates.render(value, run.variables, budget);
    } catch (error) {
      return { kind: 'failed', error: `Template did not render: ${(error as Error).message.split('\n')[0]}`, output: { event_id: eventId } };
    }
    const bad = Object.entries(headers).find(([, value]) => /[\r\n\0]/.test(value));
    if (bad) return { kind: 'failed', error: `Header ${bad[0]} rendered with a line break`, output: { event_id: eventId } };

    const outbound = this.builder.build({ url: step.url, eventId, body, secrets: [this.box.decrypt(workflow.secret_encrypted)], headers, format: 'custom' });
    const result = await this.sender.send(outbound);
    // The request as sent (signed headers included), so the admin sees what the receiver answered to; credential-named
    // headers the step sets (an API token for the receiver) are redacted, as in every log the account can read.
    const output = {
      event_id: eventId,
      url: step.url,
      request: { method: 'POST', url: outbound.url, headers: redactHeaders(outbound.headers), body: outbound.body.slice(0, STORED_REQUEST_BODY_CHARS) },
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      response_body: result.responseBody === null ? null : result.responseBody.slice(0, STORED_RESPONSE_CHARS),
    };
    if (result.ok) return { kind: 'completed', output };
    return { kind: 'retry', error: result.error ?? `HTTP ${result.statusCode}`, output };
  }

  private async body({ run, workflow, step }: StepContext<HttpRequestStep>, budget: TemplateBudget): Promise<string> {
    if (step.body === undefined) return JSON.stringify(runEventData(run, workflow.name));
    if (typeof step.body === 'string') return this.templates.render(step.body, run.variables, budget);
    return JSON.stringify(await this.templates.renderDeep(step.body, run.variables, budget));
  }
}
