import { BadRequestException, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ChannelType } from '@hub/channels';
import { MessageQueue } from '../messages/message-queue';
import { TemplateBudget, TemplateError } from '../templates/bounded-liquid';
import { TemplateRenderer } from '../templates/template-renderer';
import { UnsubscribeLinks } from '../unsubscribe/unsubscribe-links';
import { SendAcceptedDto, SendMessageDto } from './dto/send-message.dto';

function badField(field: string, message: string, also: string[] = []): BadRequestException {
  return new BadRequestException({ message, details: [field, ...also].map((name) => ({ field: name, message })) });
}

/** What the body and subject rules of SPEC §4 "Send API" refuse, before anything is looked up. */
function checkShape(channel: ChannelType, dto: SendMessageDto): void {
  if (dto.body === undefined && dto.template === undefined) throw badField('body', 'body or template is required', ['template']);
  if (dto.body !== undefined && dto.template !== undefined) throw badField('template', 'send body or template, not both');
  if (dto.variables !== undefined && dto.template === undefined) throw badField('variables', 'variables are only used with template');
  if (channel === 'email' && dto.subject === undefined) throw badField('subject', 'subject is required for email');
  if (channel !== 'email' && dto.subject !== undefined) throw badField('subject', `subject is only for email, not ${channel}`);
}

/** POST /api/{channel}/send: checks, renders, and queues one message. */
@Injectable()
export class SendService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: MessageQueue,
    private readonly renderer: TemplateRenderer,
    private readonly links: UnsubscribeLinks,
  ) {}

  async send(accountId: string, routeChannel: ChannelType, dto: SendMessageDto): Promise<SendAcceptedDto> {
    checkShape(routeChannel, dto);
    const channel = await this.queue.channel(accountId, dto.channel_id);
    if (channel.type !== routeChannel) {
      throw badField('channel_id', `channel_id ${channel.id} is a ${channel.type} channel; send through POST /api/${channel.type}/send`);
    }
    const { to, contact } = await this.queue.recipient(accountId, channel.type, dto.to);
    let body = dto.body ?? '';
    let subject = dto.subject ?? null;
    if (dto.template !== undefined) {
      const link = contact && channel.type === 'email' ? this.links.linkFor(accountId, contact.id) : '';
      const variables = { ...dto.variables, link_unsubscribe: link };
      // Subject and body share one set of limits (TEMPLATE_LIMITS): the message is the job.
      const budget = new TemplateBudget();
      body = await this.render('template', dto.template, variables, budget);
      if (subject !== null) subject = await this.render('subject', subject, variables, budget);
    }
    const message = await this.dataSource.transaction((tx) =>
      this.queue.enqueue(tx, { accountId, channelId: channel.id, to, subject, body, contactId: contact?.id ?? null, source: 'api' }),
    );
    return { message_id: message.id, status: message.status === 'failed' ? 'failed' : 'queued' };
  }

  private async render(field: string, template: string, variables: Record<string, unknown>, budget: TemplateBudget): Promise<string> {
    try {
      return await this.renderer.render(template, variables, budget);
    } catch (error) {
      if (error instanceof TemplateError) throw badField(field, `${field} could not be rendered: ${error.message}`);
      throw error;
    }
  }
}
