import { lineBox } from './text/measure.js';

/** Where one line of a drawn chart's text lies, in the chart's coordinates. */
export interface TextExtent {
  text: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function translation(element: Element): { x: number; y: number } {
  let x = 0;
  let y = 0;
  for (let node: Element | null = element; node !== null && node.tagName !== 'svg'; node = node.parentElement) {
    const match = /translate\(([-\d.]+)[ ,]+([-\d.]+)\)/.exec(node.getAttribute('transform') ?? '');
    if (match) {
      x += Number(match[1]);
      y += Number(match[2]);
    }
  }
  return { x, y };
}

function inherited(element: Element, name: string): string | null {
  for (let node: Element | null = element; node !== null; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

/**
 * The box of every line of text in a chart drawn at build time, computed the way the browser sets it
 * (the bundled fonts' measured widths and overhanging ink, text-anchor read in the text's direction). Tests use it to check
 * that no label leaves its chart or runs into another, without a browser.
 */
export function textExtents(svg: SVGSVGElement, selector = 'text'): TextExtent[] {
  const rtl = svg.getAttribute('direction') === 'rtl';
  const extents: TextExtent[] = [];
  for (const text of svg.querySelectorAll(selector)) {
    const lines = text.querySelectorAll('tspan').length > 0 ? [...text.querySelectorAll('tspan')] : [text];
    const anchor = text.getAttribute('text-anchor') ?? 'start';
    const style = { fontSize: Number(inherited(text, 'font-size')), bold: inherited(text, 'font-weight') === 'bold', rtl };
    const shift = translation(text);
    for (const line of lines) {
      const content = [...line.childNodes]
        .filter((node) => node.nodeType === 3)
        .map((node) => node.textContent)
        .join('');
      const box = lineBox(content, style);
      const x = Number(line.getAttribute('x') ?? text.getAttribute('x')) + shift.x;
      const y = Number(line.getAttribute('y') ?? text.getAttribute('y')) + shift.y;
      const startIsLeft = !rtl;
      const left = anchor === 'middle' ? x - box.width / 2 : (anchor === 'start') === startIsLeft ? x : x - box.width;
      extents.push({ text: content, left: left - box.left, right: left + box.width + box.right, top: y - box.above, bottom: y + box.below });
    }
  }
  return extents;
}

/** Lines of text that reach outside the chart's drawing (by more than half a unit). */
export function textOutside(svg: SVGSVGElement): TextExtent[] {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  return textExtents(svg).filter((box) => box.left < -0.5 || box.right > width + 0.5 || box.top < -0.5 || box.bottom > height + 0.5);
}
