import { describe, expect, it } from 'vitest';
import { LATENT_DISTRIBUTIONS, type LatentValues, type OrdinalLink } from './ordinalLinks.js';
import { expectClose } from './testFixtures.js';

const points = [-3.5, -0.2, 0, 1.7, 12];

// R 4.2: plogis/dlogis, pnorm/dnorm, survey:::pgumbel/dgumbel at the points, lower.tail = TRUE and FALSE.
const expected: Record<OrdinalLink, { lower: number[]; upper: number[]; density: number[] }> = {
  logit: {
    lower: [0.029312230751356319, 0.45016600268752216, 0.5, 0.84553473491646525, 0.99999385582539779],
    upper: [0.97068776924864364, 0.54983399731247795, 0.5, 0.1544652650835347, 6.1441746022147182e-6],
    density: [0.028453023879735556, 0.24751657271185998, 0.25, 0.13060574696620805, 6.1441368513331755e-6],
  },
  probit: {
    lower: [0.00023262907903552494, 0.42074029056089696, 0.5, 0.95543453724145699, 1],
    upper: [0.99976737092096446, 0.57925970943910299, 0.5, 0.044565462758543041, 1.776482112077679e-33],
    density: [0.00087268269504576015, 0.39104269397545588, 0.3989422804014327, 0.094049077376886947, 2.1463837356630605e-32],
  },
  cloglog: {
    lower: [4.1508969201090453e-15, 0.29481632072915814, 0.36787944117144233, 0.83303174853622064, 0.99999385580652234],
    upper: [0.99999999999999589, 0.70518367927084191, 0.63212055882855767, 0.16696825146377936, 6.1441934776640394e-6],
    density: [1.3745882754335499e-13, 0.36008946728922703, 0.36787944117144233, 0.15218117547040827, 6.1441746020987441e-6],
  },
};

describe('latent distributions of the ordinal links (R: plogis, pnorm, survey:::pgumbel)', () => {
  for (const link of ['logit', 'probit', 'cloglog'] as const) {
    it(`${link}: F, 1 − F (in the tail) and f as R computes them`, () => {
      const out: LatentValues = { lower: 0, upper: 0, density: 0, slope: 0 };
      points.forEach((x, k) => {
        LATENT_DISTRIBUTIONS[link].evaluate(x, out);
        expectClose(out.lower, expected[link].lower[k]!, `${link} F(${x})`, 1e-13);
        // R's pgumbel(lower.tail = FALSE) is 1 − F, which loses digits far in the tail; ours is −expm1(−e^(−x))
        expectClose(out.upper, expected[link].upper[k]!, `${link} 1 − F(${x})`, link === 'cloglog' ? 1e-10 : 1e-13);
        expectClose(out.density, expected[link].density[k]!, `${link} f(${x})`, 1e-13);
      });
    });

    it(`${link}: f′ is the derivative of f, and the quantile inverts F`, () => {
      const out: LatentValues = { lower: 0, upper: 0, density: 0, slope: 0 };
      const h = 1e-5;
      for (const x of [-2.2, -0.3, 0.4, 1.9]) {
        LATENT_DISTRIBUTIONS[link].evaluate(x + h, out);
        const above = out.density;
        LATENT_DISTRIBUTIONS[link].evaluate(x - h, out);
        const below = out.density;
        LATENT_DISTRIBUTIONS[link].evaluate(x, out);
        expect(Math.abs(out.slope - (above - below) / (2 * h))).toBeLessThan(1e-9);
        expectClose(LATENT_DISTRIBUTIONS[link].quantile(out.lower), x, `${link} quantile(F(${x}))`, 1e-12);
      }
    });
  }
});
