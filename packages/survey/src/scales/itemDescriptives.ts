import { max, mean, min, sampleStandardDeviation } from 'simple-statistics';

/** An item's mean and standard deviation over the respondents who answered it. */
export interface ItemDescriptives {
  /** Mean of the answers, a reverse-keyed item re-scored first (psych `item.stats$mean`); null with no answer. */
  mean: number | null;
  /** Sample standard deviation, n − 1 divisor (psych `item.stats$sd`); null with fewer than two answers. */
  sd: number | null;
}

/**
 * Unweighted item means and standard deviations, as `psych::alpha(x, keys)` reports them in
 * `item.stats`: each over the item's own answers (`na.rm = TRUE`). psych re-scores a reverse-keyed
 * item as max + min − x, with the smallest and largest answer over all the items, before taking its
 * mean; its standard deviation is unchanged by that. `items` are the scale's items after psych drops
 * those without variance. Plain unweighted statistics, so simple-statistics computes them.
 *
 * @example
 * itemDescriptives([[1, 2, 3], [5, NaN, 4]], [false, true]) // [{ mean: 2, sd: 1 }, { mean: 1.5, sd: 0.7071… }]
 */
export function itemDescriptives(items: ReadonlyArray<ArrayLike<number>>, reversed: readonly boolean[]): ItemDescriptives[] {
  const answers = items.map(answered);
  const all = answers.flat();
  const flip = reversed.some(Boolean) && all.length > 0 ? max(all) + min(all) : 0;
  return answers.map((values, j) => {
    const m = values.length > 0 ? mean(values) : null;
    return {
      mean: m === null || !reversed[j] ? m : flip - m,
      sd: values.length > 1 ? sampleStandardDeviation(values) : null,
    };
  });
}

/** The answers of one item (its values that are not NaN). */
function answered(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const x = values[i]!;
    if (x === x) out.push(x);
  }
  return out;
}
