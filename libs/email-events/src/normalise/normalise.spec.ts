import { normaliseMailgun } from './mailgun-events';
import { normalisePostmark } from './postmark-events';
import { normaliseSendgrid } from './sendgrid-events';
import { normaliseSes } from './ses-events';

describe('normalising ESP events (bodies as each ESP documents them)', () => {
  it('Mailgun: permanent failures are hard bounces, temporary ones deferred; our Message-ID without brackets', () => {
    const failed = {
      id: 'G9Bn5sl1TC6nu79C8C0bwg',
      event: 'failed',
      severity: 'permanent',
      reason: 'bounce',
      timestamp: 1764752040.25,
      recipient: 'gone@example.com',
      message: { headers: { 'message-id': '20261203091400.abc@mg.example.com' } },
      'delivery-status': { code: 550, message: '5.1.1 The email account does not exist' },
    };
    expect(normaliseMailgun(failed, 'tok')).toEqual({
      kind: 'bounced',
      bounce: 'hard',
      recipient: 'gone@example.com',
      messageIdHeader: '20261203091400.abc@mg.example.com',
      providerMessageId: null,
      occurredAt: new Date(1764752040250),
      url: null,
      reason: 'bounce',
      dedupeKey: 'mailgun:G9Bn5sl1TC6nu79C8C0bwg',
    });
    expect(normaliseMailgun({ ...failed, severity: 'temporary' }, 'tok')?.kind).toBe('deferred');
    expect(normaliseMailgun({ event: 'clicked', url: 'https://example.com/x' }, 'tok')).toMatchObject({ kind: 'clicked', url: 'https://example.com/x', dedupeKey: 'mailgun:tok' });
    expect(normaliseMailgun({ event: 'accepted' }, 'tok')).toBeNull();
  });

  it('SendGrid: blocked bounces are soft, spam reports complaints, sg_message_id matched without its filter suffix', () => {
    const bounce = { email: 'a@example.com', event: 'bounce', type: 'blocked', sg_event_id: 'ev1', sg_message_id: '14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0', 'smtp-id': '<abc@hub.example.com>', timestamp: 1764752040, reason: '421 try later' };
    expect(normaliseSendgrid(bounce)).toMatchObject({ kind: 'bounced', bounce: 'soft', providerMessageId: '14c5d75ce93', messageIdHeader: 'abc@hub.example.com', dedupeKey: 'sendgrid:ev1', reason: '421 try later' });
    expect(normaliseSendgrid({ ...bounce, type: 'bounce' })?.bounce).toBe('hard');
    expect(normaliseSendgrid({ event: 'spamreport', sg_event_id: 'ev2' })?.kind).toBe('complained');
    expect(normaliseSendgrid({ event: 'group_unsubscribe', sg_event_id: 'ev3' })?.kind).toBe('unsubscribed');
    expect(normaliseSendgrid({ event: 'processed', sg_event_id: 'ev4' })).toBeNull();
  });

  it('Postmark: TypeCode 1 is hard, SoftBounce soft, SpamNotification a complaint; dedupe on type, id, recipient and time', () => {
    const bounce = { RecordType: 'Bounce', Type: 'HardBounce', TypeCode: 1, MessageID: '883953f4-6105-42a2-a16a-77a8eac79483', Email: 'b@example.com', BouncedAt: '2026-12-03T09:14:00Z', Description: 'The server was unable to deliver your message' };
    expect(normalisePostmark(bounce)).toMatchObject({ kind: 'bounced', bounce: 'hard', recipient: 'b@example.com', providerMessageId: '883953f4-6105-42a2-a16a-77a8eac79483', dedupeKey: 'postmark:Bounce:883953f4-6105-42a2-a16a-77a8eac79483:b@example.com:2026-12-03T09:14:00Z' });
    expect(normalisePostmark({ ...bounce, Type: 'SoftBounce', TypeCode: 4096 })?.bounce).toBe('soft');
    expect(normalisePostmark({ ...bounce, Type: 'SpamNotification', TypeCode: 512 })?.kind).toBe('complained');
    expect(normalisePostmark({ RecordType: 'SubscriptionChange', SuppressSending: true, Recipient: 'c@example.com' })?.kind).toBe('unsubscribed');
    expect(normalisePostmark({ RecordType: 'Inbound' })).toBeNull();
  });

  it('SES: one event per bounced recipient, Permanent is hard; our Message-ID from mail.headers; event publishing read too', () => {
    const message = {
      notificationType: 'Bounce',
      bounce: { bounceType: 'Permanent', timestamp: '2026-12-03T09:14:00.000Z', bouncedRecipients: [{ emailAddress: 'x@example.com', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }, { emailAddress: 'y@example.com' }] },
      mail: { messageId: '0100018c-ses-id', destination: ['x@example.com', 'y@example.com'], headers: [{ name: 'Message-ID', value: '<ours@hub.example.com>' }] },
    };
    const events = normaliseSes(message, 'sns-1');
    expect(events.map((e) => [e.kind, e.bounce, e.recipient, e.messageIdHeader, e.providerMessageId, e.dedupeKey])).toEqual([
      ['bounced', 'hard', 'x@example.com', 'ours@hub.example.com', '0100018c-ses-id', 'ses:sns-1:x@example.com'],
      ['bounced', 'hard', 'y@example.com', 'ours@hub.example.com', '0100018c-ses-id', 'ses:sns-1:y@example.com'],
    ]);
    expect(events[0].reason).toBe('smtp; 550 5.1.1 user unknown');
    expect(normaliseSes({ eventType: 'Click', click: { link: 'https://example.com/p' }, mail: { destination: ['x@example.com'] } }, 'sns-2')).toMatchObject([{ kind: 'clicked', url: 'https://example.com/p' }]);
    expect(normaliseSes({ notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'z@example.com' }] }, mail: {} }, 'sns-3')[0].kind).toBe('complained');
    expect(normaliseSes({ eventType: 'Send', mail: {} }, 'sns-4')).toEqual([]);
  });
});
