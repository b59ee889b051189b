/**
 * DOM for the search page's results and facets. Everything that came from the index (titles,
 * excerpts, topic names) goes in as text nodes, never as HTML: abstracts are untrusted.
 */
import { excerptSegments } from '../lib/search-excerpt.ts';
import type { FacetGroup } from '../lib/search-facets.ts';
import { type SearchVocabulary, valueToToken } from '../lib/search-query.ts';
import { routes, withBase } from '../lib/urls.ts';
import type { PagefindResultData } from './search-pagefind.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

const dateFormat = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' });
const numberFormat = new Intl.NumberFormat('en');

export const plural = (count: number, one: string, many: string) => `${numberFormat.format(count)} ${count === 1 ? one : many}`;

function topicLinks(names: readonly string[], vocabulary: SearchVocabulary): (Node | string)[] {
  return names.flatMap((name, index): (Node | string)[] => {
    const token = valueToToken(vocabulary, 'topic', name);
    const known = vocabulary.topic?.some((term) => term.token === token);
    const node = known ? element('a', { href: withBase(routes.topic(token)) }, name) : element('span', {}, name);
    return index === 0 ? [node] : [', ', node];
  });
}

export function resultItem(data: PagefindResultData, vocabulary: SearchVocabulary): HTMLLIElement {
  const details: Node[] = [];
  const date = data.meta['date'];
  if (date) details.push(element('time', { datetime: date }, dateFormat.format(new Date(`${date}T00:00:00Z`))));
  const upvotes = Number(data.meta['upvotes'] ?? 0);
  if (upvotes > 0) details.push(element('span', { 'data-upvotes': String(upvotes) }, plural(upvotes, 'upvote', 'upvotes')));
  const topics = data.filters['topic'] ?? [];
  if (topics.length > 0) details.push(element('span', { class: 'search-result__topics' }, ...topicLinks(topics, vocabulary)));
  const meta = element('p', { class: 'search-result__meta' });
  details.forEach((detail, index) => meta.append(...(index === 0 ? [detail] : [' · ', detail])));
  const excerpt = element('p', { class: 'search-result__excerpt' });
  for (const segment of excerptSegments(data.excerpt)) excerpt.append(segment.mark ? element('mark', {}, segment.text) : segment.text);
  const title = element('h2', { class: 'search-result__title' }, element('a', { href: data.url }, data.meta['title'] ?? data.url));
  return element('li', { class: 'search-result' }, title, meta, excerpt);
}

export function facetFieldsets(groups: readonly FacetGroup[]): HTMLFieldSetElement[] {
  return groups.map((group) => {
    const options = group.options.map((option) => {
      const input = element('input', { type: 'checkbox', name: group.facet, value: option.token });
      input.checked = option.checked;
      const count = element('span', { class: 'search-facet__count' }, numberFormat.format(option.count));
      return element('li', {}, element('label', {}, input, element('span', { class: 'search-facet__label' }, option.label), ' ', count));
    });
    return element('fieldset', { class: 'search-facet', 'data-facet': group.facet }, element('legend', {}, group.legend), element('ul', {}, ...options));
  });
}
