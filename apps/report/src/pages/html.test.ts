import { describe, expect, it } from 'vitest';
import { escapeHtml, isolateLatinRuns } from './html.js';

describe('escapeHtml', () => {
  it('escapes markup and quotes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('isolateLatinRuns', () => {
  it('wraps Latin words and numbers in Urdu text, leaving tags and entities alone', () => {
    expect(isolateLatinRuns('<p class="x">95 فیصد CI: 2.5 تا 3.1 &amp; بس</p>')).toBe(
      '<p class="x"><bdi dir="ltr">95</bdi> فیصد <bdi dir="ltr">CI: 2.5</bdi> تا <bdi dir="ltr">3.1</bdi> &amp; بس</p>',
    );
  });
  it('does not touch text already isolated or inside SVG', () => {
    const html = '<bdi class="num" dir="ltr">12%</bdi> <svg><text>P50 2.9</text></svg>';
    expect(isolateLatinRuns(html)).toBe(html);
  });
});
