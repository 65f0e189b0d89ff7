/**
 * A file that another thread is still reading into memory both threads share: the parser works on
 * the rows that have arrived while the rest is read.
 */
export interface IncomingBytes {
  /** Bytes that have arrived (they never change afterwards). */
  available(): number;
  /** Blocks until more than `count` bytes have arrived or the file is complete; returns `available()`. */
  waitBeyond(count: number): number;
  /** The file's length once it is complete, else undefined. */
  completeLength(): number | undefined;
  /** Blocks until the other thread has checked the whole file: whether it is valid UTF-8. */
  isUtf8(): boolean;
}

const QUOTE = 34;
const LF = 10;

/**
 * Where the bytes [from, available) can be cut for parsing: just after the last line feed that ends
 * a row, i.e. with an even number of quote characters since `from` (a row start). −1 when none.
 */
export function rowsEnd(bytes: Buffer, from: number, available: number): number {
  const view = bytes.subarray(0, available);
  const quotesBetween = (start: number, stop: number): number => {
    let count = 0;
    for (let q = view.indexOf(QUOTE, start); q >= 0 && q < stop; q = view.indexOf(QUOTE, q + 1)) count++;
    return count;
  };
  let lf = view.lastIndexOf(LF);
  if (lf < from) return -1;
  let quotes = quotesBetween(from, lf);
  while ((quotes & 1) === 1) {
    const previous = lf > from ? view.lastIndexOf(LF, lf - 1) : -1;
    if (previous < from) return -1;
    quotes -= quotesBetween(previous, lf);
    lf = previous;
  }
  return lf + 1;
}

/** Waits until every byte has arrived; returns the file's length. */
export function completeLength(incoming: IncomingBytes): number {
  let length = incoming.completeLength();
  while (length === undefined) {
    incoming.waitBeyond(incoming.available());
    length = incoming.completeLength();
  }
  return length;
}
