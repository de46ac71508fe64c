import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { MessageDto, MessagePageDto, MessageQueryDto } from './dto/message.dto';
import { MessageQueries } from './message-queries.service';

@ApiTags('messages')
@ApiBearerAuth()
@Controller('api/messages')
export class MessagesController {
  constructor(private readonly queries: MessageQueries) {}

  @Get()
  @ApiOperation({ summary: 'Messages sent, queued and received, newest first (filter by channel, contact — a conversation —, direction, status, recipient)' })
  @ApiOkResponse({ type: MessagePageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: MessageQueryDto): Promise<MessagePageDto> {
    return this.queries.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One message with its current status and status history' })
  @ApiOkResponse({ type: MessageDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<MessageDto> {
    return this.queries.get(accountId, id);
  }
}
