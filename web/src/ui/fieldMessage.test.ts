import { describe, expect, it } from 'vitest';
import { fieldMessage } from './fieldMessage';

describe('fieldMessage', () => {
  it('drops the field name the label already shows', () => {
    expect(fieldMessage('phone', 'phone "garbage" is not a phone number we can read; send it in international format, e.g. +34612345678')).toBe(
      '"garbage" is not a phone number we can read; send it in international format, e.g. +34612345678',
    );
    expect(fieldMessage('email', 'email must be an email')).toBe('Must be an email');
    expect(fieldMessage('custom_fields.plan', 'plan must be shorter than or equal to 500 characters')).toBe(
      'Must be shorter than or equal to 500 characters',
    );
  });

  it('keeps a message that does not start with the field name', () => {
    expect(fieldMessage('email', 'A contact with this email already exists')).toBe('A contact with this email already exists');
    expect(fieldMessage('to', 'today is not allowed')).toBe('today is not allowed');
  });
});
