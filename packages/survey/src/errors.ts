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

  /** One line (two with the fix) for the terminal: `file:line: column "x": problem. Fix: …`. */
  format(): string {
    const place = [this.file, this.line !== undefined ? String(this.line) : undefined].filter((part) => part !== undefined).join(':');
    const parts: string[] = [];
    if (place) parts.push(place);
    if (this.row !== undefined && this.line === undefined) parts.push(`row ${this.row}`);
    if (this.column !== undefined) parts.push(`column "${this.column}"`);
    const head = parts.length > 0 ? `${parts.join(', ')}: ` : '';
    return `${head}${this.message}${this.fix ? `\n  Fix: ${this.fix}` : ''}`;
  }
}

export function isLeakriskError(error: unknown): error is LeakriskError {
  return error instanceof LeakriskError || (error instanceof Error && error.name === 'LeakriskError');
}
