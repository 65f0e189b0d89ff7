import { describe, expect, it } from 'vitest';
import { distinctTexts, textColumn } from '@leakrisk/survey';
import { releasedPrivacy } from './releasedPrivacy.js';

// Written key cells of six records: two 99 (a missing code), one empty, three "a".
const key = distinctTexts(textColumn(['99', '99', '', 'a', 'a', 'a']));
const sensitive = { column: 's', codes: Int32Array.from([0, 0, 1, 0, 1, 2]), cardinality: 3 };
const missing = [new Set(['99'])];

describe('releasedPrivacy', () => {
  it('under self counts a missing code as a value of its own, the empty cell as the missing category', () => {
    // classes as written: {99, 99} (values 0, 0), {''} exempt (every key empty), {a, a, a}
    const self = releasedPrivacy([key], missing, [sensitive], { k: 3, l: { distinct: 2 }, missingMatches: 'self' }, 6);
    expect(self.minFk).toBe(2);
    expect(self.violatingRecords).toBe(2);
    expect(self.l).toEqual([{ column: 's', distinct: 1, entropy: 1 }]);
  });

  it('under any counts 99 and the empty cell alike as wildcards, as written', () => {
    // each missing record matches all six; each "a" matches itself, the two 99 and the empty one: 6
    const any = releasedPrivacy([key], missing, [sensitive], { k: 3, l: { distinct: 2 }, missingMatches: 'any' }, 6);
    expect(any.minFk).toBe(6);
    expect(any.violatingRecords).toBe(0);
    expect(any.l[0]!.distinct).toBe(3);
  });
});
