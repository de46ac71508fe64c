import { idText } from '../capture/lossless-body';
import { unprocessable } from '../capture/unprocessable';

/** One `leadgen` change: a lead to fetch from the Graph API. */
export interface MetaLeadgen {
  page_id: string;
  leadgen_id: string;
  form_id: string | null;
  ad_id: string | null;
  adgroup_id: string | null;
}

const MAX_LEADS = 10_000;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/**
 * The leadgen changes of a Page webhook notification (all entries, all
 * changes: Meta batches up to 1,000), each once. Changes of other fields are
 * not ours and are skipped; a leadgen change without a lead id is 422 naming
 * where it is.
 */
export function readMetaNotification(body: unknown): MetaLeadgen[] {
  const root = record(body);
  if (!root) throw unprocessable('body', 'must be a JSON object');
  if (root.object !== 'page') throw unprocessable('object', 'must be "page" (a Page webhook notification)');
  if (!Array.isArray(root.entry)) throw unprocessable('entry', 'must be an array');
  const leads = new Map<string, MetaLeadgen>();
  root.entry.forEach((rawEntry, i) => {
    const entry = record(rawEntry);
    if (!entry) throw unprocessable(`entry[${i}]`, 'must be an object');
    if (entry.changes === undefined) return;
    if (!Array.isArray(entry.changes)) throw unprocessable(`entry[${i}].changes`, 'must be an array');
    entry.changes.forEach((rawChange, j) => {
      const change = record(rawChange);
      if (change?.field !== 'leadgen') return;
      const at = `entry[${i}].changes[${j}].value`;
      const value = record(change.value);
      if (!value) throw unprocessable(at, 'must be an object');
      const leadgenId = idText(value.leadgen_id);
      if (!leadgenId) throw unprocessable(`${at}.leadgen_id`, 'is required');
      const pageId = idText(value.page_id) ?? idText(entry.id);
      if (!pageId) throw unprocessable(`${at}.page_id`, 'is required (or entry.id)');
      leads.set(`${pageId}/${leadgenId}`, { page_id: pageId, leadgen_id: leadgenId, form_id: idText(value.form_id) ?? null, ad_id: idText(value.ad_id) ?? null, adgroup_id: idText(value.adgroup_id) ?? null });
    });
  });
  if (leads.size > MAX_LEADS) throw unprocessable('entry', `carries more than ${MAX_LEADS} leads`);
  return [...leads.values()];
}
