/** Page links for Astro `paginate()` routes (`[...page]`: page 1 at the route itself, page n at `n/`). */

/** Root-relative path of page `n` of a paginated route, e.g. `archive/2024/` → `archive/2024/3/`. */
export function pagePath(route: string, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`no page ${n}`);
  return n === 1 ? route : `${route}${n}/`;
}

/** Which page the item at `index` (from 0) lands on. */
export function pageOf(index: number, pageSize: number): number {
  return Math.floor(index / pageSize) + 1;
}

export type PageLink = number | 'gap';

/**
 * The page numbers to link: always the first and last, and `radius` either side of the current
 * page; runs that are left out become one 'gap'. A gap never stands for a single page.
 */
export function pageWindow(current: number, last: number, radius = 1): PageLink[] {
  const shown = new Set([1, last]);
  for (let n = current - radius; n <= current + radius; n += 1) if (n >= 1 && n <= last) shown.add(n);
  const pages = [...shown].sort((a, b) => a - b);
  const links: PageLink[] = [];
  pages.forEach((n, i) => {
    const prev = pages[i - 1];
    if (prev !== undefined && n - prev === 2) links.push(n - 1);
    else if (prev !== undefined && n - prev > 2) links.push('gap');
    links.push(n);
  });
  return links;
}
