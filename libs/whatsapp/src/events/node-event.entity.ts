import { Check, Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import type { NodeEventData, NodeEventKind } from './node-event-reader';

export type NodeEventStatus = 'pending' | 'applied' | 'failed';

export const NODE_EVENT_DEDUPE_INDEX = 'whatsapp_events_channel_dedupe_key';

/**
 * One thing the WhatsApp node service reported on a session (a message, a
 * status change, a deletion, a call, a connection change), stored with its
 * inbound log row before the node is answered and applied in the worker.
 * Unique per channel and dedupe key (the WhatsApp message id, with the status
 * for a status change), so a node repeating itself is stored once.
 */
@Entity('whatsapp_events')
@Index(NODE_EVENT_DEDUPE_INDEX, ['channel_id', 'dedupe_key'], { unique: true, where: 'dedupe_key IS NOT NULL' })
@Index('whatsapp_events_due_idx', ['next_attempt_at'], { where: `status = 'pending'` })
@Check('"status" IN (\'pending\', \'applied\', \'failed\')')
export class NodeEvent extends AccountOwnedEntity {
  @Column('uuid')
  channel_id!: string;

  /** The node's event name (`messages.upsert`, `call`, …). */
  @Column('text')
  event!: string;

  /** What the worker does with it; `data` is read already (see node-event-reader.ts). */
  @Column('text')
  kind!: NodeEventKind;

  /** `message:<id>`, `status:<id>:<n>`, `delete:<id>`, `call:<id>:<status>`; null for connection changes (never repeated harmfully). */
  @Column({ type: 'text', nullable: true })
  dedupe_key!: string | null;

  @Column('jsonb')
  data!: NodeEventData;

  /** Times the node sent this again: counted, never applied twice. */
  @Column({ type: 'int', default: 0 })
  repeats!: number;

  @Column({ type: 'text', default: 'pending' })
  status!: NodeEventStatus;

  @Column({ type: 'int', default: 0 })
  attempt_count!: number;

  @Column({ type: 'timestamptz', precision: 3, default: () => 'now()' })
  next_attempt_at!: Date;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  locked_until!: Date | null;

  @Column({ type: 'text', nullable: true })
  last_error!: string | null;

  @Column({ type: 'uuid', nullable: true })
  inbound_log_id!: string | null;

  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  applied_at!: Date | null;
}
