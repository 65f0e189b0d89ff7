// A small SPSS .sav writer for the benchmarks only (not part of the toolkit): bytecode-compressed,
// UTF-8, numeric and string variables (up to 255 bytes), long variable names, optional value labels
// and user-missing values. It follows PSPP's "System File Format" documentation.
// Usage: node packages/survey/bench/savWriter.mjs survey.csv survey.sav   (converts the bench CSV)
//        node packages/survey/bench/savWriter.mjs --rows 1000000 survey.sav (generates, then converts)
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSurvey } from './generate.mjs';

const BIAS = 100;
const SYSMIS = -Number.MAX_VALUE;

/**
 * Writes a .sav file.
 * @param {string} path
 * @param {{ name: string, values: Float64Array | string[], width?: number, label?: string,
 *           valueLabels?: [number, string][], missing?: number[] }[]} columns
 *        numeric columns hold a Float64Array (NaN = system-missing), string columns a string[] and a width
 */
export async function writeSav(path, columns) {
  const nrow = columns[0]?.values.length ?? 0;
  const slotsOf = (c) => (c.width === undefined ? 1 : Math.ceil(c.width / 8));
  const totalSlots = columns.reduce((n, c) => n + slotsOf(c), 0);
  const shortNames = columns.map((_, j) => `V${String(j + 1).padStart(5, '0')}`);
  const parts = [];
  const int32 = (v) => {
    const b = Buffer.alloc(4);
    b.writeInt32LE(v);
    return b;
  };
  const float64 = (v) => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(v);
    return b;
  };
  const padded = (text, length) => {
    const b = Buffer.alloc(length, 0x20);
    Buffer.from(text, 'utf8').copy(b, 0, 0, length);
    return b;
  };
  // header
  parts.push(Buffer.from('$FL2', 'latin1'), padded('@(#) SPSS DATA FILE leakrisk bench writer', 60));
  parts.push(int32(2), int32(totalSlots), int32(1), int32(0), int32(nrow), float64(BIAS));
  parts.push(padded('01 Jan 24', 9), padded('00:00:00', 8), padded('leakrisk benchmark (synthetic)', 64), Buffer.alloc(3));
  // variable records
  columns.forEach((c, j) => {
    const width = c.width ?? 0;
    const format = width === 0 ? (5 << 16) | (8 << 8) | 2 : (1 << 16) | (width << 8);
    const label = c.label === undefined ? undefined : Buffer.from(c.label, 'utf8');
    const missing = c.missing ?? [];
    parts.push(int32(2), int32(width), int32(label ? 1 : 0), int32(missing.length), int32(format), int32(format), padded(shortNames[j], 8));
    if (label) parts.push(int32(label.length), label, Buffer.alloc((4 - (label.length % 4)) % 4));
    for (const m of missing) parts.push(float64(m));
    for (let k = 1; k < slotsOf(c); k++) parts.push(int32(2), int32(-1), int32(0), int32(0), int32(0), int32(0), padded('', 8));
  });
  // value labels
  let index = 1;
  for (const c of columns) {
    if (c.valueLabels?.length) {
      parts.push(int32(3), int32(c.valueLabels.length));
      for (const [value, text] of c.valueLabels) {
        const label = Buffer.from(text, 'utf8');
        parts.push(float64(value), Buffer.from([label.length]), label, Buffer.alloc((8 - ((label.length + 1) % 8)) % 8));
      }
      parts.push(int32(4), int32(1), int32(index));
    }
    index += slotsOf(c);
  }
  // machine integer info (UTF-8), long names, encoding, termination
  parts.push(int32(7), int32(3), int32(4), int32(8), ...[1, 0, 0, -1, 1, 1, 2, 65001].map(int32));
  const names = Buffer.from(columns.map((c, j) => `${shortNames[j]}=${c.name}`).join('\t'), 'utf8');
  parts.push(int32(7), int32(13), int32(1), int32(names.length), names);
  const encoding = Buffer.from('UTF-8', 'latin1');
  parts.push(int32(7), int32(20), int32(1), int32(encoding.length), encoding);
  parts.push(int32(999), int32(0));

  const stream = createWriteStream(path);
  stream.write(Buffer.concat(parts));
  // data: bytecode compression, 8 codes then the literal values they call for
  const chunk = Buffer.alloc(1 << 22);
  let used = 0;
  const flushIfFull = async () => {
    if (used > chunk.length - 4096) {
      if (!stream.write(Buffer.from(chunk.subarray(0, used)))) await once(stream, 'drain');
      used = 0;
    }
  };
  let codes = Buffer.alloc(8);
  let k = 0;
  const literals = [];
  const emit = (code, literal) => {
    codes[k++] = code;
    if (literal) literals.push(literal);
    if (k === 8) {
      codes.copy(chunk, used);
      used += 8;
      for (const l of literals) {
        l.copy(chunk, used);
        used += 8;
      }
      literals.length = 0;
      codes = Buffer.alloc(8);
      k = 0;
    }
  };
  for (let i = 0; i < nrow; i++) {
    for (const c of columns) {
      if (c.width === undefined) {
        const v = c.values[i];
        if (Number.isNaN(v)) emit(255);
        else if (Number.isInteger(v) && v >= 1 - BIAS && v <= 251 - BIAS) emit(v + BIAS);
        else emit(253, float64(v === SYSMIS ? SYSMIS : v));
      } else {
        const bytes = padded(c.values[i], slotsOf(c) * 8);
        for (let s = 0; s < slotsOf(c); s++) {
          const piece = bytes.subarray(s * 8, s * 8 + 8);
          if (piece.every((b) => b === 0x20)) emit(254);
          else emit(253, Buffer.from(piece));
        }
      }
    }
    await flushIfFull();
  }
  if (k > 0) {
    while (k < 8) codes[k++] = 0;
    codes.copy(chunk, used);
    used += 8;
    for (const l of literals) {
      l.copy(chunk, used);
      used += 8;
    }
  }
  stream.end(Buffer.from(chunk.subarray(0, used)));
  await once(stream, 'finish');
}

