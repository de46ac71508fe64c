import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { CreateLeadSourceDto, UpdateLeadSourceDto } from './dto/lead-source-input.dto';
import { LeadSourceDto } from './dto/lead-source.dto';
import { LeadSourcesService } from './lead-sources.service';

const ID_PARAM = { name: 'id', example: 'd4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70' };

@ApiTags('lead-sources')
@ApiBearerAuth()
@Controller('api/lead-sources')
export class LeadSourcesController {
  constructor(private readonly sources: LeadSourcesService) {}

  @Post()
  @ApiOperation({ summary: 'Add a Meta lead ads page or Google Ads lead forms as a source of contacts; secrets are write-only' })
  @ApiCreatedResponse({ type: LeadSourceDto })
  @ApiErrors(400, 401, 409)
  create(@AccountId() accountId: string, @Body() dto: CreateLeadSourceDto): Promise<LeadSourceDto> {
    return this.sources.create(accountId, dto);
  }

  @Get()
  @ApiOperation({ summary: 'List lead sources, newest first, with when each last received a lead and its last error' })
  @ApiOkResponse({ type: [LeadSourceDto] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<LeadSourceDto[]> {
    return this.sources.list(accountId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a lead source' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: LeadSourceDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<LeadSourceDto> {
    return this.sources.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a lead source: omit a field to keep it; a secret sent replaces the stored one; field_mapping null restores the defaults' })
  @ApiParam(ID_PARAM)
  @ApiOkResponse({ type: LeadSourceDto })
  @ApiErrors(400, 401, 404, 409)
  update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateLeadSourceDto): Promise<LeadSourceDto> {
    return this.sources.update(accountId, id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a lead source; its contacts stay, and its provider\'s requests are refused from now on' })
  @ApiParam(ID_PARAM)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.sources.remove(accountId, id);
  }
}
