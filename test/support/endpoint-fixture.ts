import { SecretBox } from '../../libs/database/src';
import { generateEndpointSecret } from '../../libs/subscriptions/src';
import { Hub } from '../harness';

export interface EndpointSeed {
  url?: string | null;
  event_types?: string[];
  event_urls?: Record<string, string>;
  channel_id?: string | null;
  bearer_token?: string;
  headers?: Record<string, string>;
  timeout_ms?: number;
}

/**
 * Stores an endpoint directly (the pipeline tests do not depend on the
 * endpoints API), with its secret encrypted exactly as the API stores it.
 */
export async function seedEndpoint(hub: Hub, accountId: string, seed: EndpointSeed): Promise<{ id: string; secret: string }> {
  const box = hub.app.get(SecretBox);
  const secret = generateEndpointSecret();
  const [row] = await hub.sql<{ id: string }>(
    `INSERT INTO endpoints (account_id, url, event_types, event_urls, channel_id, bearer_token_encrypted, headers, timeout_ms, secret_encrypted)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      accountId,
      seed.url ?? null,
      seed.event_types ?? [],
      JSON.stringify(seed.event_urls ?? {}),
      seed.channel_id ?? null,
      seed.bearer_token ? box.encrypt(seed.bearer_token) : null,
      JSON.stringify(seed.headers ?? {}),
      seed.timeout_ms ?? null,
      box.encrypt(secret),
    ],
  );
  return { id: row.id, secret };
}
