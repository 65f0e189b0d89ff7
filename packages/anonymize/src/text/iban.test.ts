import { describe, expect, it } from 'vitest';
import { detectIbans } from './iban.js';
import { scrubText } from './scrub.js';

describe('Pakistani IBANs', () => {
  it('replaces a valid IBAN, compact or grouped, any case', () => {
    expect(scrubText('IBAN PK36SCBL0000001123456702 pe').text).toBe('IBAN [IBAN] pe');
    expect(scrubText('account PK36 SCBL 0000 0011 2345 6702.').text).toBe('account [IBAN].');
    expect(scrubText('pk36scbl0000001123456702').text).toBe('[IBAN]');
  });

  it('rejects a wrong mod-97 check', () => {
    // PK36 is the right check for this BBAN; PK00 and PK37 are not
    expect(detectIbans('PK00SCBL0000001123456702')).toEqual([]);
    expect(detectIbans('PK37SCBL0000001123456702')).toEqual([]);
  });
});
