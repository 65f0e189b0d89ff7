/**
 * What the layout test checks inside a page, run in the browser (page.evaluate): self-contained, no
 * imports. Returns one line per problem:
 * - the page scrolls sideways;
 * - a line of chart text (an SVG <text> or <tspan>) reaches outside its chart's box or the viewport;
 * - chart text is rendered smaller than `minFontPx` CSS pixels (font size × the drawing's scale);
 * - a value axis whose numbers do not increase from left to right on the screen (both editions: only
 *   the layout is mirrored in Urdu, never the scale; the diverging "50% 0% 50%" grid of the answer
 *   bars is left to its own test);
 * - on a right-to-left page, a signed number, a relation (`<`, `≥`, `=` before a number) or an
 *   interval (`0.1–0.5`) in any text — HTML or SVG, titles and descriptions included — that is not an
 *   isolated left-to-right run: inside LRI…PDI in its text node, or inside an element whose computed
 *   style is `direction: ltr` with `unicode-bidi: isolate`.
 */
export function probeLayout(options: { rtl: boolean; minFontPx: number }): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  const overflow = root.scrollWidth - root.clientWidth;
  if (overflow > 1) problems.push(`page scrolls sideways by ${overflow}px`);
  const viewport = root.clientWidth;
  const ownText = (node: Element) =>
    [...node.childNodes]
      .filter((child) => child.nodeType === Node.TEXT_NODE)
      .map((child) => child.textContent ?? '')
      .join('')
      .trim();
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.chart')) {
    const box = svg.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const scale = box.width / svg.viewBox.baseVal.width;
    const chart =
      svg
        .getAttribute('aria-labelledby')
        ?.split(' ')[0]
        ?.replace(/-title$/, '') ?? '?';
    for (const text of svg.querySelectorAll('text')) {
      const lines = text.querySelectorAll('tspan').length > 0 ? [...text.querySelectorAll('tspan')] : [text];
      for (const line of lines) {
        const content = ownText(line);
        if (content.length === 0) continue;
        const rect = line.getBoundingClientRect();
        const where = `${chart}: "${content}"`;
        if (rect.left < box.left - 1 || rect.right > box.right + 1 || rect.top < box.top - 1 || rect.bottom > box.bottom + 1) {
          problems.push(
            `text outside its chart: ${where} at x ${rect.left.toFixed(1)}–${rect.right.toFixed(1)}, y ${rect.top.toFixed(1)}–${rect.bottom.toFixed(1)}; chart x ${box.left.toFixed(1)}–${box.right.toFixed(1)}, y ${box.top.toFixed(1)}–${box.bottom.toFixed(1)}`,
          );
        }
        if (rect.left < -1 || rect.right > viewport + 1)
          problems.push(`text outside the viewport: ${where} at x ${rect.left.toFixed(1)}–${rect.right.toFixed(1)} of ${viewport}`);
        const size = Number.parseFloat(getComputedStyle(line).fontSize) * scale;
        if (size < options.minFontPx - 0.01) problems.push(`text rendered at ${size.toFixed(1)}px: ${where}`);
      }
    }
    for (const axis of svg.querySelectorAll('g.axis')) {
      if (axis.closest('g.grid')) continue;
      const ticks = [...axis.querySelectorAll('text')]
        .map((text) => {
          const rect = text.getBoundingClientRect();
          const value = Number.parseFloat((text.textContent ?? '').replace(/[\u2066-\u2069,%×]/g, '').replace('−', '-'));
          return { x: rect.left + rect.width / 2, value, text: (text.textContent ?? '').replace(/[\u2066-\u2069]/g, '') };
        })
        .filter((tick) => Number.isFinite(tick.value) && tick.x > 0)
        .sort((a, b) => a.x - b.x);
      for (let index = 1; index < ticks.length; index += 1) {
        if (ticks[index]!.x - ticks[index - 1]!.x > 1 && ticks[index]!.value <= ticks[index - 1]!.value) {
          problems.push(`axis not increasing from left to right: ${chart}: ${ticks.map((tick) => tick.text).join(' ')}`);
          break;
        }
      }
    }
  }
  if (options.rtl) {
    const LRI = '\u2066';
    const PDI = '\u2069';
    const expressions = [/(?<![\p{L}\p{N}_.])[-−+]\s?\d/gu, /[<>≤≥=]\s*\d/gu, /\d\s*[–—]\s*[-−+]?\d/gu];
    const isolatedByElement = (node: Node): boolean => {
      for (let element = node.parentElement; element !== null && element !== document.body; element = element.parentElement) {
        const style = getComputedStyle(element);
        if (['isolate', 'isolate-override', 'plaintext'].includes(style.unicodeBidi)) return style.direction === 'ltr';
      }
      return false;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent === null || ['SCRIPT', 'STYLE'].includes(parent.tagName)) continue;
      const value = node.textContent ?? '';
      if (!/\d/.test(value)) continue;
      for (const pattern of expressions) {
        for (const match of value.matchAll(pattern)) {
          const before = value.slice(0, match.index);
          const depth = before.split(LRI).length - before.split(PDI).length;
          if (depth > 0 && !match[0].includes(PDI)) continue;
          if (isolatedByElement(node)) continue;
          const context = value.slice(Math.max(0, match.index - 20), match.index + match[0].length + 20).replace(/[\u2066-\u2069]/g, '');
          problems.push(`not an isolated left-to-right run: "${match[0]}" in <${parent.tagName.toLowerCase()}> "…${context}…"`);
        }
      }
    }
  }
  return problems;
}
