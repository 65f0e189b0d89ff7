/** wawoff2 ships no types: its decompressor turns a WOFF2 file into the TrueType/OpenType font it packs. */
declare module 'wawoff2/decompress.js' {
  export default function decompress(woff2: Uint8Array): Promise<Uint8Array>;
}
