import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import {
  EVENT_CATALOG,
  SUBSCRIBABLE_EVENT_TYPES,
  findEventType,
  isKnownEventType,
} from './event-catalog';

// Every type of SPEC §3's "Event catalog" table, written out by hand on purpose.
const SPEC_EVENT_TYPES = [
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'contact_status.created',
  'contact_status.updated',
  'contact_status.deleted',
  'contact_source.created',
  'contact_source.updated',
  'contact_source.deleted',
  'group.subscribed',
  'group.unsubscribed',
  'message.sent',
  'message.delivered',
  'message.opened',
  'message.clicked',
  'message.bounced',
  'message.complained',
  'message.unsubscribed',
  'message.failed',
  'message.deleted',
  'message.received',
  'whatsapp.session.updated',
  'whatsapp.call',
  'lead.captured',
  'workflow.enrolled',
  'workflow.completed',
  'webhook.test',
  'endpoint.disabled',
  'delivery.exhausted',
];

function strictAjv(): Ajv {
  const ajv = new Ajv({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv;
}

describe('event catalog', () => {
  it('lists every event type of the SPEC table', () => {
    const types = EVENT_CATALOG.map((event) => event.type);
    for (const type of SPEC_EVENT_TYPES) {
      expect(types).toContain(type);
    }
  });

  it('has unique, dotted lower-case types', () => {
    const types = EVENT_CATALOG.map((event) => event.type);
    expect(new Set(types).size).toBe(types.length);
    for (const type of types) {
      expect(type).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
    }
  });

  it('gives every type a one-sentence description', () => {
    for (const event of EVENT_CATALOG) {
      expect(event.description).toMatch(/^[A-Z].{10,200}\.$/);
    }
  });

  it('scopes message events to every channel, whatsapp events to whatsapp, the rest to none', () => {
    for (const event of EVENT_CATALOG) {
      const expected = event.type.startsWith('message.')
        ? ['email', 'whatsapp', 'sms']
        : event.type.startsWith('whatsapp.')
          ? ['whatsapp']
          : [];
      expect({ type: event.type, channels: event.channels }).toEqual({ type: event.type, channels: expected });
    }
  });

  describe.each(EVENT_CATALOG.map((event) => [event.type, event] as const))('%s', (_type, event) => {
    it('has an open draft-07 object schema', () => {
      expect(event.schema).toMatchObject({
        $schema: 'http://json-schema.org/draft-07/schema#',
        type: 'object',
        additionalProperties: true,
      });
      expect(Array.isArray(event.schema.required)).toBe(true);
      expect((event.schema.required as unknown[]).length).toBeGreaterThan(0);
    });

    it('validates its example with a strict Ajv', () => {
      const validate = strictAjv().compile(event.schema);
      const valid = validate(event.example);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it('accepts extra fields added later', () => {
      const validate = strictAjv().compile(event.schema);
      expect(validate({ ...event.example, added_later: 'x' })).toBe(true);
    });

    it('rejects the example without each required field', () => {
      const validate = strictAjv().compile(event.schema);
      for (const field of event.schema.required as string[]) {
        const withoutField: Record<string, unknown> = { ...event.example };
        delete withoutField[field];
        expect({ field, valid: validate(withoutField) }).toEqual({ field, valid: false });
      }
    });

    it('rejects a non-object data', () => {
      const validate = strictAjv().compile(event.schema);
      expect(validate(['not', 'an', 'object'])).toBe(false);
    });
  });

  it('rejects wrongly typed values (nullable fields stay typed)', () => {
    const contact = findEventType('contact.created')!;
    const validate = strictAjv().compile(contact.schema);
    expect(validate({ ...contact.example, email: 'not-an-email' })).toBe(false);
    expect(validate({ ...contact.example, phone: '0612 345 678' })).toBe(false);
    expect(validate({ ...contact.example, email: null, phone: null })).toBe(true);

    const bounce = findEventType('message.bounced')!;
    expect(strictAjv().validate(bounce.schema, { ...bounce.example, bounce_type: 'medium' })).toBe(false);
  });
});

describe('findEventType', () => {
  it('returns the definition of a catalog type', () => {
    expect(findEventType('lead.captured')?.type).toBe('lead.captured');
  });

  it('returns undefined for an unknown or custom type', () => {
    expect(findEventType('lead.lost')).toBeUndefined();
    expect(findEventType('custom.order_paid')).toBeUndefined();
  });
});

describe('isKnownEventType', () => {
  it.each(['contact.created', 'whatsapp.session.updated', 'delivery.exhausted'])('accepts catalog type %s', (type) => {
    expect(isKnownEventType(type)).toBe(true);
  });

  it.each(['custom.order_paid', 'custom.shop.cart-abandoned', 'custom.v2', `custom.${'a'.repeat(64)}`])(
    'accepts custom type %s',
    (type) => {
      expect(isKnownEventType(type)).toBe(true);
    },
  );

  it.each([
    '',
    'contact',
    'contact.exploded',
    'Contact.created',
    'contact.created ',
    'custom',
    'custom.',
    'custom.Order',
    'custom.order paid',
    'custom.order/paid',
    `custom.${'a'.repeat(65)}`,
    'xcustom.order',
    'custom.order\n',
  ])('rejects %j', (type) => {
    expect(isKnownEventType(type)).toBe(false);
  });
});

describe('SUBSCRIBABLE_EVENT_TYPES', () => {
  it('is every catalog type, in catalog order', () => {
    expect(SUBSCRIBABLE_EVENT_TYPES).toEqual(EVENT_CATALOG.map((event) => event.type));
    expect(SUBSCRIBABLE_EVENT_TYPES).toEqual(expect.arrayContaining(SPEC_EVENT_TYPES));
  });
});
