import { describe, expect, it } from 'vitest';
import { dictionaryColumn, utf8Column } from '@leakrisk/survey';
import { formulaCells } from './formulaCells.js';

describe('formulaCells', () => {
  it('counts the cells that would start a formula, in a dictionary and in UTF-8 texts', () => {
    expect(formulaCells(dictionaryColumn(Int32Array.from([0, 1, 1, 2, -1]), ['=1+1', '@SUM(A1)', '-2.5']))).toBe(3);
    const texts = ['+cmd|x', '-1e5', 'ok', '=HYPERLINK("x")'];
    const bytes = Buffer.from(texts.join(''), 'utf8');
    const start = new Uint32Array(4);
    const end = new Uint32Array(4);
    let at = 0;
    texts.forEach((text, i) => {
      start[i] = at;
      at += Buffer.byteLength(text);
      end[i] = at;
    });
    expect(formulaCells(utf8Column(bytes, start, end))).toBe(2);
  });
});
