import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EventsModule } from '@hub/events';
import { BulkContactUpsert } from './contacts/bulk-contact-upsert';
import { Contact } from './contacts/contact.entity';
import { ContactQueries } from './contacts/contact-queries.service';
import { EmailSuppressions } from './contacts/email-suppressions';
import { ContactsController } from './contacts/contacts.controller';
import { ContactsService } from './contacts/contacts.service';
import { ContactSource } from './lookups/contact-source.entity';
import { ContactSourcesController } from './lookups/contact-sources.controller';
import { ContactSourcesService } from './lookups/contact-sources.service';
import { ContactStatus } from './lookups/contact-status.entity';
import { ContactStatusesController } from './lookups/contact-statuses.controller';
import { ContactStatusesService } from './lookups/contact-statuses.service';

/**
 * The services without the admin routes, for any process: the worker has no
 * auth guard, so it must never mount the controllers.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Contact, ContactStatus, ContactSource]), EventsModule],
  providers: [ContactsService, BulkContactUpsert, ContactQueries, ContactStatusesService, ContactSourcesService, EmailSuppressions],
  exports: [ContactsService, BulkContactUpsert, ContactQueries, ContactStatusesService, ContactSourcesService, EmailSuppressions],
})
export class ContactsCoreModule {}

/** The admin routes (api process). */
@Module({
  imports: [ContactsCoreModule],
  controllers: [ContactsController, ContactStatusesController, ContactSourcesController],
  exports: [ContactsCoreModule],
})
export class ContactsModule {}
