/** A number as R's `as.numeric` reads a plain decimal: sign, digits with an optional point, exponent. */
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** First characters a spreadsheet reads as the start of a formula (or, tab and carriage return, hides before one). */
function isTrigger(code: number): boolean {
  return code === 61 /* = */ || code === 43 /* + */ || code === 45 /* - */ || code === 64 /* @ */ || code === 9 || code === 13;
}

/**
 * Whether a cell's text would be taken by a spreadsheet as a formula: it starts with `=`, `+`, `-`,
 * `@`, a tab or a carriage return and is not a number (`-2.5`, `+3` and `-1e5` are numbers and stay
 * as they are; `=HYPERLINK(…)`, `@SUM(…)`, `+92 300 1234567` and `-2+3+cmd|…` are not).
 */
export function startsFormula(text: string): boolean {
  return text.length > 0 && isTrigger(text.charCodeAt(0)) && !NUMBER.test(text);
}

/**
 * A cell's text as every CSV the toolkit writes it: a text that would start a spreadsheet formula
 * ({@link startsFormula}) gets a leading `'`, which spreadsheets show as text and never evaluate
 * (OWASP's advice for CSV injection); any other text is returned as it is.
 * @example neutralizeFormula('=HYPERLINK("http://x","y")') // `'=HYPERLINK("http://x","y")`
 * @example neutralizeFormula('-2.5') // '-2.5'
 */
export function neutralizeFormula(text: string): string {
  return startsFormula(text) ? `'${text}` : text;
}

/** {@link startsFormula} of the UTF-8 text `bytes[start … end)`, without making a string unless it may be one. */
export function bytesStartFormula(bytes: Uint8Array, start: number, end: number): boolean {
  if (end <= start || !isTrigger(bytes[start]!)) return false;
  return !NUMBER.test(Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1'));
}
