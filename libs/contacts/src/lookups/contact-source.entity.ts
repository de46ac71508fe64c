import { Entity, Index } from 'typeorm';
import { CrmLookupEntity } from './crm-lookup.entity';

@Entity('contact_sources')
@Index('contact_sources_account_name_key', ['account_id', 'name'], { unique: true })
export class ContactSource extends CrmLookupEntity {}
