import { InvalidContactFieldError, normalizeEmail, normalizePhone, requirePhone } from './contact-identity';

describe('normalizeEmail', () => {
  it('trims and lower-cases', () => {
    expect(normalizeEmail('  Maria.Gonzalez@Example.COM ')).toBe('maria.gonzalez@example.com');
  });

  it('treats blank and missing as no email', () => {
    expect(normalizeEmail('   ')).toBeNull();
    expect(normalizeEmail(undefined)).toBeNull();
    expect(normalizeEmail(null)).toBeNull();
  });
});

describe('normalizePhone', () => {
  it('formats an international number as E.164', () => {
    expect(normalizePhone('+34 612 34 56 78')).toBe('+34612345678');
    expect(normalizePhone('+1 (415) 555-2671')).toBe('+14155552671');
  });

  it('reads a national number with a default country', () => {
    expect(normalizePhone('612 345 678', 'ES')).toBe('+34612345678');
    expect(normalizePhone('(415) 555-2671', 'US')).toBe('+14155552671');
  });

  it('reads bare international digits without a default country', () => {
    expect(normalizePhone('34612345678')).toBe('+34612345678');
  });

  it('returns null for text, too-short numbers and blanks', () => {
    expect(normalizePhone('call me')).toBeNull();
    expect(normalizePhone('+1 555 123')).toBeNull();
    expect(normalizePhone('12345')).toBeNull();
    expect(normalizePhone('')).toBeNull();
    expect(normalizePhone(null)).toBeNull();
  });
});

describe('requirePhone', () => {
  it('returns the E.164 form or null for blank', () => {
    expect(requirePhone('+34612345678')).toBe('+34612345678');
    expect(requirePhone(' ')).toBeNull();
  });

  it('throws a 400 naming phone for an unreadable number', () => {
    let thrown: unknown;
    try {
      requirePhone('not a phone');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(InvalidContactFieldError);
    expect((thrown as InvalidContactFieldError).getStatus()).toBe(400);
    expect((thrown as InvalidContactFieldError).field).toBe('phone');
  });
});
