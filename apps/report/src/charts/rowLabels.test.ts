import { describe, expect, it } from 'vitest';
import { typographyOf } from './common.js';
import { layoutRowLabels, rowBands } from './rowLabels.js';
import { textWidth } from './text/measure.js';

const wide = typographyOf({ id: 'x', title: '', description: '' });
const phone = typographyOf({ id: 'x', title: '', description: '', width: 360 });

describe('layoutRowLabels', () => {
  it('sizes a side column to the widest label when every label fits on one line', () => {
    const labels = layoutRowLabels([{ text: 'Punjab' }, { text: 'Khyber Pakhtunkhwa', bold: true }], 640, wide);
    expect(labels.mode).toBe('side');
    expect(labels.column).toBeCloseTo(textWidth('Khyber Pakhtunkhwa', { fontSize: 13, bold: true }), 6);
    expect(labels.blocks.map((block) => block.lines)).toEqual([['Punjab'], ['Khyber Pakhtunkhwa']]);
  });
  it('wraps long labels in a column of 38% of a wide drawing', () => {
    const labels = layoutRowLabels([{ text: 'Sharing with a partner is no reason to blame the person' }], 640, wide);
    expect(labels.mode).toBe('side');
    expect(labels.column).toBeLessThanOrEqual(640 * 0.38);
    expect(labels.blocks[0]!.lines.length).toBe(2);
  });
  it('on a phone, moves labels that need a second line above their rows', () => {
    expect(layoutRowLabels([{ text: 'Punjab' }, { text: 'Sindh' }], 360, phone).mode).toBe('side');
    const labels = layoutRowLabels([{ text: 'Sharing with a partner is no reason to blame the person' }, { text: 'Sindh' }], 360, phone);
    expect(labels.mode).toBe('above');
    expect(labels.column).toBe(0);
    expect(labels.blocks[0]!.lines).toEqual(['Sharing with a partner is no reason to blame the person']);
  });
});

describe('rowBands', () => {
  it('stacks rows without overlap, each band holding its label box and its marks', () => {
    const labels = layoutRowLabels([{ text: 'Sharing with a partner is no reason to blame the person' }, { text: 'Sindh' }], 360, phone);
    const bands = rowBands(labels, 10, 6, 2);
    expect(bands[0]!.top).toBe(10);
    expect(bands[1]!.top).toBeCloseTo(bands[0]!.top + bands[0]!.height, 6);
    for (const [index, band] of bands.entries()) {
      const block = labels.blocks[index]!;
      expect(band.labelY + block.top).toBeGreaterThanOrEqual(band.top);
      expect(band.labelY + block.bottom).toBeLessThan(band.middle - 6);
      expect(band.middle + 6).toBeLessThanOrEqual(band.top + band.height);
    }
  });
});
