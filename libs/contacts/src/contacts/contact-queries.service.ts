import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { decodeCursor, Page, toPage } from '@hub/http';
import { ContactDto, ContactQueryDto } from './dto/contact.dto';
import { Contact } from './contact.entity';
import { toContactResponse } from './contact-payload';

/** `%`, `_` and `\` typed by a user are literal characters, not LIKE wildcards. */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Reads of the caller's account's contacts. */
@Injectable()
export class ContactQueries {
  readonly scope: AccountScope<Contact>;

  constructor(@InjectRepository(Contact) repository: Repository<Contact>) {
    this.scope = new AccountScope(repository, 'Contact');
  }

  /** The contact, or 404 (also for another account's contact). */
  get(accountId: string, id: string, tx?: EntityManager): Promise<Contact> {
    return this.scope.get(accountId, id, tx);
  }

  /** The account's contact with this (normalised) email or phone, or null. */
  findByAddress(accountId: string, address: { email: string } | { phone: string }, tx?: EntityManager): Promise<Contact | null> {
    return this.scope.findOneBy(accountId, address, tx);
  }

  /** The account's contacts with these ids, by id (ids of no contact of the account are absent). */
  async byIds(accountId: string, ids: string[]): Promise<Map<string, Contact>> {
    if (ids.length === 0) return new Map();
    const rows = await this.scope.find(accountId, { where: { id: In([...new Set(ids)]) } });
    return new Map(rows.map((contact) => [contact.id, contact]));
  }

  async list(accountId: string, query: ContactQueryDto): Promise<Page<ContactDto>> {
    const qb = this.scope.queryBuilder(accountId, 'c');
    const search = query.search?.trim();
    if (search) {
      // The full name too, so "Maria Garcia" finds her (concat_ws skips a missing part).
      qb.andWhere("(c.email ILIKE :term OR c.phone ILIKE :term OR concat_ws(' ', c.first_name, c.last_name) ILIKE :term)", {
        term: likePattern(search),
      });
    }
    if (query.status_id) qb.andWhere('c.status_id = :statusId', { statusId: query.status_id });
    if (query.source_id) qb.andWhere('c.source_id = :sourceId', { sourceId: query.source_id });
    const cursor = decodeCursor(query.cursor);
    if (cursor) qb.andWhere('(c.created_at, c.id) < (:at, :cid)', { at: cursor.createdAt, cid: cursor.id });
    const rows = await qb.orderBy('c.created_at', 'DESC').addOrderBy('c.id', 'DESC').take(query.limit + 1).getMany();
    return toPage(rows, query.limit, toContactResponse);
  }
}
