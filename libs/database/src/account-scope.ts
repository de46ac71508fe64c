import { NotFoundException } from '@nestjs/common';
import {
  DeepPartial,
  EntityManager,
  FindManyOptions,
  FindOptionsWhere,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';
import { AccountOwnedEntity } from './account-owned.entity';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one way admin code reads and writes tenant records: every method takes
 * the caller's account id and adds it to the query, so another account's row
 * is indistinguishable from a missing one (404). Pass `tx` to take part in a
 * transaction (e.g. to publish an event with the change).
 */
export class AccountScope<T extends AccountOwnedEntity> {
  constructor(
    private readonly repository: Repository<T>,
    private readonly label: string,
  ) {}

  private repo(tx?: EntityManager): Repository<T> {
    return tx ? tx.getRepository<T>(this.repository.target) : this.repository;
  }

  private scoped(accountId: string, where?: FindOptionsWhere<T> | FindOptionsWhere<T>[]) {
    const own = { account_id: accountId } as FindOptionsWhere<T>;
    if (!where) return own;
    return Array.isArray(where) ? where.map((w) => ({ ...w, ...own })) : { ...where, ...own };
  }

  find(accountId: string, options: FindManyOptions<T> = {}, tx?: EntityManager): Promise<T[]> {
    return this.repo(tx).find({ ...options, where: this.scoped(accountId, options.where as FindOptionsWhere<T>) });
  }

  findOneBy(accountId: string, where: FindOptionsWhere<T>, tx?: EntityManager): Promise<T | null> {
    return this.repo(tx).findOneBy(this.scoped(accountId, where));
  }

  /** The record, or 404 `${label} not found` (also for malformed ids and other accounts' records). */
  async get(accountId: string, id: string, tx?: EntityManager, lock = false): Promise<T> {
    if (!UUID.test(id)) throw this.notFound(id);
    const found = await this.repo(tx).findOne({
      where: this.scoped(accountId, { id } as FindOptionsWhere<T>),
      ...(lock && tx ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!found) throw this.notFound(id);
    return found;
  }

  async create(accountId: string, values: DeepPartial<T>, tx?: EntityManager): Promise<T> {
    const repo = this.repo(tx);
    return repo.save(repo.create({ ...values, account_id: accountId } as DeepPartial<T>));
  }

  async update(accountId: string, id: string, patch: DeepPartial<T>, tx?: EntityManager): Promise<T> {
    const current = await this.get(accountId, id, tx, true);
    const repo = this.repo(tx);
    const { account_id: _ignored, id: _id, ...allowed } = patch as DeepPartial<T> & { account_id?: unknown; id?: unknown };
    return repo.save(repo.merge(current, allowed as DeepPartial<T>));
  }

  async remove(accountId: string, id: string, tx?: EntityManager): Promise<T> {
    const current = await this.get(accountId, id, tx, true);
    const snapshot = { ...current };
    await this.repo(tx).remove(current);
    return snapshot;
  }

  queryBuilder(accountId: string, alias: string, tx?: EntityManager): SelectQueryBuilder<T> {
    return this.repo(tx).createQueryBuilder(alias).where(`${alias}.account_id = :accountId`, { accountId });
  }

  notFound(id: string): NotFoundException {
    return new NotFoundException(`${this.label} ${id} not found`);
  }
}
