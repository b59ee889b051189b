/**
 * The search page: keeps the URL, the controls and the results in step. The URL is the source of
 * truth (`?q=…&topic=…&sort=…`): every change writes it, Back and reload read it. Results come from
 * Pagefind in pages of PAGE_SIZE; only the shown ones have their data fragment fetched. Facet counts
 * come after the results: from the build for an empty search, from a second Pagefind instance for
 * any other, and only while the filters are open.
 *
 * On a catalog of several shards the first results come from the newest shard alone, said so in the
 * status line; the other shards are fetched after them and the search runs again over all of them.
 */
import { facetGroups } from '../lib/search/search-facets.ts';
import { type FilterCounts, type PagefindRequest, type SearchVocabulary, facetsNeedingOwnCounts, mergeFacetCounts, searchRequest } from '../lib/search/search-query.ts';
import { FACETS, type Facet } from '../lib/search/search-record.ts';
import { SORT_ORDERS, type SearchState, clearFilters, hasFilters, isBlank, normaliseQuery, parseSearchState, serialiseSearchState, toggleFilter } from '../lib/search/search-state.ts';
import { type PartialSearch, searchStatusText } from '../lib/search/search-status.ts';
import { watchPartialResults } from './search-offline.ts';
import { type Pagefind, type PagefindResult, type PagefindResultData, loadPagefind } from './search-pagefind.ts';
import { facetFieldsets, resultItem } from './search-render.ts';

const PAGE_SIZE = 20;
/**
 * Results that fill a screen. Each result's data is a request of its own; these are shown as soon as
 * theirs arrive (one round of a browser's six connections per host), the rest of the page follows.
 */
const FIRST_SCREEN = 5;
/** Where the page's CSS puts the filters in a column of their own. */
const WIDE_LAYOUT = '(min-width: 56rem)';

/** How a state change is recorded: a new history entry, folded into the current typing entry, or not at all (Back). */
type HistoryMode = 'push' | 'typing' | 'none';

type FacetCounts = Record<Facet, Record<string, number>>;

function required<T extends Element>(root: ParentNode, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`search page: missing ${selector}`);
  return found;
}

const isSortOrder = (value: string): value is SearchState['sort'] => SORT_ORDERS.some((order) => order === value);

/** Counts do not depend on the order, and a sorted search asks every shard alone: so none is sorted. */
async function counts(pagefind: Pagefind, request: PagefindRequest): Promise<FilterCounts> {
  return (await pagefind.search(request.term, { filters: request.options.filters }))?.filters ?? {};
}

/**
 * Counts for a non-blank state, from the counting instance (see search-pagefind.ts). `main` is the
 * counts of the state's own search when that already ran there (filtered results do).
 */
