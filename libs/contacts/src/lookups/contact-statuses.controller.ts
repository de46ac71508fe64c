import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { ContactStatusesService } from './contact-statuses.service';
import { CreateCrmLookupDto, CrmLookupDto, UpdateCrmLookupDto } from './dto/crm-lookup.dto';

@ApiTags('contact-statuses')
@ApiBearerAuth()
@Controller('api/contact-statuses')
export class ContactStatusesController {
  constructor(private readonly lookups: ContactStatusesService) {}

  @Post()
  @ApiOperation({ summary: 'Create a contact status (emits contact_status.created)' })
  @ApiCreatedResponse({ type: CrmLookupDto })
  @ApiErrors(400, 401, 409)
  create(@AccountId() accountId: string, @Body() dto: CreateCrmLookupDto): Promise<CrmLookupDto> {
    return this.lookups.create(accountId, dto.name);
  }

  @Get()
  @ApiOperation({ summary: 'List the account’s contact statuses, by name' })
  @ApiOkResponse({ type: [CrmLookupDto] })
  @ApiErrors(401)
  list(@AccountId() accountId: string): Promise<CrmLookupDto[]> {
    return this.lookups.list(accountId);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contact status' })
  @ApiOkResponse({ type: CrmLookupDto })
  @ApiErrors(401, 404)
  get(@AccountId() accountId: string, @Param('id') id: string): Promise<CrmLookupDto> {
    return this.lookups.get(accountId, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Rename a contact status (emits contact_status.updated when the name changes)' })
  @ApiOkResponse({ type: CrmLookupDto })
  @ApiErrors(400, 401, 404, 409)
  update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateCrmLookupDto): Promise<CrmLookupDto> {
    return this.lookups.rename(accountId, id, dto.name);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact status; contacts that had it keep existing without it' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.lookups.remove(accountId, id);
  }
}