/** Converts the benchmark CSV (generate.mjs) to .sav: numbers as numbers, the categorical columns as strings. */
export async function benchCsvToSav(csvPath, savPath) {
  const lines = readFileSync(csvPath, 'utf8').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const header = lines[0].split(',');
  const n = lines.length - 1;
  const text = new Set(['stratum', 'gender', 'province', 'area', 'blames_victim']);
  const columns = header.map((name) => (text.has(name) ? { name, values: new Array(n), width: 0 } : { name, values: new Float64Array(n) }));
  for (let i = 0; i < n; i++) {
    const cells = lines[i + 1].split(',');
    for (let j = 0; j < columns.length; j++) {
      const c = columns[j];
      if (c.width === undefined) c.values[i] = cells[j] === '' ? Number.NaN : Number(cells[j]);
      else {
        c.values[i] = cells[j];
        c.width = Math.max(c.width, Buffer.byteLength(cells[j]));
      }
    }
  }
  await writeSav(savPath, columns);
}

/**
 * The analysis benchmark's survey (generate.mjs, same seed, same rows) as an SPSS file: the same data
 * as the CSV, for timing `analyze --data survey.sav` against `--data survey.csv` with the same plan.
 * @returns {Promise<{ path: string, rows: number }>}
 */
export async function generateSurveySav({ rows = 1_000_000, seed, out }) {
  const folder = mkdtempSync(join(tmpdir(), 'leakrisk-sav-'));
  try {
    const { path: csv } = await generateSurvey({ rows, seed, out: join(folder, 'survey.csv') });
    await benchCsvToSav(csv, out);
    return { path: out, rows };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  if (args[0] === '--rows') console.log((await generateSurveySav({ rows: Number(args[1]), out: args[2] })).path);
  else {
    await benchCsvToSav(args[0], args[1]);
    console.log(args[1]);
  }
}
