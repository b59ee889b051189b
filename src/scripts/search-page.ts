/**
 * The search page: keeps the URL, the controls and the results in step. The URL is the source of
 * truth (`?q=…&topic=…&sort=…`): every change writes it, Back and reload read it. Results come from
 * Pagefind in pages of PAGE_SIZE; only the shown ones have their data fragment fetched.
 */
import { facetGroups } from '../lib/search-facets.ts';
import {
  type FilterCounts,
  type PagefindRequest,
  type SearchVocabulary,
  facetsNeedingOwnCounts,
  mergeFacetCounts,
  searchRequest,
} from '../lib/search-query.ts';
import { FACETS, type Facet } from '../lib/search-record.ts';
import {
  SORT_ORDERS,
  type SearchState,
  clearFilters,
  hasFilters,
  isBlank,
  normaliseQuery,
  parseSearchState,
  serialiseSearchState,
  toggleFilter,
} from '../lib/search-state.ts';
import { searchStatusText } from '../lib/search-status.ts';
import { watchPartialResults } from './search-offline.ts';
import { type Pagefind, type PagefindResult, loadPagefind } from './search-pagefind.ts';
import { facetFieldsets, resultItem } from './search-render.ts';

const PAGE_SIZE = 20;
/** Where the page's CSS puts the filters in a column of their own. */
const WIDE_LAYOUT = '(min-width: 56rem)';
/** Long enough to skip most intermediate keystrokes, short enough to feel live. */
const TYPING_DELAY_MS = 180;

/** How a state change is recorded: a new history entry, folded into the current typing entry, or not at all (Back). */
type HistoryMode = 'push' | 'typing' | 'none';

