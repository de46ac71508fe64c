import { Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ContactSourcesService } from './contact-sources.service';
import { CrmLookupController } from './crm-lookup.controller';

@ApiTags('contact-sources')
@ApiBearerAuth()
@Controller('api/contact-sources')
export class ContactSourcesController extends CrmLookupController({
  service: ContactSourcesService,
  singular: 'contact source',
  plural: 'contact sources',
  eventPrefix: 'contact_source',
}) {}
