import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { InboundLogDetailDto, InboundLogPageDto, InboundLogQueryDto, ReplayResultDto } from './dto/inbound-log.dto';
import { InboundLogQueryService, toDetail } from './log/inbound-log-query.service';
import { InboundReplayer } from './replay/inbound-replayer';

@ApiTags('inbound-logs')
@ApiBearerAuth()
@Controller('api/inbound-logs')
export class InboundLogController {
  constructor(
    private readonly query: InboundLogQueryService,
    private readonly replayer: InboundReplayer,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Inbound requests, newest first (filter by source, outcome, time)' })
  @ApiOkResponse({ type: InboundLogPageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: InboundLogQueryDto): Promise<InboundLogPageDto> {
    return this.query.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inbound request with its headers (secrets redacted) and raw body' })
  @ApiOkResponse({ type: InboundLogDetailDto })
  @ApiErrors(401, 404)
  async get(@AccountId() accountId: string, @Param('id') id: string): Promise<InboundLogDetailDto> {
    return toDetail(await this.query.get(accountId, id));
  }

  @Post(':id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send the stored request through its route again (verified and deduplicated as the first time)' })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiErrors(401, 404)
  replay(@AccountId() accountId: string, @Param('id') id: string): Promise<ReplayResultDto> {
    return this.replayer.replay(accountId, id);
  }
}
