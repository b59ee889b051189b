import { expect, test } from 'vitest';
import { pageScripts, scriptPurposes, staticImports } from '../../../scripts/bench/lib/page-scripts.ts';

const page = `<!doctype html><html><head>
<script>document.documentElement.dataset.theme = localStorage.getItem('theme') ?? 'light';</script>
<script type="application/ld+json">{"@type":"ScholarlyArticle"}</script>
<link rel="modulepreload" href="/base/_astro/chunk.Ab12.js">
<link rel="stylesheet" href="/base/_astro/site.css">
</head><body>
<script type="module" src="/base/_astro/SearchEntry.astro_astro_type_script_index_0_lang.X1.js"></script>
<script type=module src='/base/_astro/Analytics.Q9.js'></script>
<script type="speculationrules">{"prefetch":[]}</script>
<script>  </script>
</body></html>`;

test('finds every script that runs, inline or external, and module preloads; data blocks are not code', () => {
  expect(pageScripts(page).map((s) => s.source)).toEqual([
    'inline',
    '/base/_astro/SearchEntry.astro_astro_type_script_index_0_lang.X1.js',
    '/base/_astro/Analytics.Q9.js',
    '/base/_astro/chunk.Ab12.js',
  ]);
});

test('judges a script by its bundle name first, then by its code', () => {
  expect(scriptPurposes('/_astro/ThemeToggle.astro_astro_type_script_index_0_lang.js', '')).toEqual(['theme']);
  expect(scriptPurposes('/_astro/SearchEntry.astro_astro_type_script_index_0_lang.js', 'theme')).toEqual(['search']);
  expect(scriptPurposes('inline', "document.documentElement.dataset.theme = 'dark'")).toEqual(['theme']);
  expect(scriptPurposes('/_astro/chunk.js', 'import("/pagefind/pagefind.js")')).toEqual(['search']);
  expect(scriptPurposes('/_astro/PaperCitation.astro_astro_type_script_index_0_lang.js', '')).toEqual(['citation']);
  expect(scriptPurposes('inline', 'navigator.clipboard.writeText(x)')).toEqual(['citation']);
  expect(scriptPurposes('/_astro/Analytics.Q9.js', 'navigator.sendBeacon("/hit")')).toEqual(['other']);
});

test("names every purpose a layout's bundle carries, not only the first it finds", () => {
  const layout = 'localStorage.setItem("theme",t);import("/pagefind/pagefind.js");navigator.clipboard.writeText(x)';
  expect(scriptPurposes('/_astro/Base.astro_astro_type_script_index_0_lang.AIFfce9Y.js', layout)).toEqual(['theme', 'search', 'citation']);
});

test('lists the relative chunks a bundle imports statically, not dynamic imports', () => {
  const code = 'import{a as b}from"./chunk.A1.js";import"./side.B2.js";export{c}from"../x/y.js";const z=import("./lazy.js");';
  expect(staticImports(code)).toEqual(['../x/y.js', './chunk.A1.js', './side.B2.js']);
});
