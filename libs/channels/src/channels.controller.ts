import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiCreatedResponse, ApiExtraModels, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { parseChannelPatch, parseCreateChannel } from './channel-input';
import { ChannelsService } from './channels.service';
import { CHANNEL_MODELS, CHANNEL_RESPONSE_SCHEMA, CREATE_CHANNEL_SCHEMA, UPDATE_CHANNEL_SCHEMA } from './dto/channel-schemas';
import { ChannelResponse } from './dto/channel.response';
import { ListChannelsQuery } from './dto/list-channels.query';

const ANSWER = 'The channel; secrets appear only as has_* flags';
const ID_PARAM = { name: 'id', example: '5b0f7d2c-3a41-4c8e-9d55-0c7f6a1e2b90' };

@ApiTags('channels')
@ApiBearerAuth()
@ApiExtraModels(...CHANNEL_MODELS)
@Controller('api/channels')
export class ChannelsController {
  constructor(private readonly channels: ChannelsService) {}

  // Bodies are `unknown` here: their shape depends on `type`, validated in channel-input.ts.
  @Post()
  @ApiOperation({ summary: 'Create a channel (email, whatsapp or sms); secrets are write-only' })
  @ApiBody({ schema: CREATE_CHANNEL_SCHEMA })
  @ApiCreatedResponse({ description: ANSWER, schema: CHANNEL_RESPONSE_SCHEMA })
  @ApiErrors(400, 401)
  async create(@AccountId() accountId: string, @Body() body: unknown): Promise<ChannelResponse> {
    return this.channels.create(accountId, await parseCreateChannel(body));
  }

  @Get()
  @ApiOperation({ summary: 'List channels, newest first' })
  @ApiOkResponse({ description: 'Channels of the account; secrets appear only as has_* flags', schema: { type: 'array', items: CHANNEL_RESPONSE_SCHEMA } })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: ListChannelsQuery): Promise<ChannelResponse[]> {
    return this.channels.list(accountId, query.type);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a channel' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ description: ANSWER, schema: CHANNEL_RESPONSE_SCHEMA })
  @ApiErrors(401, 404)
  async get(@AccountId() accountId: string, @Param('id') id: string): Promise<ChannelResponse> {
    return this.channels.toDto(await this.channels.get(accountId, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a channel: omit a field to keep it, null clears it; type cannot change' })
  @ApiParam(ID_PARAM)
  @ApiBody({ schema: UPDATE_CHANNEL_SCHEMA })
  @ApiOkResponse({ description: ANSWER, schema: CHANNEL_RESPONSE_SCHEMA })
  @ApiErrors(400, 401, 404)
  async update(@AccountId() accountId: string, @Param('id') id: string, @Body() body: unknown): Promise<ChannelResponse> {
    const current = await this.channels.get(accountId, id);
    return this.channels.update(accountId, id, await parseChannelPatch(current.type, body));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a channel' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.channels.remove(accountId, id);
  }
}
