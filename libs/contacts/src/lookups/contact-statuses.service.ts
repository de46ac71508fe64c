import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { ContactStatus } from './contact-status.entity';
import { CrmLookupService } from './crm-lookup.service';

@Injectable()
export class ContactStatusesService extends CrmLookupService<ContactStatus> {
  constructor(@InjectRepository(ContactStatus) repository: Repository<ContactStatus>, dataSource: DataSource, events: EventPublisher) {
    super(repository, dataSource, events, { label: 'Contact status', eventPrefix: 'contact_status' });
  }
}
