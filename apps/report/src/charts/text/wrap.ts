import { inkWidth, type TextStyle } from './measure.js';

/** A label broken into lines that fit a width. */
export interface WrappedText {
  lines: string[];
  /** Whether words had to be cut (an ellipsis ends the last line): then the chart gives the full label in a `<title>`. */
  shortened: boolean;
  /** Width of the widest line, overhanging ink included. */
  width: number;
}

const ELLIPSIS = '…';

/** The longest start of `text` that fits `maxWidth` with an ellipsis after it (at least one character). */
function cutToFit(text: string, maxWidth: number, style: TextStyle): string {
  const chars = [...text.trimEnd()];
  let low = 1;
  let high = chars.length;
  // Binary search on the number of characters kept: widths grow with length.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (inkWidth(`${chars.slice(0, middle).join('').trimEnd()}${ELLIPSIS}`, style) <= maxWidth) low = middle;
    else high = middle - 1;
  }
  return `${chars.slice(0, low).join('').trimEnd()}${ELLIPSIS}`;
}

/**
 * Breaks a label into at most `maxLines` lines no wider than `maxWidth` (ink included), measured in the bundled fonts.
 * Lines are filled greedily at spaces; a word wider than the line, or words beyond the last line, are cut
 * with an ellipsis — only when they must be.
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle, maxLines: number): WrappedText {
  // Lines break at spaces; a mark that stands alone (the asterisk of a marked row) stays with the word before it.
  const words: string[] = [];
  for (const word of text.split(/\s+/)) {
    if (word.length === 0) continue;
    if (/^[*†‡]+$/.test(word) && words.length > 0) words[words.length - 1] = `${words[words.length - 1]} ${word}`;
    else words.push(word);
  }
  const lines: string[] = [];
  let shortened = false;
  let index = 0;
  while (index < words.length && lines.length < maxLines) {
    let line = words[index]!;
    index += 1;
    if (inkWidth(line, style) > maxWidth) {
      lines.push(cutToFit(line, maxWidth, style));
      shortened = true;
      continue;
    }
    while (index < words.length && inkWidth(`${line} ${words[index]}`, style) <= maxWidth) {
      line = `${line} ${words[index]}`;
      index += 1;
    }
    lines.push(line);
  }
  if (index < words.length) {
    // Words are left over: the last line ends in an ellipsis with as much of them as fits.
    const last = `${lines.pop() ?? ''} ${words.slice(index).join(' ')}`.trim();
    lines.push(cutToFit(last, maxWidth, style));
    shortened = true;
  }
  return { lines, shortened, width: Math.max(0, ...lines.map((line) => inkWidth(line, style))) };
}
