import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ContactsModule } from '@hub/contacts';
import { EventsModule } from '@hub/events';
import { Group } from './groups/group.entity';
import { GroupQueries } from './groups/group-queries.service';
import { GroupsController } from './groups/groups.controller';
import { GroupsService } from './groups/groups.service';
import { GroupMember } from './members/group-member.entity';
import { GroupMembersController } from './members/group-members.controller';

// Groups depend on contacts (members are contacts), never the other way round.
@Module({
  imports: [TypeOrmModule.forFeature([Group, GroupMember]), ContactsModule, EventsModule],
  controllers: [GroupsController, GroupMembersController],
  providers: [GroupsService, GroupQueries],
  exports: [GroupsService, GroupQueries],
})
export class GroupsModule {}
