import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Contact, ContactQueries, ContactsService, ContactSource, ContactSourcesService, ContactStatus, ContactStatusesService } from '@hub/contacts';
import { Group, GroupMember, GroupQueries, GroupsService } from '@hub/groups';

/**
 * ContactsService and GroupsService for the worker, without the admin
 * controllers that ContactsModule and GroupsModule carry: the worker process
 * has no auth guard, so mounting those routes there would expose them.
 * Replace with the libs' own controller-less modules once they have them.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Contact, ContactStatus, ContactSource, Group, GroupMember])],
  providers: [ContactsService, ContactQueries, ContactStatusesService, ContactSourcesService, GroupsService, GroupQueries],
  exports: [ContactsService, ContactQueries, GroupsService],
})
export class StepDependenciesModule {}
