import { UnprocessableEntityException } from '@nestjs/common';
import { readTriggerBody } from './trigger-body';

function rejection(body: unknown): { message: string; details?: { field: string }[] } {
  try {
    readTriggerBody(body);
  } catch (error) {
    expect(error).toBeInstanceOf(UnprocessableEntityException);
    const response = (error as UnprocessableEntityException).getResponse();
    return typeof response === 'string' ? { message: response } : (response as { message: string; details?: { field: string }[] });
  }
  throw new Error('expected a 422');
}

describe('readTriggerBody', () => {
  it('reads identity, names and custom fields from a JSON body', () => {
    expect(readTriggerBody({ email: ' Ann@Example.COM ', first_name: 'Ann', last_name: 'Lee', plan: 'pro', score: 7, tags: ['a'] })).toEqual({
      email: 'ann@example.com',
      phone: null,
      first_name: 'Ann',
      last_name: 'Lee',
      custom_fields: { plan: 'pro', score: 7, tags: ['a'] },
      payload: { email: ' Ann@Example.COM ', first_name: 'Ann', last_name: 'Lee', plan: 'pro', score: 7, tags: ['a'] },
    });
  });

  it('reads a parsed form body (null prototype, all strings)', () => {
    const form = Object.assign(Object.create(null), { phone: '+34 612 34 56 78', first_name: 'Bo', city: 'Madrid' });
    expect(readTriggerBody(form)).toMatchObject({ email: null, phone: '+34612345678', first_name: 'Bo', custom_fields: { city: 'Madrid' } });
  });

  it('uses whatsapp as the phone when there is no phone, and keeps it as a custom field otherwise', () => {
    expect(readTriggerBody({ whatsapp: '34612345678' })).toMatchObject({ phone: '+34612345678', custom_fields: {} });
    expect(readTriggerBody({ phone: '+34612345678', whatsapp: '+34699999999' })).toMatchObject({ phone: '+34612345678', custom_fields: { whatsapp: '+34699999999' } });
    expect(readTriggerBody({ phone: 34612345678 })).toMatchObject({ phone: '+34612345678' });
  });

  it('needs email, phone or whatsapp', () => {
    for (const body of [{ first_name: 'Nobody', email: '  ' }, {}, { phone: null, whatsapp: '' }]) {
      const { message, details } = rejection(body);
      expect(message).toBe('email, phone or whatsapp is required');
      expect(details).toBeUndefined();
    }
  });

  it('names an unreadable email or phone', () => {
    expect(rejection({ email: 'not-an-email' })).toMatchObject({ message: 'email "not-an-email" is not an email address', details: [{ field: 'email', message: 'email "not-an-email" is not an email address' }] });
    expect(rejection({ phone: '12' }).details).toEqual([{ field: 'phone', message: expect.stringMatching(/^phone "12" is not a phone number/) }]);
    expect(rejection({ whatsapp: 'abc' }).details?.[0].field).toBe('whatsapp');
    expect(rejection({ email: { nested: true } }).details?.[0].field).toBe('email');
  });

  it('refuses bodies that are not objects', () => {
    for (const body of [[{ email: 'a@b.co' }], 'email=a@b.co', 42, null, undefined]) {
      expect(rejection(body).message).toMatch(/must be a JSON object or a form/);
    }
  });

  it('never copies prototype keys', () => {
    const body = JSON.parse('{"email":"a@example.com","constructor":{"x":1},"prototype":1}');
    expect(readTriggerBody(body).custom_fields).toEqual({});
  });
});
