import { ConflictException } from '@nestjs/common';
import { DataSource, DeepPartial, EntityManager, FindOptionsOrder, FindOptionsWhere, Repository } from 'typeorm';
import { AccountScope } from '@hub/database';
import { EventPublisher } from '@hub/events';
import { violatedUniqueIndex } from '../unique-violation';
import { CrmLookupEntity } from './crm-lookup.entity';
import { CrmLookupDto } from './dto/crm-lookup.dto';

export interface CrmLookupKind {
  /** Human label, e.g. "Contact status" (404 and 409 messages). */
  label: string;
  /** Event type prefix from the catalog, e.g. `contact_status`. */
  eventPrefix: 'contact_status' | 'contact_source';
}

export function toCrmLookupDto(row: CrmLookupEntity): CrmLookupDto {
  return { id: row.id, name: row.name, created_at: row.created_at.toISOString(), updated_at: row.updated_at.toISOString() };
}

/**
 * CRUD of one kind of CRM lookup value (statuses, sources). Every change
 * publishes `<prefix>.created|updated|deleted` in the transaction that makes it.
 */
export abstract class CrmLookupService<T extends CrmLookupEntity> {
  readonly scope: AccountScope<T>;

  protected constructor(
    repository: Repository<T>,
    private readonly dataSource: DataSource,
    private readonly events: EventPublisher,
    private readonly kind: CrmLookupKind,
  ) {
    this.scope = new AccountScope(repository, kind.label);
  }

  async list(accountId: string): Promise<CrmLookupDto[]> {
    const rows = await this.scope.find(accountId, { order: { name: 'ASC', id: 'ASC' } as FindOptionsOrder<T> });
    return rows.map(toCrmLookupDto);
  }

  async get(accountId: string, id: string): Promise<CrmLookupDto> {
    return toCrmLookupDto(await this.scope.get(accountId, id));
  }

  async create(accountId: string, name: string): Promise<CrmLookupDto> {
    const saved = await this.writing(name, () =>
      this.dataSource.transaction(async (tx) => {
        const row = await this.scope.create(accountId, { name } as DeepPartial<T>, tx);
        await this.publish(tx, accountId, 'created', toCrmLookupDto(row));
        return row;
      }),
    );
    return toCrmLookupDto(saved);
  }

  async rename(accountId: string, id: string, name: string): Promise<CrmLookupDto> {
    const saved = await this.writing(name, () =>
      this.dataSource.transaction(async (tx) => {
        const current = await this.scope.get(accountId, id, tx, true);
        if (current.name === name) return current;
        const row = await this.scope.update(accountId, id, { name } as DeepPartial<T>, tx);
        await this.publish(tx, accountId, 'updated', { ...toCrmLookupDto(row), previous: { name: current.name } });
        return row;
      }),
    );
    return toCrmLookupDto(saved);
  }

  /** Contacts that had this value keep existing; their reference is cleared by the foreign key (ON DELETE SET NULL). */
  async remove(accountId: string, id: string): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      const removed = await this.scope.remove(accountId, id, tx);
      await this.publish(tx, accountId, 'deleted', { id: removed.id, name: removed.name });
    });
  }

  /** 404 unless `id` is one of the account's values (so a contact never points at another account's). */
  async assertExists(tx: EntityManager, accountId: string, id: string): Promise<void> {
    await this.scope.get(accountId, id, tx);
  }

  /** The value with this name, created (and announced) when the account has none yet. */
  async findOrCreateByName(tx: EntityManager, accountId: string, name: string): Promise<T> {
    const existing = await this.scope.findOneBy(accountId, { name } as FindOptionsWhere<T>, tx);
    if (existing) return existing;
    // Serialise concurrent creators of the same name instead of failing the caller's transaction on the unique index.
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${this.kind.eventPrefix}:${accountId}:${name}`]);
    const raced = await this.scope.findOneBy(accountId, { name } as FindOptionsWhere<T>, tx);
    if (raced) return raced;
    const row = await this.scope.create(accountId, { name } as DeepPartial<T>, tx);
    await this.publish(tx, accountId, 'created', toCrmLookupDto(row));
    return row;
  }

  private async publish(tx: EntityManager, accountId: string, action: 'created' | 'updated' | 'deleted', data: object): Promise<void> {
    await this.events.publish(tx, { accountId, type: `${this.kind.eventPrefix}.${action}`, data: { ...data } });
  }

  private async writing<R>(name: string, write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (violatedUniqueIndex(error) !== null) {
        const message = `A ${this.kind.label.toLowerCase()} named "${name}" already exists`;
        throw new ConflictException({ message, details: [{ field: 'name', message }] });
      }
      throw error;
    }
  }
}
