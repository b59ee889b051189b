/**
 * DOM for the search page's results and facets. Everything that came from the index (titles,
 * excerpts, topic names) goes in as text nodes, never as HTML: abstracts are untrusted.
 */
import { countOf, formatDate, formatNumber } from '../lib/site/format.ts';
import { excerptSegments, withoutTitle } from '../lib/search/search-excerpt.ts';
import type { FacetGroup } from '../lib/search/search-facets.ts';
import { type SearchVocabulary, valueToToken } from '../lib/search/search-query.ts';
import { routes, withBase } from '../lib/site/urls.ts';
import type { PagefindResultData } from './search-pagefind.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The upvote triangle of the site's bylines. */
function upvoteIcon(): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  for (const [name, value] of Object.entries({ viewBox: '0 0 12 12', width: '10', height: '10', 'aria-hidden': 'true', focusable: 'false' })) svg.setAttribute(name, value);
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'M6 1.5 11 9.5H1Z');
  path.setAttribute('fill', 'currentColor');
  svg.append(path);
  return svg;
}

function byline(data: PagefindResultData): HTMLParagraphElement {
  const date = data.meta['date'];
  const line = element('p', { class: 'byline search-result__meta' }, date ? element('time', { datetime: date }, formatDate(date, { short: true })) : element('span', {}, 'Undated'));
  const organisation = data.meta['organisation'];
  const authors = data.meta['authors']?.split(', ');
  // Shortened as a reference list shortens them: one or two names, or the first and "et al."
  if (authors?.length) line.append(element('span', {}, authors.length > 2 ? `${authors[0]} et al.` : authors.join(' and ')));
  else if (organisation) line.append(element('span', {}, organisation));
  const upvotes = Number(data.meta['upvotes'] ?? 0);
  if (upvotes > 0) line.append(element('span', { class: 'byline__upvotes', 'data-upvotes': String(upvotes) }, upvoteIcon(), countOf(upvotes, 'upvote')));
  return line;
}

function topicChips(names: readonly string[], vocabulary: SearchVocabulary): HTMLUListElement {
  const chips = names.map((name) => {
    const token = valueToToken(vocabulary, 'topic', name);
    const known = vocabulary.topic?.some((term) => term.token === token);
    return element('li', {}, known ? element('a', { class: 'chip', href: withBase(routes.topic(token)) }, name) : element('span', { class: 'chip' }, name));
  });
  return element('ul', { class: 'chips search-result__topics', 'aria-label': 'Topics' }, ...chips);
}

/** One result, built like the site's paper cards so search looks like every other list. */
export function resultItem(data: PagefindResultData, vocabulary: SearchVocabulary): HTMLLIElement {
  const heading = data.meta['title'];
  const title = element('h2', { class: 'search-result__title' }, element('a', { href: data.url }, heading ?? data.url));
  const card = element('article', {}, title, byline(data));
  const segments = excerptSegments(data.excerpt);
  const shown = heading === undefined ? segments : withoutTitle(segments, heading);
  if (shown.length > 0) {
    const excerpt = element('p', { class: 'search-result__excerpt' });
    for (const segment of shown) excerpt.append(segment.mark ? element('mark', {}, segment.text) : segment.text);
    card.append(excerpt);
  }
  const topics = data.filters['topic'] ?? [];
  if (topics.length > 0) card.append(topicChips(topics, vocabulary));
  return element('li', { class: 'search-result' }, card);
}

export function facetFieldsets(groups: readonly FacetGroup[]): HTMLFieldSetElement[] {
  return groups.map((group) => {
    const options = group.options.map((option) => {
      const input = element('input', { type: 'checkbox', name: group.facet, value: option.token });
      input.checked = option.checked;
      const count = element('span', { class: 'search-facet__count' }, formatNumber(option.count));
      return element('li', {}, element('label', {}, input, element('span', { class: 'search-facet__label' }, option.label), ' ', count));
    });
    return element('fieldset', { class: 'search-facet', 'data-facet': group.facet }, element('legend', {}, group.legend), element('ul', {}, ...options));
  });
}
