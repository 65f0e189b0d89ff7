import { schemePuOr } from 'd3';

/**
 * Colours that stay distinguishable with the common colour-vision deficiencies (ColorBrewer PuOr is
 * rated colour-blind safe) and keep at least 3:1 against white for marks (WCAG 1.4.11).
 */
export const palette = {
  ink: '#1a1a1a',
  muted: '#4d4d4d',
  grid: '#d0d0d0',
  axis: '#595959',
  point: '#1d4f91',
  interval: '#1d4f91',
  marked: '#a34700',
  bar: '#3b6fb0',
  reference: '#6b6b6b',
  neutral: '#c8c8c8',
  suppressed: '#6b6b6b',
} as const;

/** Diverging colours for a Likert scale of `k` points, disagreement (orange) to agreement (purple). */
export function likertColors(k: number): string[] {
  if (k < 2) return [palette.bar];
  if (k === 2) return ['#e66101', '#5e3c99'];
  // d3's PuOr runs purple → orange; reversed so that disagreement is orange and agreement purple.
  const scheme = schemePuOr[Math.min(Math.max(k, 3), 11)]!;
  const colors = [...scheme.slice(0, k)].reverse();
  if (k % 2 === 1) colors[(k - 1) / 2] = palette.neutral;
  return colors;
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

/** WCAG contrast ratio of two `#rrggbb` colours. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Black or white, whichever reads better on `background`. */
export function textColorOn(background: string): string {
  return contrastRatio(background, '#ffffff') >= contrastRatio(background, palette.ink) ? '#ffffff' : palette.ink;
}
