import { describe, expect, it } from 'vitest';
import { dataTableHtml } from './dataTable.js';

describe('dataTableHtml', () => {
  it('isolates signed numbers, percentages and p-values as left-to-right runs, and nothing else', () => {
    const html = dataTableHtml(
      ['جز', 'تخمینہ', 'p', 'بنیاد'],
      [
        ['گاؤں', '-0.62', '<0.001', '30 سے کم'],
        ['شہر', '12.5%', '–', '1,981'],
      ],
      'جدول',
    );
    expect(html).toContain('<td class="num"><bdi dir="ltr">-0.62</bdi></td>');
    expect(html).toContain('<td class="num"><bdi dir="ltr">&lt;0.001</bdi></td>');
    expect(html).toContain('<td class="num"><bdi dir="ltr">12.5%</bdi></td>');
    expect(html).toContain('<td class="num"><bdi dir="ltr">1,981</bdi></td>');
    expect(html).toContain('<td class="num">30 سے کم</td>');
    expect(html).toContain('<td class="num">–</td>');
    expect(html).toContain('<th scope="row">گاؤں</th>');
  });
});
