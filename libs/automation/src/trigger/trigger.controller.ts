import { Body, Controller, Headers, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { InboundRoute } from '@hub/inbound-log';
import { TriggerResponseDto } from './dto/trigger-response.dto';
import { TriggerService } from './trigger.service';

const BODY_EXAMPLE = { email: 'maria.gonzalez@example.com', first_name: 'María', last_name: 'González', plan: 'pro', utm_source: 'landing' };

@ApiTags('automation')
@Controller('api/automation/webhook')
export class TriggerController {
  constructor(private readonly triggers: TriggerService) {}

  @Post(':webhookId')
  @HttpCode(200)
  @InboundRoute('automation')
  @ApiOperation({
    summary: 'Trigger webhook: create or update a contact and enrol it into every active workflow bound to this id',
    description:
      'Public (the webhook id is the credential). `email`, `phone` or `whatsapp` identifies the contact (matched by email, then phone); `first_name`, `last_name`; every other key is a custom field and a template variable `{{ key }}`. The request (and its inbound log row) is stored before the answer; the worker then upserts the contact and enrols it, normally within milliseconds.',
  })
  @ApiParam({ name: 'webhookId', example: 'Vq0v1rZbqSg5o9r3lX9Q8m2mF7bJx4kA1cW6yT0uH3E' })
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      additionalProperties: true,
      properties: {
        email: { type: 'string', format: 'email' },
        phone: { type: 'string', description: 'International format, e.g. +34612345678' },
        whatsapp: { type: 'string', description: 'Used as the phone when phone is absent' },
        first_name: { type: 'string' },
        last_name: { type: 'string' },
      },
      example: BODY_EXAMPLE,
    },
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'The same key for the same webhook id within 24 h answers the first answer again without enrolling twice' })
  @ApiOkResponse({ type: TriggerResponseDto, description: 'Processed (header `idempotent-replayed: true` on a repeat)' })
  @ApiErrors(400, 404, 413, 415, 422, 503)
  async trigger(
    @Param('webhookId') webhookId: string,
    @Body() body: Record<string, unknown>,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TriggerResponseDto> {
    const outcome = await this.triggers.trigger(request, webhookId, body, idempotencyKey);
    if (outcome.replayed) void reply.header('idempotent-replayed', 'true');
    return outcome.response;
  }
}
