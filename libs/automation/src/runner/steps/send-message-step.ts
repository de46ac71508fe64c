import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactQueries } from '@hub/contacts';
import { MessageQueue, TemplateBudget, TemplateRenderer, UnsubscribeLinks } from '@hub/messaging';
import { SEND_STEP_CHANNEL, SendStep } from '../../steps/workflow-step';
import { StepContext, StepFailure, StepResult } from '../step-result';

/**
 * send_email / send_whatsapp / send_sms: renders the templates the way the
 * Send API does (messaging's renderer: variables HTML-escaped into HTML
 * bodies) and queues the message through messaging in the runner's
 * transaction; the messaging worker sends it and publishes message.sent /
 * message.failed (a suppressed recipient gets a failed message, never a send).
 * A contact without an address for the channel skips the step; the run goes on.
 */
@Injectable()
export class SendMessageStep {
  constructor(
    private readonly templates: TemplateRenderer,
    private readonly contacts: ContactQueries,
    private readonly messages: MessageQueue,
    private readonly links: UnsubscribeLinks,
  ) {}

  async execute(tx: EntityManager, { run, step }: StepContext<SendStep>): Promise<StepResult> {
    const contact = await this.contacts.get(run.account_id, run.contact_id, tx);
    const channel = SEND_STEP_CHANNEL[step.type];
    const to = channel === 'email' ? contact.email : contact.phone;
    if (!to) return { kind: 'skipped', output: { reason: `The contact has no ${channel === 'email' ? 'email address' : 'phone number'}` } };

    const variables = channel === 'email' ? { ...run.variables, link_unsubscribe: this.links.linkFor(run.account_id, contact.id) } : run.variables;
    let subject: string | undefined;
    let body: string;
    try {
      const budget = new TemplateBudget();
      subject = step.type === 'send_email' ? (await this.templates.render(step.subject, variables, budget)).replace(/[\r\n]+/g, ' ').trim() : undefined;
      body = await this.templates.render(step.body, variables, budget);
    } catch (error) {
      throw new StepFailure(`Template did not render: ${(error as Error).message}`);
    }
    const message = await this.messages.enqueue(tx, {
      accountId: run.account_id,
      channelId: step.channel_id,
      to,
      subject,
      body,
      contactId: contact.id,
      source: 'workflow',
      workflowRunId: run.id,
    });
    return { kind: 'completed', output: { message_id: message.id, channel_id: step.channel_id, to } };
  }
}
