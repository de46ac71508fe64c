import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { ContactSourcesService } from './contact-sources.service';
import { CreateCrmLookupDto, CrmLookupDto, UpdateCrmLookupDto } from './dto/crm-lookup.dto';

@ApiTags('contact-sources')
@ApiBearerAuth()
@Controller('api/contact-sources')
export class ContactSourcesController {
  constructor(private readonly lookups: ContactSourcesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a contact source (emits contact_source.created)' })
  @ApiCreatedResponse({ type: CrmLookupDto })
  @ApiErrors(400, 401, 409)
  create(@AccountId() accountId: string, @Body() dto: CreateCrmLookupDto): Promise<CrmLookupDto> {
    return this.lookups.create(accountId, dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List the account’s contact sources, by name' })
  @ApiOkResponse({ type: [CrmLookupDto] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<CrmLookupDto[]> {
    return this.lookups.list(accountId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contact source' })
  @ApiOkResponse({ type: CrmLookupDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<CrmLookupDto> {
    return this.lookups.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a contact source (emits contact_source.updated when the name changes)' })
  @ApiOkResponse({ type: CrmLookupDto })
  @ApiErrors(400, 401, 404, 409)
  update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateCrmLookupDto): Promise<CrmLookupDto> {
    return this.lookups.rename(accountId, id, dto.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact source; contacts that had it keep existing without it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.lookups.remove(accountId, id);
  }
}
