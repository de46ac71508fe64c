import { Entity, Index } from 'typeorm';
import { CrmLookupEntity } from './crm-lookup.entity';

@Entity('contact_statuses')
@Index('contact_statuses_account_name_key', ['account_id', 'name'], { unique: true })
export class ContactStatus extends CrmLookupEntity {}
