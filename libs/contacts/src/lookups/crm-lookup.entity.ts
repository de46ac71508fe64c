import { Column } from 'typeorm';
import { AccountOwnedEntity } from '@hub/database';

/** A named CRM lookup value (contact status or contact source); the name is unique per account. */
export abstract class CrmLookupEntity extends AccountOwnedEntity {
  @Column('text')
  name!: string;
}
