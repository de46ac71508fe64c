import { BadRequestException, Body, Controller, Get, Headers, HttpCode, Post, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { annotateActiveSpan } from '@hub/tracing';
import { catalogWithBodies } from './catalog-bodies';
import { EventTypeDto, EventTypesQueryDto, PublishedEventDto, PublishEventDto } from './dto/publish-event.dto';
import { EventsService } from './events.service';

@ApiTags('events')
@ApiBearerAuth()
@Controller('api')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @Post('events')
  @HttpCode(202)
  @ApiOperation({ summary: 'Publish an event to the account’s endpoints (stored before 202)' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Same key within 24 h answers the same event id without a second event' })
  @ApiAcceptedResponse({ type: PublishedEventDto })
  @ApiErrors(400, 401, 404)
  async publish(
    @AccountId() accountId: string,
    @Body() dto: PublishEventDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublishedEventDto> {
    if (idempotencyKey !== undefined && (idempotencyKey.length === 0 || idempotencyKey.length > 200)) {
      throw new BadRequestException({ message: 'Idempotency-Key must be 1–200 characters', details: [{ field: 'Idempotency-Key', message: 'must be 1–200 characters' }] });
    }
    const result = await this.events.publishFromApi(accountId, dto, idempotencyKey);
    // The request's span names the event it stored (tracing on): the way from a trace to the row.
    annotateActiveSpan({ 'webhook_hub.event.id': result.id });
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return { id: result.id };
  }

  @Get('event-types')
  @ApiOperation({ summary: 'The event catalog: every type with its JSON Schema, an example, and the body a receiver gets for it in a payload format' })
  @ApiOkResponse({ type: [EventTypeDto] })
  @ApiErrors(400, 401)
  eventTypes(@Query() query: EventTypesQueryDto): EventTypeDto[] {
    return catalogWithBodies(query.format ?? 'standard');
  }
}
