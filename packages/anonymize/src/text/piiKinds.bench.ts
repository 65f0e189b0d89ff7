/**
 * Times `piiKindsIn` over 1,000,000 cells of kept-column shapes. Run on demand only (it is not a test):
 *
 *   cd packages/anonymize && npx tsx src/text/piiKinds.bench.ts [cells]
 *
 * - `categories`: a coded column (province, Likert words, yes/no, bands) — each distinct value is
 *   remembered, so this is one lookup per cell;
 * - `numbers`: distinct numbers (ages, amounts with decimals, counts, years, dates);
 * - `words`: distinct short answers without digits ("acha theek zaroor" …);
 * - `ids`: distinct codes with letters and digits (`R000123-ab`);
 * - `names`: distinct person names (a kept column that lists people), where every cell is checked.
 */
import { piiKindsIn } from './piiKinds.js';

const cells = Number(process.argv[2] ?? 1_000_000);
let state = 12345;
const next = (n: number): number => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0;
  return state % n;
};
const words =
  'acha theek zaroor kabhi shayad sach galat sahi dukh afsos sharam insaaf haq log video share report block account help safe privacy trust fear family friends school office'.split(
    ' ',
  );
const given = ['Ayesha', 'Fatima', 'Bilal', 'Hamza', 'Sana', 'Usman', 'Hina', 'Imran', 'Zainab', 'Asad'];
const family = ['Khan', 'Malik', 'Butt', 'Qureshi', 'Sheikh', 'Raza', 'Shah', 'Awan', 'Iqbal', 'Javed'];
const categories = [
  'Punjab',
  'Sindh',
  'Khyber Pakhtunkhwa',
  'Strongly agree',
  'Disagree',
  'yes',
  'no',
  '25-34',
  '35-44',
  'پنجاب',
  'ہاں',
  'Urban (city or town)',
];
const workloads: Record<string, (i: number) => string> = {
  categories: () => categories[next(categories.length)]!,
  numbers: (i) => [String(18 + (i % 70)), `${i}.${i % 100}`, String(i), `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`][i % 4]!,
  words: (i) => `${words[next(words.length)]} ${words[next(words.length)]} ${words[next(words.length)]} ${i % 7 === 0 ? words[next(words.length)] : ''}`.trim(),
  ids: (i) => `R${String(i).padStart(6, '0')}-${words[i % words.length]!.slice(0, 2)}`,
  names: (i) => `${given[next(given.length)]} ${family[next(family.length)]}${i % 3 === 0 ? ` ${family[next(family.length)]}` : ''}`,
};
for (const [name, make] of Object.entries(workloads)) {
  const values = Array.from({ length: cells }, (_, i) => make(i));
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  let hits = 0;
  for (let i = 0; i < values.length; i++) if (piiKindsIn(values[i]!).length > 0) hits++;
  const cpu = process.cpuUsage(cpuBefore);
  const seconds = (performance.now() - started) / 1000;
  // on a shared machine wall time includes waiting for a core; CPU time is what the check costs
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(
    `${name.padEnd(11)} ${cells.toLocaleString('en')} cells: ${cpuSeconds.toFixed(3)} s CPU (${seconds.toFixed(3)} s wall), ${hits.toLocaleString('en')} look like personal data`,
  );
}
