import { readProviderReply } from './provider-reply';
import { SendError } from './send-error';

const failure = (fn: () => unknown): SendError => {
  try {
    fn();
  } catch (error) {
    return error as SendError;
  }
  throw new Error('expected a SendError');
};

describe('readProviderReply', () => {
  it('takes the id from the first key present', () => {
    expect(readProviderReply('SMS provider', 201, '{"sid":"SM123","id":"x"}', ['sid', 'id'])).toEqual({ providerMessageId: 'SM123' });
    expect(readProviderReply('SMS provider', 200, '{"id":42}', ['sid', 'id'])).toEqual({ providerMessageId: '42' });
  });

  it('accepts a 2xx without an id', () => {
    expect(readProviderReply('SMS provider', 202, 'queued', ['sid', 'id'])).toEqual({ providerMessageId: null });
  });

  it('retries server errors and rate limits, not client errors', () => {
    expect(failure(() => readProviderReply('WhatsApp node service', 503, 'busy', ['id']))).toMatchObject({ permanent: false, message: 'WhatsApp node service answered 503: busy' });
    expect(failure(() => readProviderReply('SMS provider', 429, '', ['id'])).permanent).toBe(false);
    expect(failure(() => readProviderReply('SMS provider', 400, '{"error":"invalid number"}', ['id']))).toMatchObject({
      permanent: true,
      message: 'SMS provider answered 400: {"error":"invalid number"}',
    });
    expect(failure(() => readProviderReply('SMS provider', 302, '', ['id']))).toMatchObject({ permanent: true, message: 'SMS provider answered 302: redirects are not followed' });
  });
});
