/**
 * Every HTML page of the fixture site through html-validate's recommended rules: content models,
 * accessibility techniques (a form needs a submit button, WCAG H32), attributes, nesting. The rules
 * switched off are style choices the site makes on purpose, each with its reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { expect, test } from 'vitest';
import { listBuiltFiles } from '../../src/build/built-site.ts';
import { PAGEFIND_DIR } from '../../src/lib/search/search-paths.ts';
import { FIXTURE_DIST } from './fixture-site.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // `role="list"` on lists styled without markers: Safari's VoiceOver drops their list semantics otherwise.
    'no-redundant-role': 'off',
    'prefer-native-element': ['error', { exclude: ['list'] }],
    // Lists of topic chips are named ("Topics") so a screen reader says what the list is; axe accepts it.
    'aria-label-misuse': 'off',
    // A listing page's title is its editor's title for the listing: content, not markup.
    'long-title': 'off',
    // Month anchors (`archive/2021/#2021-11`) are valid HTML ids and published fragments; only CSS selectors mind the digit.
    'valid-id': ['error', { relaxed: true }],
  },
});

test('every page of the site is valid HTML', { timeout: 300_000 }, async () => {
  const pages = listBuiltFiles(FIXTURE_DIST).filter((file) => file.endsWith('.html') && !file.startsWith(PAGEFIND_DIR));
  expect(pages.length).toBeGreaterThan(500);
  const problems: string[] = [];
  for (const page of pages) {
    const report = await validator.validateString(readFileSync(join(FIXTURE_DIST, page), 'utf8'), page);
    const messages: Message[] = report.results.flatMap((result) => result.messages);
    for (const m of messages) problems.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
  }
  expect(problems.slice(0, 40)).toEqual([]);
});
