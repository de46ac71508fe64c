import { describe, expect, it } from 'vitest';
import type { ProviderEvent } from '../../api/types';
import { eventDetails, providerName } from './providerEvents';

function event(overrides: Partial<ProviderEvent>): ProviderEvent {
  return {
    id: '3c5e7a9b-1d2f-4a6b-8c0d-2e4f6a8b0c1d',
    kind: 'delivered',
    provider: 'sendgrid',
    occurred_at: '2026-11-22T12:35:04.000Z',
    received_at: '2026-11-22T12:35:05.120Z',
    recipient: 'ann@example.com',
    reason: null,
    url: null,
    bounce_type: null,
    ...overrides,
  };
}

describe('eventDetails', () => {
  it('has nothing to add to a plain delivery', () => {
    expect(eventDetails(event({}))).toEqual([]);
  });

  it('says what kind of bounce, then the provider’s diagnostic', () => {
    expect(eventDetails(event({ kind: 'bounced', bounce_type: 'hard', reason: '550 5.1.1 no such user' }))).toEqual([
      'Hard bounce: the address does not accept mail',
      '550 5.1.1 no such user',
    ]);
    expect(eventDetails(event({ kind: 'bounced', bounce_type: 'soft' }))).toEqual(['Soft bounce: a temporary refusal']);
  });

  it('names the link of a click', () => {
    expect(eventDetails(event({ kind: 'clicked', url: 'https://shop.example.com/sale' }))).toEqual(['Link: https://shop.example.com/sale']);
  });
});

describe('providerName', () => {
  it('names the known providers in words and shows an unknown one as the API does', () => {
    expect(providerName('ses')).toBe('Amazon SES');
    expect(providerName('whatsapp_node')).toBe('WhatsApp node');
    expect(providerName('sparkpost')).toBe('sparkpost');
  });
});
