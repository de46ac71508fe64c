import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsCoreModule } from '@hub/contacts';
import { EventsModule } from '@hub/events';
import { Group } from './groups/group.entity';
import { GroupQueries } from './groups/group-queries.service';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { GroupMember } from './members/group-member.entity';
import { GroupMembersController } from './members/group-members.controller';

// Groups depend on contacts (members are contacts), never the other way round.

/** The services without the admin routes, for any process (the worker has no auth guard). */
@Module({
  imports: [TypeOrmModule.forFeature([Group, GroupMember]), ContactsCoreModule, EventsModule],
  providers: [GroupsService, GroupQueries],
  exports: [GroupsService, GroupQueries],
})
export class GroupsCoreModule {}

/** The admin routes (api process). */
@Module({
  imports: [GroupsCoreModule, ContactsCoreModule],
  controllers: [GroupsController, GroupMembersController],
  exports: [GroupsCoreModule],
})
export class GroupsModule {}
