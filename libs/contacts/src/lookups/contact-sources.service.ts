import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { ContactSource } from './contact-source.entity';
import { CrmLookupService } from './crm-lookup.service';

@Injectable()
export class ContactSourcesService extends CrmLookupService<ContactSource> {
  constructor(@InjectRepository(ContactSource) repository: Repository<ContactSource>, dataSource: DataSource, events: EventPublisher) {
    super(repository, dataSource, events, { label: 'Contact source', eventPrefix: 'contact_source' });
  }
}
