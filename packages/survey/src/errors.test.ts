import { describe, expect, it } from 'vitest';
import { cellInMessage, describeShape, valuesInMessage } from './errors.js';

describe('cellInMessage', () => {
  it('shows short numbers and lower-case levels of a plainly kept column', () => {
    expect(cellInMessage('abc', true)).toBe('"abc"');
    expect(cellInMessage('-2.5', true)).toBe('"-2.5"');
    expect(cellInMessage('1999', true)).toBe('"1999"');
    expect(cellInMessage('dont know', true)).toBe('"dont know"');
  });

  it('never shows a value of a column that is not plainly kept', () => {
    expect(cellInMessage('abc', false)).toBe('a text of 3 characters');
    expect(cellInMessage('42', false)).toBe('a text of 2 characters, all digits');
  });

  it('describes values that could identify someone, even in a kept column', () => {
    expect(cellInMessage('35202-1234567-1', true)).toBe('a text of 15 characters, 13 of them digits');
    expect(cellInMessage('03001234567', true)).toBe('a text of 11 characters, all digits');
    expect(cellInMessage('Ayesha', true)).toBe('a text of 6 characters');
    expect(cellInMessage('a@b.pk', true)).toBe('a text of 6 characters');
    expect(cellInMessage('عائشہ', true)).toBe('a text of 5 characters');
    expect(cellInMessage('۰۳۰۰۱۲۳۴۵۶۷', true)).toBe('a text of 11 characters, all digits');
    expect(cellInMessage('', true)).toBe('an empty cell');
  });

  it('counts characters, not UTF-16 units', () => {
    expect(describeShape('😀1')).toBe('a text of 2 characters, 1 of them digit');
  });
});

describe('valuesInMessage', () => {
  it('lists plainly harmless values and counts the others, which it never shows', () => {
    expect(valuesInMessage(['female', 'male'])).toBe('"female", "male"');
    expect(valuesInMessage(['No', 'Yes'])).toBe('2 values, not shown (they may identify someone)');
    expect(valuesInMessage(['female', '0300-1234567'])).toBe('"female" and 1 more value, not shown (it may identify someone)');
    expect(valuesInMessage(['1', '2', '3', '4'], 2)).toBe('"1", "2" and 2 more values, not shown (they may identify someone)');
  });
});
