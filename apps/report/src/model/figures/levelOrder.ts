/** Items sorted by the position of their key in `order` (keys not in it last, in their own order). */
export function sortByOrder<T>(items: readonly T[], key: (item: T) => string, order: readonly string[] | undefined): T[] {
  if (!order) return [...items];
  const rank = (value: string) => {
    const index = order.indexOf(value);
    return index === -1 ? order.length : index;
  };
  return [...items].sort((a, b) => rank(key(a)) - rank(key(b)));
}
