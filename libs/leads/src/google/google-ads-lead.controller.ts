import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { ApiErrors } from '@hub/http';
import { InboundRoute } from '@hub/inbound-log';
import { GoogleAdsLeadService } from './google-ads-lead.service';

const LEAD_EXAMPLE = {
  lead_id: 'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe',
  api_version: '1.0',
  form_id: 40000000001,
  campaign_id: 20000000002,
  adgroup_id: 30000000003,
  creative_id: 50000000004,
  gcl_id: 'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  google_key: 'gk_5e1d9c7b3a2f4e6d8c0b',
  is_test: true,
  user_column_data: [
    { column_id: 'FULL_NAME', column_name: 'Full Name', string_value: 'Ann Lee' },
    { column_id: 'EMAIL', column_name: 'User Email', string_value: 'ann@example.com' },
    { column_id: 'PHONE_NUMBER', column_name: 'User Phone', string_value: '+15555550123' },
  ],
};

@ApiTags('lead capture')
@Controller('api/webhook/google-ads-lead')
export class GoogleAdsLeadController {
  constructor(private readonly google: GoogleAdsLeadService) {}

  @Post()
  @HttpCode(200)
  @InboundRoute('google')
  @ApiOperation({
    summary: 'Google Ads lead form webhook: the google_key in the body names the source; the lead is stored, then captured in the worker',
    description: 'Ids are kept as exact digits (they pass 2^53). `is_test` leads (Google\'s "send test data") are captured and marked test. A repeated lead_id answers 200 without a second contact or event.',
  })
  @ApiBody({ schema: { type: 'object', additionalProperties: true, example: LEAD_EXAMPLE } })
  @ApiOkResponse({ description: 'Stored', schema: { type: 'object', example: {} } })
  @ApiErrors(400, 401, 413, 415, 422, 503)
  receive(@Req() request: FastifyRequest): Promise<Record<string, never>> {
    return this.google.receive(request);
  }
}
