/**
 * The benchmark's Hugo reference: the same papers as Markdown with a minimal layout, a `topics`
 * taxonomy, paginated lists like the catalog's, and the Pagefind body marked on paper pages, so
 * "Hugo + Pagefind" does the same job as the real build. Written for Hugo 0.111 (Debian bookworm)
 * and later.
 */
import { stringify } from 'yaml';
import type { FloorPaper } from './floor-page.ts';

const BASEOF = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ site.Title }}</title><link rel="canonical" href="{{ .Permalink }}"></head>
<body><header><a href="{{ site.Home.RelPermalink }}">{{ site.Title }}</a></header>
<main>{{ block "main" . }}{{ end }}</main></body></html>
`;

const SINGLE = `{{ define "main" }}<article data-pagefind-body><h1>{{ .Title }}</h1>
<p>{{ if not .Date.IsZero }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time> · {{ end }}{{ with .Params.authors }}{{ . }} authors · {{ end }}{{ .Params.upvotes }} upvotes</p>
<ul>{{ range .GetTerms "topics" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ .Content }}</article>{{ end }}
`;

const LIST = `{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range (.Paginate .Pages).Pages }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
{{ template "_internal/pagination.html" . }}{{ end }}
`;

/** Config and layouts of the reference site, by path relative to its root. */
export function hugoSiteFiles(options: { baseURL: string; pageSize: number }): Record<string, string> {
  const config = {
    baseURL: options.baseURL,
    title: 'Papershelf (Hugo reference)',
    languageCode: 'en',
    taxonomies: { topic: 'topics' },
    paginate: options.pageSize,
  };
  return {
    'hugo.yaml': stringify(config),
    'layouts/_default/baseof.html': BASEOF,
    'layouts/_default/single.html': SINGLE,
    'layouts/_default/list.html': LIST,
  };
}

/** One paper as a Hugo content file (`content/papers/<slug>.md`). */
export function hugoPaper(paper: FloorPaper): string {
  const front: Record<string, unknown> = { title: paper.title, upvotes: paper.upvotes, topics: [...paper.topics] };
  if (paper.published) front.date = paper.published;
  if (paper.authors) front.authors = paper.authors;
  return `---\n${stringify(front, { lineWidth: 0 })}---\n\n${paper.body.trim()}\n`;
}
