import { Controller, Get, Header, Headers, HttpCode, Post, Query, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { InboundRoute } from '@hub/inbound-log';
import { MetaLeadAdsService } from './meta-lead-ads.service';

const NOTIFICATION_EXAMPLE = {
  object: 'page',
  entry: [
    {
      id: '104857600123456',
      time: 1764752040,
      changes: [{ field: 'leadgen', value: { leadgen_id: '1234567890123456', page_id: '104857600123456', form_id: '987654321098765', ad_id: '23851234567890123', adgroup_id: '23851234567890124', created_time: 1764752040 } }],
    },
  ],
};

@ApiTags('lead capture')
@Controller('api/webhook/meta-lead-ads')
export class MetaLeadAdsController {
  constructor(private readonly meta: MetaLeadAdsService) {}

  @Get()
  @InboundRoute('meta')
  @Header('Content-Type', 'text/plain; charset=utf-8')
  @ApiOperation({ summary: "Meta's webhook subscription handshake: answers hub.challenge when hub.verify_token is a Meta lead source's" })
  @ApiQuery({ name: 'hub.mode', example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token', example: 'vt_9f2c4e7a1b3d5f60' })
  @ApiQuery({ name: 'hub.challenge', example: '1158201444' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The challenge, exactly', schema: { type: 'string', example: '1158201444' } })
  @ApiErrors(403)
  handshake(@Req() request: FastifyRequest, @Query() query: Record<string, unknown>): Promise<string> {
    return this.meta.handshake(request, query);
  }

  @Post()
  @HttpCode(200)
  @InboundRoute('meta')
  @ApiOperation({
    summary: 'Meta lead ads notification: verified with the app secret of the source of each page named, stored, then fetched from the Graph API in the worker',
    description: 'Public: `X-Hub-Signature-256` over the raw body is the credential. Every `leadgen` change of every entry is stored once per source (a repeated leadgen_id is not stored again); the answer comes once they are stored.',
  })
  @ApiHeader({ name: 'X-Hub-Signature-256', required: true, description: 'sha256=<hex HMAC-SHA256(app secret, raw body)>', example: 'sha256=4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c3b' })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: NOTIFICATION_EXAMPLE } })
  @ApiOkResponse({ description: 'Stored', schema: { type: 'object', properties: { received: { type: 'integer', example: 1, description: 'Leads this notification carried for the sources it verified for' } } } })
  @ApiErrors(400, 401, 413, 415, 422, 503)
  receive(@Req() request: FastifyRequest, @Headers('x-hub-signature-256') signature: string | undefined): Promise<{ received: number }> {
    return this.meta.receive(request, signature);
  }
}
