import { QueryFailedError } from 'typeorm';
import { InvalidContactFieldError } from '@hub/contacts';
import { failureSummary } from './failure-summary';

describe('failureSummary', () => {
  it('names the field or the database error code, never the values the sender sent', () => {
    expect(failureSummary(new InvalidContactFieldError('email', 'email "jane@example.com" is not an email address'))).toBe('invalid email');
    const unique = new QueryFailedError('INSERT …', [], Object.assign(new Error('duplicate key value violates unique constraint; Key (email)=(jane@example.com) already exists'), { code: '23505' }));
    expect(failureSummary(unique)).toBe('database error 23505');
    expect(failureSummary(new TypeError('Cannot read jane@example.com'))).toBe('TypeError');
    expect(failureSummary('jane@example.com')).toBe('unknown error');
    for (const error of [unique, new TypeError('jane@example.com')]) expect(failureSummary(error)).not.toContain('jane');
  });
});
