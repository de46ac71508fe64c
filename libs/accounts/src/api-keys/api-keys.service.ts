import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, IsNull, LessThan, Repository } from 'typeorm';
import { AccountScope, RoundTripBatcher } from '@hub/database';
import { ApiKey } from './api-key.entity';
import { generateApiKey, hashApiKey } from './api-key-format';
import { ApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

const LAST_USED_RESOLUTION_MS = 60_000;

function toDto(key: ApiKey): ApiKeyDto {
  return { id: key.id, name: key.name, prefix: key.prefix, created_at: key.created_at, last_used_at: key.last_used_at };
}

@Injectable()
export class ApiKeysService {
  private readonly scope: AccountScope<ApiKey>;

  private readonly lookups = new RoundTripBatcher<string, ApiKey | null>((hashes) => this.findByHashes(hashes));

  constructor(@InjectRepository(ApiKey) private readonly repository: Repository<ApiKey>) {
    this.scope = new AccountScope(repository, 'API key');
  }

  private async findByHashes(hashes: string[]): Promise<(ApiKey | null)[]> {
    const keys = await this.repository.findBy({ key_hash: In([...new Set(hashes)]) });
    const byHash = new Map(keys.map((key) => [key.key_hash, key]));
    return hashes.map((hash) => byHash.get(hash) ?? null);
  }

  async create(accountId: string, name: string): Promise<CreatedApiKeyDto> {
    const generated = generateApiKey();
    const saved = await this.scope.create(accountId, { name, prefix: generated.prefix, key_hash: generated.hash, last_used_at: null });
    return { ...toDto(saved), key: generated.key };
  }

  async list(accountId: string): Promise<ApiKeyDto[]> {
    return (await this.scope.find(accountId, { order: { created_at: 'DESC' } })).map(toDto);
  }

  async remove(accountId: string, id: string): Promise<void> {
    await this.scope.remove(accountId, id);
  }

  /**
   * The key row for a presented key, or null. Not account-scoped: this is how
   * the account is found. Lookups of requests arriving together share one
   * query (every publish call authenticates), and are never cached: a deleted
   * key stops working at once.
   */
  async authenticate(presented: string): Promise<ApiKey | null> {
    const key = await this.lookups.submit(hashApiKey(presented));
    if (key && (!key.last_used_at || Date.now() - key.last_used_at.getTime() > LAST_USED_RESOLUTION_MS)) {
      // Best effort and at most once a minute per key: auth must not wait on this write.
      this.repository
        .update({ id: key.id, last_used_at: key.last_used_at ? LessThan(new Date(Date.now() - LAST_USED_RESOLUTION_MS)) : IsNull() }, { last_used_at: new Date() })
        .catch(() => undefined);
    }
    return key;
  }
}
