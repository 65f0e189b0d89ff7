/**
 * A cell's text as a number exactly as R's `as.numeric` reads it (`String2Real` → `R_strtod`, R 4.2),
 * or `undefined` where R gives NA with "NAs introduced by coercion". Accepted, as R accepts them:
 * - ASCII white space before (`"  12"`) and white space after (`"12 "`, also the Unicode spaces that
 *   C's `iswspace` knows, such as U+3000; never a no-break space);
 * - an optional sign, then decimal digits with an optional point (`12`, `.5`, `5.`), then an optional
 *   exponent whose digits may be missing (`1e5`, `1E-3`, and `1e`, `1e+` read as 1);
 * - hexadecimal after `0x`/`0X` (`0x1F` is 31), with a point and a binary exponent (`0x1.8p1` is 3);
 * - `NaN`, `Inf` and `Infinity` in any case, signed.
 * Refused, as R refuses them: `""`, `" "`, `1_000`, `1,5`, `TRUE`, `12L`, `0b1`, `0x`, `1d5`, `1 2`,
 * `+-1`, `.`, a no-break space, Arabic-Indic digits. `NaN` comes back as NaN, which every caller
 * treats as missing (R's `is.na(NaN)` is TRUE).
 *
 * The expected values come from R itself: packages/survey/test/fixtures/asNumeric.json
 * (scripts/reference/asNumeric.R).
 */
export function readNumber(cell: string): number | undefined {
  const len = cell.length;
  // Fast path: plain integers, the bulk of survey data.
  if (len > 0 && len < 16) {
    let value = 0;
    let i = cell.charCodeAt(0) === 45 /* - */ ? 1 : 0;
    const from = i;
    for (; i < len; i++) {
      const c = cell.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
    }
    if (i === len && i > from) return from === 1 ? -value : value;
  }
  let p = 0;
  while (p < len && isAsciiSpace(cell.charCodeAt(p))) p++;
  let sign = 1;
  if (cell[p] === '-') {
    sign = -1;
    p++;
  } else if (cell[p] === '+') p++;
  const read = readUnsigned(cell, p);
  if (read === undefined) return undefined;
  for (let q = read.end; q < len; q++) if (!isTrailingSpace(cell.charCodeAt(q))) return undefined;
  return sign * read.value;
}

/**
 * {@link readNumber} with NaN for a text R does not read as a number (and for `NaN` itself): for
 * callers to whom NaN means "missing or not a number".
 */
export function parseNumberText(cell: string): number {
  return readNumber(cell) ?? Number.NaN;
}

/** {@link ColumnAccess.readNumbers} for cells read one text at a time. */
export function numbersOfTexts(length: number, textAt: (row: number) => string): { values: Float64Array; irregular: number[] } {
  const values = new Float64Array(length);
  const irregular: number[] = [];
  for (let i = 0; i < length; i++) {
    const text = textAt(i);
    const value = parseNumberText(text);
    values[i] = value;
    if (Number.isNaN(value) && text !== '') irregular.push(i);
  }
  return { values, irregular };
}

/** The unsigned number at `p` and where it ends (R_strtod after the sign), or undefined when there is none. */
function readUnsigned(text: string, p: number): { value: number; end: number } | undefined {
  const first = text.charCodeAt(p) | 0x20; // lower case
  if (first === 110 /* n */ || first === 105 /* i */) {
    const rest = text.slice(p, p + 8).toLowerCase();
    if (rest.startsWith('nan')) return { value: Number.NaN, end: p + 3 };
    if (rest === 'infinity') return { value: Number.POSITIVE_INFINITY, end: p + 8 };
    if (rest.startsWith('inf')) return { value: Number.POSITIVE_INFINITY, end: p + 3 };
    return undefined;
  }
  // R looks for hexadecimal only when more than two characters follow: "0x" alone is 0 then an "x".
  if (text.length - p > 2 && text[p] === '0' && (text[p + 1] === 'x' || text[p + 1] === 'X')) return readHex(text, p + 2);
  return readDecimal(text, p);
}

/** Digits, an optional point and digits, an optional exponent whose digits may be missing. */
function readDecimal(text: string, p: number): { value: number; end: number } | undefined {
  const start = p;
  while (isDigit(text.charCodeAt(p))) p++;
  const integerEnd = p;
  let fractionEnd = p;
  if (text[p] === '.') {
    p++;
    while (isDigit(text.charCodeAt(p))) p++;
    fractionEnd = p;
  }
  const digits = integerEnd - start + (fractionEnd > integerEnd ? fractionEnd - integerEnd - 1 : 0);
  if (digits === 0) return undefined;
  let exponent = '';
  if (text[p] === 'e' || text[p] === 'E') {
    p++;
    let exponentSign = '';
    if (text[p] === '-' || text[p] === '+') exponentSign = text[p++]!;
    const from = p;
    while (isDigit(text.charCodeAt(p))) p++;
    if (p > from) exponent = `e${exponentSign}${text.slice(from, p)}`;
  }
  // JavaScript's own reading of the same plain decimal is correctly rounded, as R's is here.
  const mantissa = text.slice(start, fractionEnd);
  return { value: Number(`${mantissa === '.' ? '0' : mantissa}${exponent}`), end: p };
}

/** Hexadecimal digits with an optional point, then an optional binary exponent (`p4`), as R_strtod reads them. */
function readHex(text: string, p: number): { value: number; end: number } {
  let value = 0;
  let fractionBits = -1; // R's `exph`: four bits per hexadecimal digit after the point
  for (; p < text.length; p++) {
    const digit = hexDigit(text.charCodeAt(p));
    if (digit < 0) {
      if (text[p] === '.') {
        fractionBits = 0;
        continue;
      }
      break;
    }
    value = value * 16 + digit;
    if (fractionBits >= 0) fractionBits += 4;
  }
  // As in R, the point counts only with an exponent: "0x.8" is 8, "0x.8p0" is 0.5.
  if (text[p] === 'p' || text[p] === 'P') {
    p++;
    let exponentSign = 1;
    if (text[p] === '-' || text[p] === '+') exponentSign = text[p++] === '-' ? -1 : 1;
    let exponent = 0;
    while (isDigit(text.charCodeAt(p))) exponent = exponent * 10 + (text.charCodeAt(p++) - 48);
    exponent *= exponentSign;
    if (fractionBits > 0) exponent -= fractionBits;
    value *= 2 ** exponent;
  }
  return { value, end: p };
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  if (code >= 65 && code <= 70) return code - 55;
  return -1;
}

/** C's `isspace` in R's reading: space, tab, line feed, vertical tab, form feed, carriage return. */
function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/**
 * White space R allows after a number (its `isBlankString`, by `iswspace` in a UTF-8 locale): the
 * ASCII spaces, the Ogham space mark, the typographic spaces U+2000–U+200A except the figure space
 * U+2007, the line and paragraph separators, the medium mathematical space and the ideographic space.
 * No-break spaces (U+00A0, U+2007, U+202F) are not white space to R.
 */
function isTrailingSpace(code: number): boolean {
  if (code < 128) return isAsciiSpace(code);
  return code === 0x1680 || (code >= 0x2000 && code <= 0x200a && code !== 0x2007) || code === 0x2028 || code === 0x2029 || code === 0x205f || code === 0x3000;
}
