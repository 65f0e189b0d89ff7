/** Whether UTF-8 bytes spell one of a set of texts (such as a column's missing values), without making a string. */
export class TextMatcher {
  /** The texts' bytes, grouped by length. */
  private readonly byLength: Buffer[][] = [];

  constructor(texts: Iterable<string>) {
    for (const text of texts) {
      const encoded = Buffer.from(text, 'utf8');
      (this.byLength[encoded.length] ??= []).push(encoded);
    }
  }

  /** True when `bytes[start … end)` is one of the texts. */
  has(bytes: Uint8Array, start: number, end: number): boolean {
    const candidates = this.byLength[end - start];
    if (candidates === undefined) return false;
    for (const candidate of candidates) {
      let same = true;
      for (let k = 0; same && k < candidate.length; k++) same = candidate[k] === bytes[start + k];
      if (same) return true;
    }
    return false;
  }
}
