import { Body, Controller, Delete, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { CreatedWhatsableWebhookDto, CreateWhatsableWebhookDto, DeletedWhatsableWebhookDto, DeleteWhatsableWebhookQuery, WhatsableWebhookDto } from './dto/whatsable.dto';
import { WhatsableService } from './whatsable.service';

/** Drop-in for WhatsAble's webhook API (SPEC §4), so integrations written for it work unchanged. API key or JWT. */
@ApiTags('webhooks (WhatsAble-compatible)')
@ApiBearerAuth()
@Controller('api/webhooks')
export class WhatsableController {
  constructor(private readonly webhooks: WhatsableService) {}

  @Get('get')
  @ApiOperation({ summary: 'List webhooks, newest first' })
  @ApiOkResponse({ type: [WhatsableWebhookDto] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<WhatsableWebhookDto[]> {
    return this.webhooks.list(accountId);
  }

  @Post('create')
  @ApiOperation({ summary: 'Create a webhook for every event (no verification send; private addresses refused; 409 past the endpoint quotas)' })
  @ApiCreatedResponse({ type: CreatedWhatsableWebhookDto })
  @ApiErrors(400, 401, 409)
  async create(@AccountId() accountId: string, @Body() dto: CreateWhatsableWebhookDto): Promise<CreatedWhatsableWebhookDto> {
    return { data: await this.webhooks.create(accountId, dto.webhook) };
  }

  @Delete('delete')
  @ApiOperation({ summary: "Delete a webhook (403 for another account's webhook)" })
  @ApiOkResponse({ type: DeletedWhatsableWebhookDto })
  @ApiErrors(400, 401, 403, 404)
  async remove(@AccountId() accountId: string, @Query() query: DeleteWhatsableWebhookQuery): Promise<DeletedWhatsableWebhookDto> {
    await this.webhooks.remove(accountId, query.id);
    return { success: true };
  }
}
