import { LeakriskError } from '../../errors.js';

/**
 * Reads the integers, doubles and byte runs of an SPSS system file in its byte order. Every read
 * checks the bounds: a file that ends early is a clear "truncated" error, never a RangeError.
 */
export class SavCursor {
  offset = 0;
  littleEndian = true;

  constructor(
    readonly bytes: Buffer,
    readonly file: string,
  ) {}

  get remaining(): number {
    return this.bytes.length - this.offset;
  }

  need(count: number, what: string): void {
    if (count < 0 || this.offset + count > this.bytes.length) {
      throw new LeakriskError(
        `the SPSS file is truncated or damaged: it ends inside ${what} (byte ${this.offset} of ${this.bytes.length})`,
        { file: this.file },
        'copy or export the file again from SPSS (File > Save As > SPSS Statistics .sav); a download or copy may have been cut short',
      );
    }
  }

  int32(what: string): number {
    this.need(4, what);
    const value = this.littleEndian ? this.bytes.readInt32LE(this.offset) : this.bytes.readInt32BE(this.offset);
    this.offset += 4;
    return value;
  }

  /** A 64-bit integer as a double (exact up to 2^53, far beyond any file offset or case count). */
  int64(what: string): number {
    this.need(8, what);
    const value = this.littleEndian ? this.bytes.readBigInt64LE(this.offset) : this.bytes.readBigInt64BE(this.offset);
    this.offset += 8;
    return Number(value);
  }

  float64(what: string): number {
    this.need(8, what);
    const value = this.littleEndian ? this.bytes.readDoubleLE(this.offset) : this.bytes.readDoubleBE(this.offset);
    this.offset += 8;
    return value;
  }

  take(count: number, what: string): Buffer {
    this.need(count, what);
    const slice = this.bytes.subarray(this.offset, this.offset + count);
    this.offset += count;
    return slice;
  }

  skip(count: number, what: string): void {
    this.need(count, what);
    this.offset += count;
  }
}

/** The bytes of a space-padded text field without its trailing spaces and NULs. */
export function trimPadding(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x20 || bytes[end - 1] === 0)) end--;
  return bytes.subarray(0, end);
}
