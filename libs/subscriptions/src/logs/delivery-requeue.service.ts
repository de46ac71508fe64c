import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { Delivery } from '../delivery/delivery.entity';
import { DeliveryProducer, DueDelivery } from '../queues/webhook-delivery/webhook-delivery.producer';
import { returning } from '../delivery/returning';
import { Endpoint } from '../endpoints/endpoint.entity';
import { DeliveryItemDto } from './dto/delivery.dto';
import { toItem } from './delivery-views';
import { DeliveryLogQueryService } from './delivery-log-query.service';

const ENQUEUE_BATCH = 1000;
const REQUEUE = `status = 'pending', next_attempt_at = now(), completed_at = NULL, updated_at = now()`;

/** Manual re-sends: one delivery now (retry), or every failed delivery of an endpoint since a time (recover). */
@Injectable()
export class DeliveryRequeueService {
  private readonly endpoints: AccountScope<Endpoint>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly query: DeliveryLogQueryService,
    private readonly producer: DeliveryProducer,
    @InjectRepository(Endpoint) endpoints: Repository<Endpoint>,
  ) {
    this.endpoints = new AccountScope(endpoints, 'Endpoint');
  }

  async retry(accountId: string, id: string): Promise<DeliveryItemDto> {
    await this.query.scope.get(accountId, id);
    const [delivery] = returning<Delivery>(
      await this.dataSource.query(
        `UPDATE deliveries SET ${REQUEUE} WHERE id = $1 AND account_id = $2 AND (locked_until IS NULL OR locked_until < now()) RETURNING *`,
        [id, accountId],
      ),
    );
    if (!delivery) throw new ConflictException('an attempt is in flight');
    await this.producer.deliverNow({ id: delivery.id, attempt_count: delivery.attempt_count });
    return toItem(delivery);
  }

  async recover(accountId: string, endpointId: string, since: string): Promise<number> {
    const from = new Date(since);
    if (from.getTime() > Date.now()) {
      throw new BadRequestException({ message: 'since must not be in the future', details: [{ field: 'since', message: 'since must not be in the future' }] });
    }
    await this.endpoints.get(accountId, endpointId);
    const due = returning<DueDelivery>(
      await this.dataSource.query(
        `UPDATE deliveries SET ${REQUEUE} WHERE endpoint_id = $1 AND account_id = $2 AND status = 'failed' AND created_at >= $3 RETURNING id, attempt_count`,
        [endpointId, accountId, from],
      ),
    );
    for (let i = 0; i < due.length; i += ENQUEUE_BATCH) await this.producer.deliver(due.slice(i, i + ENQUEUE_BATCH));
    return due.length;
  }
}
