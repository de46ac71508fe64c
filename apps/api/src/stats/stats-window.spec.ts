import { statsWindow } from './stats-window';

describe('statsWindow', () => {
  it('ends with the interval now is in and spans the range in whole intervals', () => {
    const now = new Date('2026-12-03T17:42:10.000Z');
    expect(statsWindow('1h', now)).toEqual({ since: new Date('2026-12-03T16:45:00.000Z'), until: new Date('2026-12-03T17:45:00.000Z'), intervalSeconds: 300 });
    expect(statsWindow('24h', now)).toEqual({ since: new Date('2026-12-02T18:00:00.000Z'), until: new Date('2026-12-03T18:00:00.000Z'), intervalSeconds: 3600 });
    expect(statsWindow('7d', now)).toEqual({ since: new Date('2026-11-26T18:00:00.000Z'), until: new Date('2026-12-03T18:00:00.000Z'), intervalSeconds: 21600 });
  });
});
