import { relative } from 'node:path';
import type { DesignSpec, Plan } from '@leakrisk/survey';

/** A plan as its file holds it (what `loadPlan` reads), without the loader's absolute paths. */
export type PlanFile = Omit<Plan, 'file' | 'marginsFile'>;

/**
 * The plan for a released file: the researcher's plan with its design replaced by the release's
 * (`analysisDesign`: the full-sample weights and the replicate columns), everything else as it was
 * (derivations, calibration with its margins written in, analyses). Its `codebook` is the one
 * `anonymize` read the data with (`--codebook`, else the config's; none when neither), so that `analyze`
 * reads the released file as the audit's comparison did. Paths (`codebook`, `report`) are made relative
 * to `folder`, where the plan is written, so that it runs from there.
 */
export function releasedPlan(plan: Plan, design: DesignSpec, folder: string, codebook: string | undefined): PlanFile {
  const { file: _file, marginsFile: _margins, design: _design, codebook: _codebook, report, ...rest } = plan;
  return {
    ...(codebook === undefined ? {} : { codebook: portable(relative(folder, codebook)) }),
    ...(report === undefined ? {} : { report: portable(relative(folder, report)) }),
    ...rest,
    design,
  };
}

/** Forward slashes, so that the plan reads the same on Windows and elsewhere. */
function portable(path: string): string {
  return path.split('\\').join('/');
}
