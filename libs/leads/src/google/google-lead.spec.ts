import { losslessBody } from '../capture/lossless-body';
import { googleKeyOf, readGoogleLead } from './google-lead';

// Google's documented body, with int64 ids past 2^53 as Google sends them (JSON numbers).
const RAW = `{"lead_id":"TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe","api_version":"1.0","form_id":9007199254740993123,"campaign_id":9007199254740995,"adgroup_id":789,"creative_id":1011,"gcl_id":"TeSter-123","google_key":"key-123","is_test":true,"user_column_data":[{"column_id":"FULL_NAME","column_name":"Full Name","string_value":"Ann Lee"},{"column_id":"EMAIL","string_value":"ann@example.com"},{"column_id":"what_is_your_budget?","string_value":"5000"}]}`;

describe('Google Ads lead body', () => {
  it('reads the lead with its int64 ids as exact digits and its answers by column id', () => {
    expect(readGoogleLead(losslessBody(Buffer.from(RAW)))).toEqual({
      lead_id: 'TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe',
      form_id: '9007199254740993123',
      campaign_id: '9007199254740995',
      adgroup_id: '789',
      creative_id: '1011',
      gcl_id: 'TeSter-123',
      is_test: true,
      fields: { FULL_NAME: 'Ann Lee', EMAIL: 'ann@example.com', 'what_is_your_budget?': '5000' },
    });
  });

  it('finds the key in any case, and refuses a body without one (401)', () => {
    expect(googleKeyOf({ Google_key: 'k1' })).toBe('k1');
    expect(googleKeyOf({ google_key: 'k2' })).toBe('k2');
    expect(() => googleKeyOf({ lead_id: '1' })).toThrow('google_key is missing');
    expect(() => googleKeyOf([])).toThrow('google_key is missing');
  });

  it('names a missing lead id or a malformed column (422)', () => {
    const field = (body: unknown) => {
      try {
        readGoogleLead(body);
        return 'no error';
      } catch (error) {
        return (error as { getResponse(): { details: { field: string }[] } }).getResponse().details[0].field;
      }
    };
    expect(field({ user_column_data: [] })).toBe('lead_id');
    expect(field({ lead_id: '1' })).toBe('user_column_data');
    expect(field({ lead_id: '1', user_column_data: [{ string_value: 'x' }] })).toBe('user_column_data[0].column_id');
    expect(field({ lead_id: '1', user_column_data: [{ column_id: 'EMAIL', string_value: 5 }] })).toBe('user_column_data[0].string_value');
    expect(field({ lead_id: '1', user_column_data: [] })).toBe('no error');
  });
});
