/**
 * The field delimiter of a CSV file, read from its header line: `;` when the header has more
 * semicolons than commas outside quotes (KoboToolbox's CSV export and Excel in many locales write
 * `;`), else `,`.
 */
export function detectDelimiter(bytes: Uint8Array): ',' | ';' {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x22) quoted = !quoted;
    else if (!quoted) {
      if (c === 0x0a || c === 0x0d) break;
      if (c === 0x2c) commas++;
      else if (c === 0x3b) semicolons++;
    }
  }
  return semicolons > commas ? ';' : ',';
}