interface Outcome {
  results: PagefindResult[];
  counts: Record<Facet, Record<string, number>>;
  catalogSize: number;
}

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: missing ${selector}`);
  return found;
}

const isSortOrder = (value: string): value is SearchState['sort'] => SORT_ORDERS.some((order) => order === value);

async function counts(pagefind: Pagefind, request: PagefindRequest): Promise<FilterCounts> {
  return (await pagefind.search(request.term, request.options))?.filters ?? {};
}

async function searchAll(pagefind: Pagefind, catalog: FilterCounts, state: SearchState, vocabulary: SearchVocabulary): Promise<Outcome> {
  const catalogSize = Object.values(catalog['has-upvotes'] ?? {}).reduce((sum, count) => sum + count, 0);
  if (isBlank(state)) return { results: [], counts: mergeFacetCounts(catalog, {}), catalogSize };
  const request = searchRequest(state, vocabulary);
  const [main, ...own] = await Promise.all([
    pagefind.search(request.term, request.options),
    ...facetsNeedingOwnCounts(state).map(async (facet) => [facet, await counts(pagefind, searchRequest(state, vocabulary, facet))] as const),
  ]);
  return { results: main?.results ?? [], counts: mergeFacetCounts(main?.filters ?? {}, Object.fromEntries(own)), catalogSize };
}

function start(root: HTMLElement): void {
  const form = required<HTMLFormElement>(root, '[data-search-form]');
  const input = required<HTMLInputElement>(form, 'input[name="q"]');
  const filters = required<HTMLDetailsElement>(root, '[data-search-filters]');
  const filterCount = required<HTMLElement>(root, '[data-search-filter-count]');
  const facets = required<HTMLElement>(root, '[data-search-facets]');
  const clear = required<HTMLButtonElement>(root, '[data-search-clear]');
  const sort = required<HTMLSelectElement>(root, '[data-search-sort]');
  const status = required<HTMLElement>(root, '[data-search-status]');
  const list = required<HTMLOListElement>(root, '[data-search-results]');
  const more = required<HTMLButtonElement>(root, '[data-search-more]');
  const vocabulary = JSON.parse(root.dataset['vocabulary'] ?? '{}') as SearchVocabulary;
  const pageTitle = document.title;

  let state = parseSearchState(location.search);
  let matches: PagefindResult[] = [];
  let generation = 0;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const pagefind = loadPagefind();
  const catalog = pagefind.then((api) => api.filters());

  const syncControls = () => {
    if (normaliseQuery(input.value) !== state.query) input.value = state.query;
    sort.value = state.sort;
    document.title = state.query ? `${state.query} – ${pageTitle}` : pageTitle;
  };

  const recordHistory = (mode: HistoryMode) => {
    const url = `${location.pathname}${serialiseSearchState(state)}${location.hash}`;
    if (mode === 'none' || url === `${location.pathname}${location.search}${location.hash}`) return;
    const typing = mode === 'typing';
    // One history entry per burst of typing, a new one for every filter or sort change.
    if (typing && (history.state as { typing?: boolean } | null)?.typing) history.replaceState({ typing }, '', url);
    else history.pushState({ typing }, '', url);
  };

  const renderFacets = (outcome: Outcome) => {
    const focused = document.activeElement instanceof HTMLInputElement && facets.contains(document.activeElement) ? document.activeElement : null;
    facets.replaceChildren(...facetFieldsets(facetGroups(outcome.counts, state, vocabulary)));
    if (focused) facets.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`)?.focus();
    clear.hidden = !hasFilters(state);
    const ticked = FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
    filterCount.textContent = ticked > 0 ? `(${ticked})` : '';
  };

  /** Appends the next page of results; returns the first new link. */
  const showMore = async (mine: number): Promise<HTMLAnchorElement | null> => {
    const shown = list.children.length;
    const page = await Promise.all(matches.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    if (mine !== generation) return null;
    const items = page.map((data) => resultItem(data, vocabulary));
    list.append(...items);
    const remaining = matches.length - list.children.length;
    more.hidden = remaining <= 0;
    more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more (${list.children.length} of ${matches.length} shown)`;
    return items[0]?.querySelector('a') ?? null;
  };

  const update = async (next: SearchState, mode: HistoryMode) => {
    state = next;
    recordHistory(mode);
    syncControls();
    const mine = ++generation;
    list.setAttribute('aria-busy', 'true');
    const outcome = await searchAll(await pagefind, await catalog, state, vocabulary);
    if (mine !== generation) return;
    matches = outcome.results;
    renderFacets(outcome);
    list.replaceChildren();
    await showMore(mine);
    if (mine !== generation) return;
    status.textContent = searchStatusText(state, matches.length, outcome.catalogSize);
    list.removeAttribute('aria-busy');
    // Which state the page now shows, for anything that needs to wait for it (tests, scripts).
    root.dataset['rendered'] = serialiseSearchState(state);
  };

  const fail = (error: unknown) => {
    status.textContent = 'Search is unavailable right now: its index could not be loaded. Browse by topic or in the archive instead.';
    list.removeAttribute('aria-busy');
    console.warn('search failed', error);
  };
  const run = (next: SearchState, mode: HistoryMode) => void update(next, mode).catch(fail);

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    const query = normaliseQuery(input.value);
    if (query === state.query) return;
    if (query) void pagefind.then((api) => api.preload(query)).catch(() => undefined);
    typingTimer = setTimeout(() => run({ ...state, query }, 'typing'), TYPING_DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(typingTimer);
    run({ ...state, query: normaliseQuery(input.value) }, 'push');
  });
  sort.addEventListener('change', () => {
    if (isSortOrder(sort.value)) run({ ...state, sort: sort.value }, 'push');
  });
  facets.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement) run(toggleFilter(state, box.name as Facet, box.value, box.checked), 'push');
  });
  clear.addEventListener('click', () => run(clearFilters(state), 'push'));
  more.addEventListener('click', () => {
    void showMore(generation)
      .then((first) => first?.focus())
      .catch(fail);
  });
  window.addEventListener('popstate', () => {
    clearTimeout(typingTimer);
    run(parseSearchState(location.search), 'none');
  });

  // Arrivals may carry a non-canonical query string (from the header form or a hand-edited link).
  history.replaceState(history.state, '', `${location.pathname}${serialiseSearchState(state)}${location.hash}`);
  // Filters start open beside the results on wide screens, folded above them on narrow ones.
  filters.open = matchMedia(WIDE_LAYOUT).matches;
  watchPartialResults(required<HTMLElement>(root, '[data-search-offline]'));
  // Someone who opens an empty search page came to type; a link with a query waits for results, not the empty-state line.
  if (isBlank(state)) input.focus();
  else status.textContent = 'Searching…';
  run(state, 'none');
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);
