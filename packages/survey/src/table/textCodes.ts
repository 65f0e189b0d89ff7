/**
 * The one dictionary builder: numbers distinct texts in order of first appearance. Every kind of
 * column finds its distinct values through it (the CSV bytes reader first looks texts up by their
 * bytes, and comes here only for texts holding a quote), and the papaparse reader shares one string
 * per distinct cell through it.
 */
export class TextCodes {
  /** The distinct texts, in order of first appearance: `levels[code]`. */
  readonly levels: string[] = [];
  private readonly seen = new Map<string, number>();

  /** The code of a text, numbering it when it is new. */
  code(text: string): number {
    let code = this.seen.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.seen.set(text, code);
      this.levels.push(text);
    }
    return code;
  }
}
