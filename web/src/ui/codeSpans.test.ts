import { describe, expect, it } from 'vitest';
import { codeSpans } from './codeSpans';

describe('codeSpans', () => {
  it('turns backticked words into code pieces', () => {
    expect(codeSpans('Sent when `status` becomes `bounced`.')).toEqual([
      { text: 'Sent when ', code: false },
      { text: 'status', code: true },
      { text: ' becomes ', code: false },
      { text: 'bounced', code: true },
      { text: '.', code: false },
    ]);
  });

  it('leaves text without backticks, and an unpaired backtick, as it is', () => {
    expect(codeSpans('A contact was created.')).toEqual([{ text: 'A contact was created.', code: false }]);
    expect(codeSpans('half `open')).toEqual([{ text: 'half `open', code: false }]);
  });
});
