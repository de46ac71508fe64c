import { Body, Controller, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { DryRunQueryDto, RecoverDto, RecoveredDto, RetriedFailingDto } from './dto/delivery.dto';
import { DeliveryRequeueService } from './delivery-requeue.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/endpoints')
export class EndpointRecoveryController {
  constructor(private readonly requeue: DeliveryRequeueService) {}

  @Post(':id/recover')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Re-queue every failed delivery of the endpoint created since a time',
    description: 'With `?dry_run=true` nothing is sent: the answer says how many would be, to which URLs.',
  })
  @ApiAcceptedResponse({ type: RecoveredDto })
  @ApiErrors(400, 401, 404)
  async recover(@AccountId() accountId: string, @Param('id') id: string, @Query() query: DryRunQueryDto, @Body() body: RecoverDto): Promise<RecoveredDto> {
    const { count, ...summary } = await this.requeue.recover(accountId, id, body.since, query.dry_run === true);
    return { recovered: count, ...summary };
  }

  @Post(':id/retry-failing')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send every retrying and failed delivery of the endpoint now',
    description:
      'Retrying = pending after at least one failed attempt. With `?dry_run=true` nothing is sent: the answer says how many would be, to which URLs. ' +
      '409 when the endpoint is disabled (its deliveries would fail again without being sent).',
  })
  @ApiAcceptedResponse({ type: RetriedFailingDto })
  @ApiErrors(400, 401, 404, 409)
  async retryFailing(@AccountId() accountId: string, @Param('id') id: string, @Query() query: DryRunQueryDto): Promise<RetriedFailingDto> {
    const { count, ...summary } = await this.requeue.retryFailing(accountId, id, query.dry_run === true);
    return { retried: count, ...summary };
  }
}
