export { LeadsModule } from './leads.module';
export { LeadsWorkerModule } from './leads-worker.module';
export { LEAD_CAPTURE_QUEUE, LEAD_RETRY_DELAYS_MS } from './queues/lead-capture/lead-capture.queue';
export { LeadSource, LeadProvider, LEAD_PROVIDERS } from './sources/lead-source.entity';
export { DEFAULT_FIELD_MAPPING, mapLeadFields, MappedLead } from './sources/field-mapping';
