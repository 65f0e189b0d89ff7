import { basename } from 'node:path';
import type { DraftColumn } from '@leakrisk/anonymize';
import type { AnonymizationDraft } from './draftAnonymization.js';
import type { DesignDraft, PlanDraft } from './draftPlan.js';

/** How each action reads in the README's table. */
const ACTION_WORDS: Record<string, string> = {
  drop: 'dropped',
  pseudonymize: 'pseudonymized (keyed code)',
  scrub: 'free text, scrubbed of personal data',
  keep: 'kept as it is',
  quasi: 'quasi-identifier (may be generalised or suppressed)',
  dateShift: 'date shifted',
};

export interface ReadmeInput {
  data: string;
  /** The study folder as the user named it. */
  study: string;
  codebookFrom: string;
  anonymization: AnonymizationDraft;
  design: DesignDraft;
  plan: PlanDraft;
  analyses: number;
}

/** The study folder's README.md: the decisions `init` took, each for the researcher to review, and the commands to run. */
export function studyReadme(input: ReadmeInput): string {
  const { anonymization, design, plan } = input;
  const data = basename(input.data);
  const study = input.study.replace(/\/+$/, '');
  const rows = Object.entries(anonymization.config.columns).map(([name, entry]) => `| \`${name}\` | ${describe(entry)} |`);
  const lines = [
    '# Study drafted by `leakrisk init`',
    '',
    `Drafted from \`${data}\` with the codebook drawn from \`${basename(input.codebookFrom)}\`. Every file here runs`,
    'as it is; review each decision below before you publish anything.',
    '',
    '## Run it',
    '',
    '```sh',
    'leakrisk keygen --out ~/.leakrisk/key.txt        # once; keep the key away from the data',
    'export LEAKRISK_KEY=$(cat ~/.leakrisk/key.txt)',
    `leakrisk anonymize --data ${input.data} --config ${study}/anonymize.json --out ${study}/anon.csv --audit ${study}/results/audit.json`,
    `leakrisk analyze --data ${study}/anon.csv --plan ${study}/plan.json --out ${study}/results`,
    `leakrisk report --results ${study}/results --out ${study}/site`,
    '```',
    '',
    '(Run from the folder you ran `leakrisk init` in.)',
    '',
    '## Design assumption (plan.json)',
    '',
    `The plan assumes ${design.assumption}`,
    '',
    '## Anonymization (anonymize.json)',
    '',
    `k = ${anonymization.config.privacy.k}; a trial run on this data achieved k = ${anonymization.achieved.k} with ${Math.round(anonymization.achieved.suppressedShare * 1000) / 10}% of records suppressed` +
      (anonymization.achieved.generalised.length > 0 ? `, generalising ${anonymization.achieved.generalised.join(', ')}.` : '.'),
    anonymization.config.keyFrom === undefined ? '' : 'Pseudonyms need the key in `LEAKRISK_KEY` (`keyFrom`); the same key gives the same codes.',
    '',
    '| column | decision |',
    '| --- | --- |',
    ...rows,
    '',
    '### Why',
    '',
    ...anonymization.decisions.map((decision) => `- ${decision}`),
    '',
    '## Analyses (plan.json)',
    '',
    `${input.analyses} analyses: a distribution of every categorical answer, a mean of every numeric, Likert and yes/no (0/1) answer` +
      (plan.groupings.length > 0 ? `, each also by ${plan.groupings.map((g) => `\`${g}\``).join(', ')}` : '') +
      (plan.scales.length > 0
        ? `, and Cronbach's alpha of ${plan.scales.map((s) => `${s.id} (${s.items.join(', ')}${s.reverse.length > 0 ? `; reverse-keyed, as their answers run against the others: ${s.reverse.join(', ')}` : ''})`).join('; ')}`
        : '') +
      '. The report shows the groupings listed in report.json.',
    '',
    '## Report (report.json)',
    '',
    'Title and source come from the form; there is no synthetic-data banner and no help contacts: add `contacts` if',
    'the subject may distress readers, and `contentNote` for a content warning.',
    '',
  ];
  return `${lines.join('\n')}`;
}

function describe(entry: DraftColumn): string {
  if (typeof entry === 'string') return ACTION_WORDS[entry] ?? entry;
  const spec = entry as { role: string; recode?: { bands: number[] }; hierarchy?: string; maxDays?: number };
  const base = ACTION_WORDS[spec.role] ?? spec.role;
  if (spec.recode !== undefined) return `${base}, in bands from ${spec.recode.bands.join(', ')}`;
  if (spec.hierarchy !== undefined) return `${base}, hierarchy \`${spec.hierarchy}\``;
  return base;
}
