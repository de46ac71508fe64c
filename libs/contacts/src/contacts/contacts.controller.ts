import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { CreateContactDto, UpdateContactDto } from './dto/contact-input.dto';
import { ContactDto, ContactPageDto, ContactQueryDto } from './dto/contact.dto';
import { toContactResponse } from './contact-payload';
import { ContactQueries } from './contact-queries.service';
import { ContactsService } from './contacts.service';

@ApiTags('contacts')
@ApiBearerAuth()
@Controller('api/contacts')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsService,
    private readonly queries: ContactQueries,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Create a contact (email or phone required; emits contact.created)' })
  @ApiCreatedResponse({ type: ContactDto })
  @ApiErrors(400, 401, 404, 409)
  async create(@AccountId() accountId: string, @Body() dto: CreateContactDto): Promise<ContactDto> {
    return toContactResponse(await this.contacts.create(accountId, dto));
  }

  @Get()
  @ApiOperation({ summary: 'List contacts, newest first; search matches email, phone and names' })
  @ApiOkResponse({ type: ContactPageDto })
  @ApiErrors(400, 401)
  list(@AccountId() accountId: string, @Query() query: ContactQueryDto): Promise<ContactPageDto> {
    return this.queries.list(accountId, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One contact' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrors(401, 404)
  async get(@AccountId() accountId: string, @Param('id') id: string): Promise<ContactDto> {
    return toContactResponse(await this.queries.get(accountId, id));
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Change a contact; custom_fields keys merge (null removes one). Emits contact.updated when something changed' })
  @ApiOkResponse({ type: ContactDto })
  @ApiErrors(400, 401, 404, 409)
  async update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateContactDto): Promise<ContactDto> {
    return toContactResponse(await this.contacts.update(accountId, id, dto));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a contact and its group memberships (emits contact.deleted)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 404)
  async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
    await this.contacts.remove(accountId, id);
  }
}
