import { describe, expect, it } from 'vitest';
import type { AnalysisResult } from '../results/types.js';
import { chooseGroupings } from './groupings.js';

const analyses: AnalysisResult[] = [
  { id: 'a', type: 'mean', variable: 'x', by: ['region'], rows: [] },
  { id: 'b', type: 'mean', variable: 'x', by: 'area', rows: [] },
  { id: 'c', type: 'proportion', variable: 'y', by: ['region', 'sex'], rows: [] },
];

describe('chooseGroupings', () => {
  it('shows every grouping of the results, in plan order, without settings', () => {
    expect(chooseGroupings(analyses, undefined, [])).toEqual(['region', 'area', 'sex']);
  });
  it('shows the settings’ groupings in their order, and warns about the rest', () => {
    const warnings: string[] = [];
    expect(chooseGroupings(analyses, ['area', 'region', 'province'], warnings)).toEqual(['area', 'region']);
    expect(warnings).toEqual([
      'the report settings list the grouping "province", but no analysis in the results is by "province"',
      'results by "sex" are not shown: the report settings\' "groupings" leave it out',
    ]);
  });
});
