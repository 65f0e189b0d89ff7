/** The toolkit's version, written into every results.json and audit. */
export const VERSION = '0.1.0';
