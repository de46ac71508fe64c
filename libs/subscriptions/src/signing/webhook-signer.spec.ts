import { createHmac } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { generateEndpointSecret, secretKeyBytes } from './endpoint-secret';
import { signWebhook } from './webhook-signer';

describe('signWebhook', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'contact.created', data: { email: 'ann@example.com' } });

  it('produces headers the standardwebhooks library verifies', () => {
    const secret = generateEndpointSecret();
    const headers = signWebhook('evt_1', body, [secret]);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
  });

  it('matches the SPEC formula byte for byte', () => {
    const secret = generateEndpointSecret();
    const at = new Date('2026-11-22T12:34:56.789Z');
    const headers = signWebhook('evt_1', body, [secret], at);
    const expected = createHmac('sha256', secretKeyBytes(secret)).update(`evt_1.1795350896.${body}`).digest('base64');
    expect(headers['webhook-timestamp']).toBe('1795350896');
    expect(headers['webhook-signature']).toBe(`v1,${expected}`);
    expect(headers['x-webhook-signature']).toBe(createHmac('sha256', secretKeyBytes(secret)).update(body).digest('hex'));
  });

  it('signs with every active secret during a rotation, so receivers on either secret verify', () => {
    const [newer, older] = [generateEndpointSecret(), generateEndpointSecret()];
    const headers = signWebhook('evt_1', body, [newer, older]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(newer).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(older).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(generateEndpointSecret()).verify(body, headers)).toThrow();
  });

  it('does not verify a changed body', () => {
    const secret = generateEndpointSecret();
    const headers = signWebhook('evt_1', body, [secret]);
    expect(() => new Webhook(secret).verify(body.replace('ann', 'bob'), headers)).toThrow();
  });
});
