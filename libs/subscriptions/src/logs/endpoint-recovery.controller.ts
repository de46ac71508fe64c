import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { RecoverDto, RecoveredDto } from './dto/delivery.dto';
import { DeliveryRequeueService } from './delivery-requeue.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/endpoints')
export class EndpointRecoveryController {
  constructor(private readonly requeue: DeliveryRequeueService) {}

  @Post(':id/recover')
  @HttpCode(202)
  @ApiOperation({ summary: 'Re-queue every failed delivery of the endpoint created since a time' })
  @ApiAcceptedResponse({ type: RecoveredDto })
  @ApiErrors(400, 401, 404)
  async recover(@AccountId() accountId: string, @Param('id') id: string, @Body() body: RecoverDto): Promise<RecoveredDto> {
    return { recovered: await this.requeue.recover(accountId, id, body.since) };
  }
}