async function facetCounts(pagefind: Pagefind, state: SearchState, vocabulary: SearchVocabulary, main?: FilterCounts): Promise<FacetCounts> {
  const [mainCounts, ...own] = await Promise.all([
    main ?? counts(pagefind, searchRequest(state, vocabulary)),
    ...facetsNeedingOwnCounts(state).map(async (facet) => [facet, await counts(pagefind, searchRequest(state, vocabulary, facet))] as const),
  ]);
  return mergeFacetCounts(mainCounts, Object.fromEntries(own));
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
  const catalogCounts = mergeFacetCounts(JSON.parse(root.dataset['facetCounts'] ?? '{}') as FilterCounts, {});
  const catalogSize = Object.values(catalogCounts['has-upvotes']).reduce((sum, count) => sum + count, 0);
  const pageTitle = document.title;

  let state = parseSearchState(location.search);
  let matches: PagefindResult[] = [];
  /** Bumped by every state change; a search or count for an older generation is dropped. */
  let generation = 0;
  /** The generations whose results, and whose facet counts, are on screen. */
  let shown = -1;
  let counted = -1;
  let searching = false;
  let counting = false;
  /** Facet counts that came with the results of a filtered search, for the generation they belong to. */
  let resultCounts: { generation: number; counts: FilterCounts } | undefined;
  // Loaded at once, so the first keystroke only waits for its own index chunks.
  const newest = loadPagefind('newest');
  /**
   * The whole archive, fetched once the newest shard has given its first results: `index` searches
   * every shard once loaded, `rest` is what the status line says of it meanwhile, and `awaited`
   * whether the results on screen are the newest shard's, to be searched again when it arrives.
   */
  const archive: { requested: boolean; index?: Pagefind; rest: PartialSearch['rest']; awaited: boolean } = { requested: false, rest: 'loading', awaited: false };

  const syncControls = () => {
    if (normaliseQuery(input.value) !== state.query) input.value = state.query;
    sort.value = state.sort;
    document.title = state.query ? `${state.query} – ${pageTitle}` : pageTitle;
    clear.hidden = !hasFilters(state);
    const ticked = FACETS.reduce((sum, facet) => sum + state.filters[facet].length, 0);
    filterCount.textContent = ticked > 0 ? `(${ticked})` : '';
  };

  const recordHistory = (mode: HistoryMode) => {
    const url = `${location.pathname}${serialiseSearchState(state)}${location.hash}`;
    if (mode === 'none' || url === `${location.pathname}${location.search}${location.hash}`) return;
    const typing = mode === 'typing';
    // One history entry per burst of typing, a new one for every filter or sort change.
    if (typing && (history.state as { typing?: boolean } | null)?.typing) history.replaceState({ typing }, '', url);
    else history.pushState({ typing }, '', url);
  };

  /** Which state the page now shows in full, for anything that needs to wait for it (tests, scripts). */
  const markRendered = () => {
    if (shown === generation && !archive.awaited && (counted === generation || !filters.open)) root.dataset['rendered'] = serialiseSearchState(state);
    else delete root.dataset['rendered'];
  };

  const renderFacets = (counts: FacetCounts) => {
    const focused = document.activeElement instanceof HTMLInputElement && facets.contains(document.activeElement) ? document.activeElement : null;
    facets.replaceChildren(...facetFieldsets(facetGroups(counts, state, vocabulary)));
    if (focused) facets.querySelector<HTMLInputElement>(`input[name="${CSS.escape(focused.name)}"][value="${CSS.escape(focused.value)}"]`)?.focus();
    facets.removeAttribute('aria-busy');
  };

  const itemsOf = async (data: readonly Promise<PagefindResultData>[]): Promise<HTMLLIElement[]> => (await Promise.all(data)).map((item) => resultItem(item, vocabulary));
  /** The result items of `found` from `from` on, with their data fragments fetched. */
  const page = (found: readonly PagefindResult[], from: number) => itemsOf(found.slice(from, from + PAGE_SIZE).map((result) => result.data()));

  const syncMore = () => {
    const remaining = matches.length - list.children.length;
    more.hidden = remaining <= 0;
    more.textContent = `Show ${Math.min(PAGE_SIZE, remaining)} more (${list.children.length} of ${matches.length} shown)`;
  };

  /** Fetches the other shards, then searches the state on screen again if it came from the newest alone. */
  const loadArchive = () => {
    if (archive.requested) return;
    archive.requested = true;
    void loadPagefind('results')
      .then(
        (index) => {
          archive.index = index;
        },
        (error: unknown) => {
          archive.rest = 'unavailable';
          console.warn('search: the older shards could not be loaded', error);
        },
      )
      .then(() => {
        if (!archive.awaited) return;
        const height = status.getBoundingClientRect().height;
        update(state, 'none');
        // The complete status line is shorter than the partial one: holding its height until the
        // reader's next change keeps the results from moving up under their eyes.
        status.style.minHeight = `${height}px`;
      });
  };

  const fail = (error: unknown) => {
    status.textContent = 'Search is unavailable right now: its index could not be loaded. Browse by topic or in the archive instead.';
    list.removeAttribute('aria-busy');
    console.warn('search failed', error);
  };

  /**
   * Facet counts for what is on screen, once the results are there and while the filters are open.
   * One count runs at a time; whatever changed meanwhile is counted next, stale states never.
   */
  const countLoop = async () => {
    if (counting) return;
    counting = true;
    try {
      while (filters.open && shown === generation && counted !== generation) {
        const mine = generation;
        const main = resultCounts?.generation === mine ? resultCounts.counts : undefined;
        const counts = await facetCounts(await loadPagefind('counts'), state, vocabulary, main);
        if (mine !== generation) continue;
        renderFacets(counts);
        counted = mine;
        markRendered();
      }
    } catch (error) {
      // The results stand; the filters keep their last counts, still marked as out of date.
      counted = generation;
      markRendered();
      console.warn('facet counts failed', error);
    } finally {
      counting = false;
    }
  };

  /**
   * Searches for the current state. One search runs at a time and keystrokes made meanwhile are
   * searched together when it returns, so no keystroke waits for a delay and none queues behind
   * searches whose results nobody will see.
   */
  const searchLoop = async () => {
    if (searching) return;
    searching = true;
    try {
      while (shown !== generation) {
        const mine = generation;
        const current = state;
        let found: PagefindResult[] = [];
        let items: HTMLLIElement[] = [];
        let rest: Promise<PagefindResultData>[] = [];
        let partial: PartialSearch | undefined;
        if (!isBlank(current)) {
          const request = searchRequest(current, vocabulary);
          // A filtered search loads its filters' chunks into the instance that runs it, which from
          // then on counts their values on every search: so it runs where counting happens anyway.
          const filtered = hasFilters(current);
          const index = filtered ? await loadPagefind('counts') : (archive.index ?? (await newest));
          const response = await index.search(request.term, request.options);
          if (mine !== generation) continue;
          partial = index.partial && { ...index.partial, rest: archive.rest };
          found = response?.results ?? [];
          if (filtered) resultCounts = { generation: mine, counts: response?.filters ?? {} };
          const data = found.slice(0, PAGE_SIZE).map((result) => result.data());
          // Handled where awaited; a newer search may leave some never awaited.
          for (const promise of data) promise.catch(() => undefined);
          items = await itemsOf(data.slice(0, FIRST_SCREEN));
          if (mine !== generation) continue;
          rest = data.slice(FIRST_SCREEN);
        }
        // Old results stay until a screenful of new ones is complete, then are swapped in one step;
        // the rest of the page goes below them, where nothing on screen can move.
        matches = found;
        more.hidden = true;
        list.replaceChildren(...items);
        status.textContent = searchStatusText(current, found.length, catalogSize, partial);
        list.removeAttribute('aria-busy');
        if (rest.length > 0) {
          const others = await itemsOf(rest);
          if (mine !== generation) continue;
          list.append(...others);
        }
        syncMore();
        shown = mine;
        archive.awaited = partial?.rest === 'loading';
        if (archive.awaited) loadArchive();
        if (isBlank(current)) {
          renderFacets(catalogCounts);
          counted = mine;
        } else {
          facets.setAttribute('aria-busy', 'true');
        }
        markRendered();
        void countLoop();
      }
    } catch (error) {
      fail(error);
    } finally {
      searching = false;
    }
  };

  const update = (next: SearchState, mode: HistoryMode) => {
    state = next;
    status.style.minHeight = '';
    recordHistory(mode);
    syncControls();
    generation += 1;
    list.setAttribute('aria-busy', 'true');
    markRendered();
    void searchLoop();
  };

  input.addEventListener('input', () => {
    const query = normaliseQuery(input.value);
    if (query !== state.query) update({ ...state, query }, 'typing');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = normaliseQuery(input.value);
    if (query !== state.query) update({ ...state, query }, 'push');
  });
  sort.addEventListener('change', () => {
    if (isSortOrder(sort.value)) update({ ...state, sort: sort.value }, 'push');
  });
  facets.addEventListener('change', (event) => {
    const box = event.target;
    if (box instanceof HTMLInputElement) update(toggleFilter(state, box.name as Facet, box.value, box.checked), 'push');
  });
  filters.addEventListener('toggle', () => {
    markRendered();
    void countLoop();
  });
  clear.addEventListener('click', () => update(clearFilters(state), 'push'));
  more.addEventListener('click', () => {
    const mine = shown;
    void page(matches, list.children.length)
      .then((items) => {
        if (mine !== shown) return;
        list.append(...items);
        syncMore();
        items[0]?.querySelector('a')?.focus();
      })
      .catch(fail);
  });
  window.addEventListener('popstate', () => update(parseSearchState(location.search), 'none'));

  // Arrivals may carry a non-canonical query string (from the header form or a hand-edited link).
  history.replaceState(history.state, '', `${location.pathname}${serialiseSearchState(state)}${location.hash}`);
  // Filters start open only beside the results of a filtered link on a wide screen: their counts
  // cost a second copy of the index's filters, which a reader who never filters should not download.
  filters.open = hasFilters(state) && matchMedia(WIDE_LAYOUT).matches;
  watchPartialResults(required<HTMLElement>(root, '[data-search-offline]'));
  // Someone who opens an empty search page came to type; a link with a query waits for results, not the empty-state line.
  if (isBlank(state)) input.focus();
  else status.textContent = 'Searching…';
  update(state, 'none');
}

const root = document.querySelector<HTMLElement>('[data-search-page]');
if (root) start(root);
