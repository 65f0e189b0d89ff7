/** A column's cell texts in row order, for `for … of` and spreading (`[...column]`). */
export function* cellIterator(column: { readonly length: number; get(row: number): string }): IterableIterator<string> {
  for (let i = 0; i < column.length; i++) yield column.get(i);
}
