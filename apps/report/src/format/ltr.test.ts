import { describe, expect, it } from 'vitest';
import { LRI, PDI, isolateNumbers, isolateNumbersInHtml, ltrRun } from './ltr.js';

const iso = (text: string) => `${LRI}${text}${PDI}`;

describe('ltrRun', () => {
  it('wraps a formatted number in a left-to-right isolate', () => {
    expect(ltrRun('-0.50')).toBe('\u2066-0.50\u2069');
  });
});

describe('isolateNumbers', () => {
  it('keeps a negative sign with its number', () => {
    expect(isolateNumbers('-0.50')).toBe(iso('-0.50'));
    expect(isolateNumbers('فرق −1.25 رہا')).toBe(`فرق ${iso('−1.25')} رہا`);
  });
  it('keeps a p-value with its relation and name, BH adjustment included', () => {
    expect(isolateNumbers('تصحیح شدہ p < 0.001')).toBe(`تصحیح شدہ ${iso('p < 0.001')}`);
    expect(isolateNumbers('p (BH) = 0.016')).toBe(iso('p (BH) = 0.016'));
    expect(isolateNumbers('≥ 30')).toBe(iso('≥ 30'));
  });
  it('keeps both ends of an interval, age bands and dates in one run', () => {
    expect(isolateNumbers('(2.70–2.95)')).toBe(`(${iso('2.70–2.95')})`);
    expect(isolateNumbers('عمر 18-25')).toBe(`عمر ${iso('18-25')}`);
    expect(isolateNumbers('2026-11-25')).toBe(iso('2026-11-25'));
  });
  it('takes thousands separators and percent signs but not a comma that ends a clause', () => {
    expect(isolateNumbers('1,981 اور 42%، 3, 4')).toBe(`${iso('1,981')} اور ${iso('42%')}، ${iso('3')}, ${iso('4')}`);
  });
  it('leaves hyphenated words, text without digits and runs already isolated alone', () => {
    expect(isolateNumbers('k-anonymity')).toBe('k-anonymity');
    expect(isolateNumbers('کوئی فرق نہیں')).toBe('کوئی فرق نہیں');
    expect(isolateNumbers(iso('-0.50'))).toBe(iso('-0.50'));
  });
});

describe('isolateNumbersInHtml', () => {
  it('wraps expressions in text and table cells in <bdi dir="ltr">, escaped relations included', () => {
    expect(isolateNumbersInHtml('<td class="num">-0.42</td><p>تصحیح شدہ p &lt; 0.001۔</p>')).toBe(
      '<td class="num"><bdi dir="ltr">-0.42</bdi></td><p>تصحیح شدہ <bdi dir="ltr">p &lt; 0.001</bdi>۔</p>',
    );
  });
  it('leaves tags, attributes, character references, SVG and existing isolates alone', () => {
    const html = '<a href="x-1.html" title="-1">it&#39;s</a><svg><text>-0.5</text></svg><bdi dir="ltr">-3</bdi>';
    expect(isolateNumbersInHtml(html)).toBe(html);
  });
});
