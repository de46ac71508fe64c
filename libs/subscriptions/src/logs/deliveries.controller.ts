import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { DeliveryDetailDto, DeliveryItemDto, DeliveryPageDto, DeliveryQueryDto } from './dto/delivery.dto';
import { DeliveryLogQueryService } from './delivery-log-query.service';
import { DeliveryRequeueService } from './delivery-requeue.service';

@ApiTags('deliveries')
@ApiBearerAuth()
@Controller('api/deliveries')
export class DeliveriesController {
  constructor(
    private readonly query: DeliveryLogQueryService,
    private readonly requeue: DeliveryRequeueService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Deliveries, newest first (filter by endpoint, event type, status, time)' })
  @ApiOkResponse({ type: DeliveryPageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: DeliveryQueryDto): Promise<DeliveryPageDto> {
    return this.query.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One delivery with its event and every attempt (ordered by n)' })
  @ApiOkResponse({ type: DeliveryDetailDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<DeliveryDetailDto> {
    return this.query.detail(accountId, id);
  }

  @Post(':id/retry')
  @HttpCode(202)
  @ApiOperation({ summary: 'Make a new attempt now (409 while an attempt is in flight)' })
  @ApiAcceptedResponse({ type: DeliveryItemDto })
  @ApiErrors(401, 404, 409)
  retry(@AccountId() accountId: string, @Param('id') id: string): Promise<DeliveryItemDto> {
    return this.requeue.retry(accountId, id);
  }
}
