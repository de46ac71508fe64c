import { UnauthorizedException } from '@nestjs/common';
import { idText } from '../capture/lossless-body';
import { unprocessable } from '../capture/unprocessable';

/** A Google Ads lead form submission, ids as exact digits. */
export interface GoogleLead {
  lead_id: string;
  form_id: string | null;
  campaign_id: string | null;
  adgroup_id: string | null;
  creative_id: string | null;
  gcl_id: string | null;
  is_test: boolean;
  /** Answers by column_id (EMAIL, FULL_NAME, a custom question's own id). */
  fields: Record<string, string>;
}

const MAX_COLUMNS = 500;

/** The key the advertiser typed into the form's webhook settings; Google's own samples also spell it `Google_key`. */
export function googleKeyOf(body: unknown): string {
  const root = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const name = Object.keys(root).find((key) => key.toLowerCase() === 'google_key');
  const key = name === undefined ? undefined : root[name];
  if (typeof key !== 'string' || key.length === 0) throw new UnauthorizedException('google_key is missing');
  return key;
}

/** The lead in Google's body; 422 naming the field when it is not one. */
export function readGoogleLead(body: unknown): GoogleLead {
  const root = body as Record<string, unknown>;
  const leadId = idText(root.lead_id);
  if (!leadId) throw unprocessable('lead_id', 'is required');
  if (!Array.isArray(root.user_column_data)) throw unprocessable('user_column_data', 'must be an array');
  if (root.user_column_data.length > MAX_COLUMNS) throw unprocessable('user_column_data', `has more than ${MAX_COLUMNS} columns`);
  const fields: Record<string, string> = {};
  root.user_column_data.forEach((column: unknown, i) => {
    const { column_id: id, string_value: value } = (typeof column === 'object' && column !== null ? column : {}) as Record<string, unknown>;
    if (typeof id !== 'string' || id.length === 0 || id.length > 200) throw unprocessable(`user_column_data[${i}].column_id`, 'is required');
    if (typeof value !== 'string') throw unprocessable(`user_column_data[${i}].string_value`, 'must be a string');
    fields[id] = value;
  });
  const isTest = root.is_test === true || root.is_test === 'true';
  return {
    lead_id: leadId,
    form_id: idText(root.form_id) ?? null,
    campaign_id: idText(root.campaign_id) ?? null,
    adgroup_id: idText(root.adgroup_id) ?? null,
    creative_id: idText(root.creative_id) ?? null,
    gcl_id: idText(root.gcl_id) ?? null,
    is_test: isTest,
    fields,
  };
}
