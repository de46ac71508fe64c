export { LeadsModule } from './leads.module';
export { LeadSource, LeadProvider, LEAD_PROVIDERS } from './sources/lead-source.entity';
export { DEFAULT_FIELD_MAPPING, mapLeadFields, MappedLead } from './sources/field-mapping';
