import { describe, expect, it } from 'vitest';
import { detectHandles } from './handle.js';
import { scrubText } from './scrub.js';

describe('social-media handles', () => {
  it('replaces handles but not a sentence-ending dot', () => {
    expect(scrubText('follow @sana_k and @ali.raza.').text).toBe('follow [HANDLE] and [HANDLE].');
    expect(scrubText('@bilal_official ne video post ki').text).toBe('[HANDLE] ne video post ki');
  });

  it('does not take the @ of an email or a clock time', () => {
    expect(detectHandles('zainab@example.pk')).toEqual([]);
    expect(detectHandles('meeting @10pm')).toEqual([]);
    expect(detectHandles('follow @sana_k.')).toEqual([{ start: 7, end: 14, type: 'HANDLE' }]);
  });
});
