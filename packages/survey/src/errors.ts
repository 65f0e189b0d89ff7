/**
 * An error a user can act on: it names the file, the row and the column where the problem is and
 * says what to do. The CLI prints it without a stack trace and exits 1.
 */
export interface ProblemLocation {
  /** The file the problem is in, as the user named it. */
  file?: string;
  /** 1-based line of the file (for a CSV, the header is line 1). */
  line?: number;
  /** 1-based data row (the first row after the header is row 1). */
  row?: number;
  /** Column, field or JSON path. */
  column?: string;
}

export class LeakriskError extends Error {
  override readonly name = 'LeakriskError';
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly row: number | undefined;
  readonly column: string | undefined;
  /** What the user should do about it. */
  readonly fix: string | undefined;

  constructor(problem: string, where: ProblemLocation = {}, fix?: string) {
    super(problem);
    this.file = where.file;
    this.line = where.line;
    this.row = where.row;
    this.column = where.column;
    this.fix = fix;
  }

  /** One line for the terminal, the fix included: `file:line, column "x": problem. Fix: …`. */
  format(): string {
    const place = [this.file, this.line !== undefined ? String(this.line) : undefined].filter((part) => part !== undefined).join(':');
    const parts: string[] = [];
    if (place) parts.push(place);
    if (this.row !== undefined && this.line === undefined) parts.push(`row ${this.row}`);
    if (this.column !== undefined) parts.push(`column "${this.column}"`);
    const head = parts.length > 0 ? `${parts.join(', ')}: ` : '';
    if (!this.fix) return `${head}${this.message}`;
    return `${head}${this.message}${/[.!?]$/.test(this.message) ? '' : '.'} Fix: ${this.fix}`;
  }
}

export function isLeakriskError(error: unknown): error is LeakriskError {
  return error instanceof LeakriskError || (error instanceof Error && error.name === 'LeakriskError');
}

/**
 * How a message may show a cell's value (the trust rules: messages name row and column; they never
 * print a value of a dropped, pseudonymized, scrubbed or quasi-identifying column, nor any value that
 * looks like personal data). `show` is the caller's word that the column is plainly kept, i.e. released
 * as it is and not a quasi-identifier; even then the value is shown only when it is short and cannot be
 * a phone number, CNIC, e-mail, address or name. Otherwise the message gets its shape ("a text of 13
 * characters, 13 of them digits"), which is still enough to find and fix the cell.
 *
 * @example cellInMessage('abc', true)          // '"abc"'
 * @example cellInMessage('35202-1234567-1', true) // 'a text of 15 characters, 13 of them digits'
 * @example cellInMessage('abc', false)         // 'a text of 3 characters'
 */
export function cellInMessage(value: string, show: boolean): string {
  if (value === '') return 'an empty cell';
  if (show && isPlainlyHarmless(value)) return JSON.stringify(value);
  return describeShape(value);
}

/** The shape of a value without the value: its length, and how many of its characters are digits. */
export function describeShape(value: string): string {
  const length = [...value].length;
  const digits = (value.match(/\p{Nd}/gu) ?? []).length;
  const what = `a text of ${length} character${length === 1 ? '' : 's'}`;
  if (digits === 0) return what;
  return digits === length ? `${what}, all digits` : `${what}, ${digits} of them digit${digits === 1 ? '' : 's'}`;
}

/**
 * Short values that cannot identify anyone: numbers with at most four digits (an age, a code, a
 * score) and lower-case words such as answer levels ("yes", "dk", "agree"). A capitalised word may be
 * a name, a long digit run a phone or CNIC, and anything with `@`, `/` or `:` a handle, e-mail or link.
 */
function isPlainlyHarmless(value: string): boolean {
  if (value.length > 16) return false;
  if ((value.match(/\p{Nd}/gu) ?? []).length > 4) return false;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim())) return true;
  return /^[a-z][a-z _.-]*$/.test(value);
}

/**
 * A list of data values (a column's levels, say) for a message. The survey package knows no column
 * roles, so it shows a value only when {@link cellInMessage} finds it plainly harmless (a short number
 * or a lower-case word) and counts the others, which may identify someone (a phone number among the
 * levels of a `by` variable, a name); at most `max` values are shown.
 * @example valuesInMessage(['female', 'male']) // '"female", "male"'
 * @example valuesInMessage(['No', 'Yes']) // '2 values, not shown (they may identify someone)'
 * @example valuesInMessage(['female', '0300-1234567']) // '"female" and 1 more value, not shown (it may identify someone)'
 */
export function valuesInMessage(values: readonly string[], max = 12): string {
  const shown = values.filter((value) => value !== '' && isPlainlyHarmless(value));
  const listed = shown.slice(0, max).map((value) => JSON.stringify(value));
  const hidden = values.length - listed.length;
  if (hidden === 0) return listed.join(', ');
  const may = hidden === 1 ? 'it may' : 'they may';
  const count = `${hidden} ${listed.length > 0 ? 'more ' : ''}value${hidden === 1 ? '' : 's'}, not shown (${may} identify someone)`;
  return listed.length === 0 ? count : `${listed.join(', ')} and ${count}`;
}
