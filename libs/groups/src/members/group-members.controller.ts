import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { GroupQueries } from '../groups/group-queries.service';
import { GroupsService } from '../groups/groups.service';
import { AddGroupMemberDto, GroupMemberDto, GroupMemberPageDto, GroupMemberQueryDto } from './dto/group-member.dto';
import { toGroupMemberDto } from './group-member-views';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('api/groups/:id/members')
export class GroupMembersController {
  constructor(
    private readonly groups: GroupsService,
    private readonly queries: GroupQueries,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Members of a group (subscribed and unsubscribed), newest first' })
  @ApiOkResponse({ type: GroupMemberPageDto })
  @ApiErrors(400, 401, 404)
  list(@AccountId() accountId: string, @Param('id') groupId: string, @Query() query: GroupMemberQueryDto): Promise<GroupMemberPageDto> {
    return this.queries.listMembers(accountId, groupId, query);
  }

  @Post()
  @ApiOperation({
    summary: 'Subscribe a contact by email or phone (created if missing; emits group.subscribed). 201 when subscribed now, 200 when already subscribed',
  })
  @ApiCreatedResponse({ type: GroupMemberDto, description: 'Subscribed (or re-subscribed) now' })
  @ApiOkResponse({ type: GroupMemberDto, description: 'Was already subscribed; nothing changed' })
  @ApiErrors(400, 401, 404)
  async add(
    @AccountId() accountId: string,
    @Param('id') groupId: string,
    @Body() dto: AddGroupMemberDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<GroupMemberDto> {
    const subscription = await this.groups.addMember(accountId, groupId, dto);
    void reply.status(subscription.changed ? 201 : 200);
    return toGroupMemberDto(subscription.member, subscription.contact);
  }

  @Delete(':contact_id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Unsubscribe a contact from the group (emits group.unsubscribed); 404 if not subscribed' })
  @ApiNoContentResponse({ description: 'Unsubscribed' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') groupId: string, @Param('contact_id') contactId: string): Promise<void> {
    await this.groups.removeMember(accountId, groupId, contactId);
  }
}
