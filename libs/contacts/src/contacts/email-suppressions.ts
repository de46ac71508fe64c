import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventPublisher } from '@hub/events';
import { Contact } from './contact.entity';
import { toContactPayload } from './contact-payload';

/**
 * Marks contacts' email addresses undeliverable when their provider reports
 * a hard bounce or a complaint: later sends to them are skipped (and say so).
 * Each contact that changes gets contact.updated naming the field.
 */
@Injectable()
export class EmailSuppressions {
  constructor(private readonly events: EventPublisher) {}

  async markUndeliverable(tx: EntityManager, accountId: string, emails: string[]): Promise<Contact[]> {
    if (emails.length === 0) return [];
    const [rows] = (await tx.query(
      `UPDATE contacts SET email_undeliverable = true, updated_at = now()
        WHERE account_id = $1 AND email = ANY($2::text[]) AND NOT email_undeliverable
        RETURNING *`,
      [accountId, [...new Set(emails.map((email) => email.toLowerCase()))]],
    )) as [Contact[], number];
    for (const contact of rows) {
      await this.events.publish(tx, { accountId, type: 'contact.updated', data: { ...toContactPayload(contact), changed: ['email_undeliverable'], previous: { email_undeliverable: false } } });
    }
    return rows;
  }

  /** The account's contacts with these emails (for unsubscribes the provider reports). */
  async contactIdsByEmail(tx: EntityManager, accountId: string, emails: string[]): Promise<string[]> {
    if (emails.length === 0) return [];
    const rows = (await tx.query(`SELECT id FROM contacts WHERE account_id = $1 AND email = ANY($2::text[])`, [accountId, [...new Set(emails.map((email) => email.toLowerCase()))]])) as {
      id: string;
    }[];
    return rows.map((row) => row.id);
  }
}
