import { durationInWords, mailTime, urlWithoutQuery } from './alert-wording';

describe('alert mail wording', () => {
  it('writes times in UTC to the minute', () => {
    expect(mailTime(new Date('2026-12-03T17:05:42.123Z'))).toBe('2026-12-03 17:05 UTC');
  });

  it.each([
    [30_000, 'less than a minute'],
    [60_000, '1 minute'],
    [35 * 60_000 + 59_000, '35 minutes'],
    [2 * 3_600_000 + 10 * 60_000, '2 hours 10 minutes'],
    [3_600_000, '1 hour'],
    [5 * 86_400_000 + 3 * 60_000, '5 days'],
    [86_400_000 + 4 * 3_600_000 + 7 * 60_000, '1 day 4 hours'],
  ])('writes %i ms as "%s"', (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });

  it('keeps a query, where receivers put tokens, out of the shown URL', () => {
    expect(urlWithoutQuery('https://crm.example.com/hooks/in?token=s3cret&x=1')).toBe('https://crm.example.com/hooks/in?…');
    expect(urlWithoutQuery('https://crm.example.com:8443/hooks')).toBe('https://crm.example.com:8443/hooks');
    expect(urlWithoutQuery('not a url?token=s3cret')).toBe('not a url?…');
  });
});
