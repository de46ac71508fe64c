import { Injectable } from '@nestjs/common';
import { AppConfig } from '@hub/config';

const TIMEOUT_MS = 10_000;
const MAX_ERROR_TEXT = 300;

/** A lead as the Graph API gives it, answers by field name (multi-value answers joined). */
export interface GraphLead {
  id: string;
  form_id: string | null;
  ad_id: string | null;
  campaign_id: string | null;
  fields: Record<string, string>;
}

/**
 * Why a fetch failed. `retry`: the Graph API or the network may heal (5xx,
 * 429, a timeout); `permanent`: it will not until the source is fixed (an
 * expired token, a missing permission, a deleted lead) — the lead is kept so
 * it can be fetched again then.
 */
export class GraphLeadError extends Error {
  constructor(
    message: string,
    readonly kind: 'retry' | 'permanent',
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(message);
  }
}

interface GraphLeadBody {
  id?: unknown;
  form_id?: unknown;
  ad_id?: unknown;
  campaign_id?: unknown;
  field_data?: { name?: unknown; values?: unknown }[];
  error?: { message?: unknown; code?: unknown };
}

/** Reads leads from Meta's Graph API (`META_GRAPH_URL/{leadgen_id}`) with a page access token. */
@Injectable()
export class GraphApi {
  constructor(private readonly config: AppConfig) {}

  async fetchLead(leadgenId: string, pageAccessToken: string): Promise<GraphLead> {
    const url = new URL(`${this.config.metaGraphUrl}/${encodeURIComponent(leadgenId)}`);
    url.searchParams.set('fields', 'id,created_time,ad_id,form_id,campaign_id,field_data');
    // As PROVIDERS.md and Meta's docs have it; the URL is never logged, and errors quote only the Graph API's message.
    url.searchParams.set('access_token', pageAccessToken);
    let response: Response;
    try {
      response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new GraphLeadError(`Graph API unreachable: ${(error as Error).message}`, 'retry');
    }
    const text = await response.text();
    let body: GraphLeadBody = {};
    try {
      body = JSON.parse(text) as GraphLeadBody;
    } catch {
      // An HTML error page from a proxy: classified by status below.
    }
    if (!response.ok) {
      const detail = typeof body.error?.message === 'string' ? body.error.message : text.slice(0, MAX_ERROR_TEXT);
      const message = `Graph API ${response.status}: ${detail}`;
      if (response.status === 429 || response.status >= 500) throw new GraphLeadError(message, 'retry', retryAfter(response.headers.get('retry-after')));
      throw new GraphLeadError(message, 'permanent');
    }
    if (!Array.isArray(body.field_data)) throw new GraphLeadError('Graph API answered without field_data', 'retry');
    const fields: Record<string, string> = {};
    for (const field of body.field_data) {
      if (typeof field?.name !== 'string') continue;
      const values = Array.isArray(field.values) ? field.values.filter((v): v is string => typeof v === 'string') : [];
      fields[field.name] = values.join(', ');
    }
    const text_ = (value: unknown) => (typeof value === 'string' ? value : null);
    return { id: text_(body.id) ?? leadgenId, form_id: text_(body.form_id), ad_id: text_(body.ad_id), campaign_id: text_(body.campaign_id), fields };
  }
}

function retryAfter(header: string | null): number | null {
  const seconds = header === null ? NaN : Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}
