/**
 * A text decoder for the character encoding a file declares. Node 20's `TextDecoder('windows-1252')`
 * decodes as ISO-8859-1 (its Latin-1 fast path), turning `€`, `’`, `–` and the other characters at
 * 0x80–0x9F into invisible control characters; Windows-1252 (and its WHATWG aliases such as
 * `iso-8859-1`, `latin1`, `cp1252`) is therefore decoded here from its table.
 */
export interface TextDecoding {
  decode(bytes: Uint8Array): string;
}

/** Windows-1252 at 0x80–0x9F (0 where the code page leaves the byte undefined: kept as that byte). */
const CP1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

const windows1252: TextDecoding = {
  decode(bytes: Uint8Array): string {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    if (!/[\u0080-\u009f]/.test(text)) return text;
    return text.replace(/[\u0080-\u009f]/g, (c) => {
      const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]!;
      return mapped === 0 ? c : String.fromCharCode(mapped);
    });
  },
};

/** The decoder for an encoding label; throws a RangeError for a label no decoder knows. */
export function textDecoderFor(label: string): TextDecoding {
  const decoder = new TextDecoder(label);
  return decoder.encoding === 'windows-1252' ? windows1252 : decoder;
}
