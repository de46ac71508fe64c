import { describe, expect, it } from 'vitest';
import { replayEffect } from './replayEffect';

describe('replayEffect', () => {
  it('says a replayed trigger runs its workflow again', () => {
    expect(replayEffect('automation')).toEqual({
      route: 'Automation trigger',
      effect: expect.stringContaining('workflow behind this trigger URL runs again'),
    });
  });

  it('says a replayed ESP event is applied to its message again', () => {
    expect(replayEffect('postmark').route).toBe('Postmark');
    expect(replayEffect('postmark').effect).toMatch(/applied again to its message/);
  });

  it('falls back to the route handling it again for a source it does not know', () => {
    expect(replayEffect('whatsapp-node')).toEqual({
      route: 'whatsapp-node',
      effect: 'The route that received it handles it again, as if it had just arrived.',
    });
  });
});
