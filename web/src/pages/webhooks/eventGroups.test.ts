import { describe, expect, it } from 'vitest';
import { eventDomain, eventGroups } from './eventGroups';

const rows = ['contact.created', 'message.sent', 'contact.deleted', 'message.bounced', 'whatsapp.message.received', 'ping'].map((type) => ({ type }));
const describe_ = (type: string) => (type === 'message.bounced' ? 'The recipient server refused the email' : `About ${type}`);

describe('eventGroups', () => {
  it('groups rows by domain in first-seen order, keeping catalog order inside a group', () => {
    expect(eventDomain('whatsapp.message.received')).toBe('whatsapp');
    expect(eventGroups(rows, describe_, '')).toEqual([
      { domain: 'contact', indexes: [0, 2] },
      { domain: 'message', indexes: [1, 3] },
      { domain: 'whatsapp', indexes: [4] },
      { domain: 'ping', indexes: [5] },
    ]);
  });

  it('keeps only rows whose type or description matches the filter, dropping emptied groups', () => {
    expect(eventGroups(rows, describe_, ' REFUSED ')).toEqual([{ domain: 'message', indexes: [3] }]);
    expect(eventGroups(rows, describe_, 'deleted')).toEqual([{ domain: 'contact', indexes: [2] }]);
    expect(eventGroups(rows, describe_, 'nothing like it')).toEqual([]);
  });
});
