import { Column, Entity, Index } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';
import { WorkflowStep } from '../steps/workflow-step';

/**
 * An automation: a webhook trigger and the steps each enrolled contact goes
 * through. Several workflows of one account may share a webhook id (one
 * request enrols the contact into each). The id is 32 random bytes, so it is
 * unique to its account in practice; the API never binds another account's id.
 */
@Entity('workflows')
@Index('workflows_webhook_id_idx', ['webhook_id'])
@Index('workflows_account_created_idx', ['account_id', 'created_at'])
export class Workflow extends AccountOwnedEntity {
  @Column('text')
  name!: string;

  @Column('text', { nullable: true })
  description!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('text')
  webhook_id!: string;

  /** json, not jsonb: keeps the key order the admin typed (an http_request body is sent as written). */
  @Column('json')
  steps!: WorkflowStep[];

  /** `whsec_…` that signs http_request steps, encrypted with SecretBox. */
  @Column('text')
  secret_encrypted!: string;
}
