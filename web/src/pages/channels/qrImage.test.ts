import { describe, expect, it } from 'vitest';
import { qrImageUrl } from './qrImage';

describe('qrImageUrl', () => {
  it('draws the QR content as a GIF data URL, different for different content', () => {
    const a = qrImageUrl('2@abc123,def456,ghi789==');
    const b = qrImageUrl('2@other,content,here==');
    expect(a).toMatch(/^data:image\/gif;base64,R0lGOD/);
    expect(a).not.toBe(b);
  });
});
