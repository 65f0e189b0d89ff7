import { describe, expect, it } from 'vitest';
import { typographyOf } from './common.js';
import { lineBox } from './text/measure.js';
import { layoutText } from './textBlock.js';

describe('layoutText', () => {
  it('spaces Latin lines 1.3 em apart around the visual middle', () => {
    const typography = typographyOf({ id: 'x', title: '', description: '' });
    const block = layoutText('Victim blaming for leaked private images', 130, typography.regular, 3, typography);
    expect(block.lines).toHaveLength(3);
    expect(block.baselines[1]! - block.baselines[0]!).toBeCloseTo(16.9, 1);
    // The middle line's visual middle (0.36 em above its baseline) is the block's middle.
    expect(block.baselines[1]! - 0.36 * 13).toBeCloseTo(0, 6);
  });
  it('pushes Nastaliq lines apart so that tall letters clear the descenders above', () => {
    const typography = typographyOf({ id: 'x', title: '', description: '', rtl: true });
    // "تصحیح" stacks high; the line above ends in deep descenders.
    const block = layoutText('تعلیم ناقابلِ تصحیح کبھی', 60, typography.regular, 4, typography);
    expect(block.lines.length).toBeGreaterThan(1);
    for (let index = 1; index < block.lines.length; index += 1) {
      const above = lineBox(block.lines[index - 1]!, typography.regular);
      const below = lineBox(block.lines[index]!, typography.regular);
      const pitch = block.baselines[index]! - block.baselines[index - 1]!;
      expect(pitch).toBeGreaterThanOrEqual(above.below + below.above);
      expect(pitch).toBeGreaterThanOrEqual(1.9 * 15 - 0.05);
    }
  });
  it('reports the whole box of the block, Nastaliq ink included', () => {
    const typography = typographyOf({ id: 'x', title: '', description: '', rtl: true });
    const block = layoutText('کبھی', 200, typography.regular, 1, typography);
    expect(block.top).toBeCloseTo(block.baselines[0]! - lineBox('کبھی', typography.regular).above, 6);
    expect(-block.top).toBeGreaterThan(1.5 * 15);
  });
});
