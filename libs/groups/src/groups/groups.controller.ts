import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors, PageQueryDto } from '@hub/http';
import { CreateGroupDto, GroupDto, GroupPageDto, UpdateGroupDto } from './dto/group.dto';
import { GroupQueries, toGroupDto } from './group-queries.service';
import { GroupsService } from './groups.service';

@ApiTags('groups')
@ApiBearerAuth()
@Controller('api/groups')
export class GroupsController {
  constructor(
    private readonly groups: GroupsService,
    private readonly queries: GroupQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a mailing group' })
  @ApiCreatedResponse({ type: GroupDto })
  @ApiErrors(400, 401, 409)
  async create(@AccountId() accountId: string, @Body() dto: CreateGroupDto): Promise<GroupDto> {
    return toGroupDto(await this.groups.create(accountId, dto), 0);
  }

  @Get()
  @ApiOperation({ summary: 'List mailing groups, newest first, with their subscribed member counts' })
  @ApiOkResponse({ type: GroupPageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: PageQueryDto): Promise<GroupPageDto> {
    return this.queries.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One mailing group with its subscribed member count' })
  @ApiOkResponse({ type: GroupDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<GroupDto> {
    return this.queries.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a mailing group or change its description' })
  @ApiOkResponse({ type: GroupDto })
  @ApiErrors(400, 401, 404, 409)
  async update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateGroupDto): Promise<GroupDto> {
    await this.groups.update(accountId, id, dto);
    return this.queries.get(accountId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a mailing group and its memberships (contacts stay)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.groups.remove(accountId, id);
  }
}
