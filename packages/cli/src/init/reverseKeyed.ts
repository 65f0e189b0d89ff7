import { missingCodesOf, type Codebook, type Table } from '@leakrisk/survey';

/**
 * The items of a scale that run against the others: those whose answers correlate negatively with
 * the mean of the other items (over respondents who answered them all, missing codes left out), as
 * `psych::alpha(check.keys = TRUE)` would flag them. The plan names them in `reverse`, so that alpha
 * is computed with them re-keyed and the researcher sees which they are. When half the items or
 * more run against the rest, the items are no scale in either direction and none is named.
 */
export function reverseKeyed(table: Table, codebook: Codebook, items: readonly string[]): string[] {
  const values = items.map((name) => {
    const column = table.columns[table.header.indexOf(name)]!;
    const missing = missingCodesOf(codebook, name);
    const numbers = new Float64Array(column.length);
    for (let i = 0; i < column.length; i++) {
      const cell = column.get(i);
      numbers[i] = cell === '' || missing.has(cell) ? Number.NaN : Number(cell);
    }
    return numbers;
  });
  const n = table.nrow;
  const against = items.filter((_, j) => {
    const x: number[] = [];
    const rest: number[] = [];
    for (let i = 0; i < n; i++) {
      let sum = 0;
      let complete = true;
      for (let k = 0; k < values.length; k++) {
        const v = values[k]![i]!;
        if (Number.isNaN(v)) complete = false;
        else if (k !== j) sum += v;
      }
      if (!complete) continue;
      x.push(values[j]![i]!);
      rest.push(sum);
    }
    return correlation(x, rest) < 0;
  });
  // Items that mostly run against each other are no scale in either direction: none is re-keyed.
  return against.length * 2 < items.length ? against : [];
}

function correlation(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 3) return 0;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i]! - mx) * (y[i]! - my);
    sxx += (x[i]! - mx) ** 2;
    syy += (y[i]! - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}
