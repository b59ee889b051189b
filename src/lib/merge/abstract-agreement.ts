/** An abstract as two copies of it compare: spacing, case and a trailing ellipsis do not count. */
const comparable = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/\s*(?:\.\.\.|…)$/, '')
    .trim()
    .toLowerCase();

/**
 * Whether two abstracts merged into one paper say the same: equal but for whitespace and case, or
 * one cut short of the other (lists show abstracts truncated). An empty abstract agrees with any.
 */
export function agreeingAbstracts(a: string, b: string): boolean {
  const [x, y] = [comparable(a), comparable(b)];
  return x === '' || y === '' || x.startsWith(y) || y.startsWith(x);
}
