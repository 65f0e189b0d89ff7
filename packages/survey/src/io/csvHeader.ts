import { LeakriskError } from '../errors.js';

/** A CSV header names every column, each once; otherwise an error naming line 1. */
export function checkHeader(header: readonly string[], file: string): void {
  const seen = new Set<string>();
  header.forEach((name, j) => {
    if (name.trim() === '') throw new LeakriskError(`header column ${j + 1} has no name`, { file, line: 1 }, 'give every column a name in the first line');
    if (seen.has(name)) throw new LeakriskError(`the header names column "${name}" twice`, { file, line: 1, column: name }, 'rename one of the two columns');
    seen.add(name);
  });
}
