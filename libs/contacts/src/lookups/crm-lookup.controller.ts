import { Body, Delete, Get, HttpCode, Inject, Param, Patch, Post, Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { AccountId } from '@hub/accounts';
import { ApiErrors } from '@hub/http';
import { CrmLookupEntity } from './crm-lookup.entity';
import { CrmLookupService } from './crm-lookup.service';
import { CreateCrmLookupDto, CrmLookupDto, UpdateCrmLookupDto } from './dto/crm-lookup.dto';

export interface CrmLookupRoutes {
  /** The service of this kind of value. */
  service: Type<CrmLookupService<CrmLookupEntity>>;
  /** "contact status" */
  singular: string;
  /** "contact statuses" */
  plural: string;
  /** Event type prefix, e.g. `contact_status`. */
  eventPrefix: string;
}

/**
 * The routes of one kind of CRM lookup value (create, list, get, rename,
 * delete), documented in its words. A controller extends the class this
 * returns and adds its own `@Controller` path and `@ApiTags`, so its name
 * (and openapi's operation ids) stay its own.
 */
export function CrmLookupController({ service, singular, plural, eventPrefix }: CrmLookupRoutes) {
  class LookupController {
    constructor(@Inject(service) readonly lookups: CrmLookupService<CrmLookupEntity>) {}

    @Post()
    @ApiOperation({ summary: `Create a ${singular} (emits ${eventPrefix}.created)` })
    @ApiCreatedResponse({ type: CrmLookupDto })
    @ApiErrors(400, 401, 409)
    create(@AccountId() accountId: string, @Body() dto: CreateCrmLookupDto): Promise<CrmLookupDto> {
      return this.lookups.create(accountId, dto.name);
    }

    @Get()
    @ApiOperation({ summary: `List the account’s ${plural}, by name` })
    @ApiOkResponse({ type: [CrmLookupDto] })
    @ApiErrors(401)
    list(@AccountId() accountId: string): Promise<CrmLookupDto[]> {
      return this.lookups.list(accountId);
    }

    @Get(':id')
    @ApiOperation({ summary: `One ${singular}` })
    @ApiOkResponse({ type: CrmLookupDto })
    @ApiErrors(401, 404)
    get(@AccountId() accountId: string, @Param('id') id: string): Promise<CrmLookupDto> {
      return this.lookups.get(accountId, id);
    }

    @Patch(':id')
    @ApiOperation({ summary: `Rename a ${singular} (emits ${eventPrefix}.updated when the name changes)` })
    @ApiOkResponse({ type: CrmLookupDto })
    @ApiErrors(400, 401, 404, 409)
    update(@AccountId() accountId: string, @Param('id') id: string, @Body() dto: UpdateCrmLookupDto): Promise<CrmLookupDto> {
      return this.lookups.rename(accountId, id, dto.name);
    }

    @Delete(':id')
    @HttpCode(204)
    @ApiOperation({ summary: `Delete a ${singular}; contacts that had it keep existing without it` })
    @ApiNoContentResponse({ description: 'Deleted' })
    @ApiErrors(401, 404)
    async remove(@AccountId() accountId: string, @Param('id') id: string): Promise<void> {
      await this.lookups.remove(accountId, id);
    }
  }
  return LookupController;
}
