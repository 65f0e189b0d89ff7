/**
 * Numbers in right-to-left text. Urdu runs right to left, digits left to right; the Unicode bidi
 * algorithm then lets neutral characters around a number — a minus sign, `<`, `p`, an en dash between
 * two numbers — take the direction of the Urdu around them, so "-0.50" shows as "0.50-", "p < 0.001"
 * as "< 0.001 p" and an interval's ends swap. Every number, interval, p-value and inequality written
 * into the Urdu edition is therefore one isolated left-to-right run, made here and nowhere else.
 */

/** LEFT-TO-RIGHT ISOLATE … POP DIRECTIONAL ISOLATE (Unicode 6.3): an isolated run inside plain text. */
export const LRI = '\u2066';
export const PDI = '\u2069';

/** A formatted number, interval or p-value as an isolated left-to-right run of plain text (SVG text, titles, descriptions). */
export function ltrRun(text: string): string {
  return `${LRI}${text}${PDI}`;
}

/** The same run as HTML: `<bdi dir="ltr">` (direction ltr, unicode-bidi isolate); `html` is already escaped. */
function ltrRunHtml(html: string): string {
  return `<bdi dir="ltr">${html}</bdi>`;
}

const NUMBER = String.raw`\d+(?:,\d{3})*(?:\.\d+)*%?`;
const SIGNED = `[-−+]?${NUMBER}`;
const RELATION = '(?:&lt;|&gt;|&le;|&ge;|[<>≤≥=≠≈])';
/**
 * A number expression that must read left to right: an optional one-letter name and relation
 * (`p <`, `p (BH) =`, `n ≥`), a signed number with thousands separators, decimals and a percent sign,
 * and further numbers joined by a dash (intervals such as `0.12–0.56`, age bands, dates). It starts
 * neither inside a word nor inside a character reference (`&#39;`).
 */
const EXPRESSION = new RegExp(
  String.raw`(?<![\p{L}\p{N}_.&#])(?:[A-Za-z](?:\s*\(BH\))?\s*(?=${RELATION})|[A-Za-z](?=\d))?(?:${RELATION}\s*)?${SIGNED}(?:\s*[–—]\s*${SIGNED}|-${NUMBER})*`,
  'gu',
);

/** Each number expression in plain text isolated with LRI…PDI; text already inside an isolate is left alone. */
export function isolateNumbers(text: string): string {
  if (!/\d/.test(text)) return text;
  let depth = 0;
  let out = '';
  let last = 0;
  for (const match of text.matchAll(EXPRESSION)) {
    const start = match.index;
    for (const char of text.slice(last, start)) depth = updateDepth(depth, char);
    out += text.slice(last, start);
    out += depth > 0 ? match[0] : ltrRun(match[0]);
    for (const char of match[0]) depth = updateDepth(depth, char);
    last = start + match[0].length;
  }
  return out + text.slice(last);
}

function updateDepth(depth: number, char: string): number {
  if (char === LRI || char === '\u2067' || char === '\u2068') return depth + 1;
  if (char === PDI) return Math.max(0, depth - 1);
  return depth;
}

/** Elements whose text is left alone: code, scripts, styles, inline SVG (isolated by the charts themselves) and existing isolates. */
const SKIPPED = new Set(['script', 'style', 'svg', 'code', 'bdi', 'title', 'textarea']);

/**
 * Each number expression in the text of an HTML fragment wrapped in `<bdi dir="ltr">`, for the
 * right-to-left pages. Tags and attribute values are left alone, and so is the content of the elements
 * in SKIPPED.
 */
export function isolateNumbersInHtml(html: string): string {
  const parts = html.split(/(<[^>]+>)/);
  const open: string[] = [];
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)([a-zA-Z][\w-]*)/.exec(part);
        const name = tag?.[2]?.toLowerCase();
        if (name !== undefined && SKIPPED.has(name)) {
          if (tag![1] === '/') {
            if (open[open.length - 1] === name) open.pop();
          } else if (!part.endsWith('/>')) open.push(name);
        }
        return part;
      }
      if (open.length > 0 || !/\d/.test(part)) return part;
      return part.replace(EXPRESSION, (expression) => ltrRunHtml(expression));
    })
    .join('');
}
