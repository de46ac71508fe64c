import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ContactStatusesService } from './contact-statuses.service';
import { CrmLookupController } from './crm-lookup.controller';

@ApiTags('contact-statuses')
@ApiBearerAuth()
@Controller('api/contact-statuses')
export class ContactStatusesController extends CrmLookupController({
  service: ContactStatusesService,
  singular: 'contact status',
  plural: 'contact statuses',
  eventPrefix: 'contact_status',
}) {}
