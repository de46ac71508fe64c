import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { LeadDto } from './dto/lead.dto';
import { Lead } from './lead.entity';

const RECENT = 50;

export function toLeadDto(lead: Lead): LeadDto {
  return {
    id: lead.id,
    lead_id: lead.lead_id,
    status: lead.status,
    is_test: lead.is_test,
    repeats: lead.repeats,
    form_id: lead.form_id,
    attempts: lead.attempt_count,
    last_error: lead.last_error,
    contact_id: lead.contact_id,
    fields: lead.fields,
    created_at: lead.created_at,
    captured_at: lead.captured_at,
  };
}

/** Reads of an account's leads (the source must be the caller's: the account id is in every query). */
@Injectable()
export class LeadQueries {
  constructor(@InjectRepository(Lead) private readonly leads: Repository<Lead>) {}

  async recent(accountId: string, sourceId: string): Promise<LeadDto[]> {
    const rows = await this.leads.find({ where: { account_id: accountId, lead_source_id: sourceId }, order: { created_at: 'DESC', id: 'DESC' }, take: RECENT });
    return rows.map(toLeadDto);
  }

  findByLeadId(accountId: string, sourceId: string, leadId: string): Promise<Lead | null> {
    return this.leads.findOneBy({ account_id: accountId, lead_source_id: sourceId, lead_id: leadId });
  }

  /** Failed leads back to pending with fresh attempts (after the source was fixed); their ids, for the queue. */
  async retryFailed(accountId: string, sourceId: string): Promise<string[]> {
    const [rows] = (await this.leads.query(
      `UPDATE leads SET status = 'pending', attempt_count = 0, next_attempt_at = now(), locked_until = NULL, updated_at = now()
        WHERE account_id = $1 AND lead_source_id = $2 AND status = 'failed' RETURNING id`,
      [accountId, sourceId],
    )) as [{ id: string }[], number];
    return rows.map((row) => row.id);
  }
}
