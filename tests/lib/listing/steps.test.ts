/**
 * Each step of the text reader on its own (src/lib/listing/read-text-listing.ts lists them): small
 * inputs, exact outputs.
 */
import { describe, expect, it } from 'vitest';
import { commonEnd, commonStart } from '../../../src/lib/listing/affixes.ts';
import { type Place, align } from '../../../src/lib/listing/align.ts';
import { classify, cutAtAbstracts } from '../../../src/lib/listing/cards.ts';
import { readLines, unwrapLinks } from '../../../src/lib/listing/lines.ts';
import { shapeOf, splitRow } from '../../../src/lib/listing/shapes.ts';
import { learnTemplate, titlePlace } from '../../../src/lib/listing/template.ts';

const A = 'We study a thing in depth. It works well in practice, and we say why it does so here.';

describe('lines', () => {
  it('takes off what a way of copying adds to every line: quote marks, list markers, emphasis, links', () => {
    const text = ['> - **A Title**', '> ', `> ${A}`, '> ', '> [4 authors](https://huggingface.co/papers/1) · May 28, 2024'].join('\n');
    expect(readLines('x', text).lines.map((l) => [l.line, l.text])).toEqual([
      [1, 'A Title'],
      [3, A],
      [5, '4 authors'],
      [5, '·'],
      [5, 'May 28, 2024'],
    ]);
  });

  it('rejoins rows a terminal cut at its width inside words, and puts back the space it trimmed', () => {
    const text = `${A} ${A} ${A} ${A} ${A} ${A} ${A} ${A} ${A} ${A}`;
    const rows: string[] = [];
    for (let at = 0; at < text.length; at += 60) rows.push(text.slice(at, at + 60).trimEnd());
    const copy = ['A Title', '', ...rows, '', '• 4 authors', '·', 'May 28, 2024'].join('\n');
    expect(readLines('x', copy).lines.map((l) => l.text)).toEqual(['A Title', text, '4 authors', '·', 'May 28, 2024']);
  });

  it('says each line that stands before the copied page’s header, and reads none of them', () => {
    const read = readLines('x', ['lena@thinkpad:~$ cat papers.txt', 'Daily Papers', 'A Title', '', A].join('\n'));
    expect(read.lines.map((l) => l.text)).toEqual(['A Title', A]);
    expect(read.warnings.map((w) => w.line)).toEqual([1]);
  });

  it('takes off an org file’s own markup: keywords, blocks, LOGBOOK drawers, date-tree headings, declared TODO keywords and tags', () => {
    const org = [
      '#+TODO: TODO READING | READ',
      '* 2024',
      '*** 2024-11-22 Friday',
      '**** READING A Title :neuro:theory:',
      ':LOGBOOK:',
      '- State "READ" from "TODO" [2024-11-25 Mon 09:12]',
      ':END:',
      ':PROPERTIES:',
      ':AUTHORS: 6',
      ':END:',
      '#+begin_quote',
      A,
      '#+end_quote',
    ];
    const read = readLines('x.org', org.join('\n'));
    expect(read.lines.map((l) => l.text)).toEqual(['A Title', 'AUTHORS: 6', A]);
    expect(read.ignored['org markup']).toBe(10);
  });

  it('does not take a page translated whole for a bilingual view', () => {
    // A Russian page: an organisation's Latin line above each Russian title, the abstracts in Russian too.
    const abstract = 'Мы изучаем модели. Они работают хорошо, и мы объясняем почему это так в нашей работе.';
    const card = (i: number) => [`deepseek-ai DeepSeek ${i}`, `Заголовок статьи номер ${i}`, '', abstract, '', '• 4 автора', '·', '28 мая 2024', ''];
    const read = readLines('x', [...card(1), ...card(2), ...card(3), ...card(4)].join('\n'));
    expect(read.lines.filter((l) => l.text.startsWith('Заголовок'))).toHaveLength(4);
  });

  it('takes off a chat export’s head on every message, and a label set in bold inside a row', () => {
    const chat = ['[Anna] [10:41 AM] Candidates for this week', '[Anna] [10:42 AM] A Title', '', A, '', '• 4 authors', '·', 'May 28, 2024', '[Ben] [10:50 AM] Nice'].join('\n');
    expect(readLines('x', chat).lines.map((l) => l.text)).toEqual(['Candidates for this week', 'A Title', A, '4 authors', '·', 'May 28, 2024', 'Nice']);
    expect(readLines('x', '**Authors:** 7 · **Published**: 10 Sep 2023').lines.map((l) => l.text)).toEqual(['Authors: 7', '·', 'Published: 10 Sep 2023']);
  });

  it('joins a paragraph hard-wrapped near one width, and a word split at the wrap', () => {
    const words = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau'.split(' ');
    const wrapped: string[] = [];
    let line = '';
    for (const word of [...words, ...words, ...words, ...words]) {
      if (`${line} ${word}`.trim().length > 60) wrapped.push(line), (line = word);
      else line = `${line} ${word}`.trim();
    }
    wrapped.push(`${line} end.`);
    const lines = readLines('x', ['Title', '', ...wrapped].join('\n')).lines;
    expect(lines.map((l) => l.text)).toEqual(['Title', `${[...words, ...words, ...words, ...words].join(' ')} end.`]);
  });

  it('reads a table saved as TSV cell by cell, each cell under its column header', () => {
    const text = ['Title\tAbstract\tDate\tUpvotes', `A Title\t${A}\tMay 28, 2024\t3`, `B Title\t${A}\t5/29/2024\t12`].join('\n');
    const read = readLines('x', text);
    expect(read.lines.map((l) => l.text)).toEqual(['A Title', A, 'Date:: May 28, 2024', 'Upvotes:: 3', 'B Title', A, 'Date:: 5/29/2024', 'Upvotes:: 12']);
    expect(read.ignored.header).toBe(1);
    expect(read.format).toBe('page');
  });

  it('takes off the marks notes apps put on some lines only: Markdown headings, quoted paragraphs', () => {
    const text = ['# My reading', '', '## A Title', '', `> ${A}`, '', '*3 authors · May 28, 2024*', '', '## B Title', '', `> ${A}`].join('\n');
    expect(readLines('x', text).lines.map((l) => l.text)).toEqual(['My reading', 'A Title', A, '3 authors', '·', 'May 28, 2024', 'B Title', A]);
  });

  it('unwraps links in one pass, and leaves brackets that are no link', () => {
    expect(unwrapLinks('### [A Title](https://x.org/p) and ![img](https://x.org/i.png)')).toBe('### A Title and');
    expect(unwrapLinks('[a][12] [b](not a url) [[c')).toBe('a [b](not a url) [[c');
    expect(unwrapLinks('4 authors](https://x.org/p)')).toBe('4 authors');
  });
});

describe('shapes', () => {
  it('says what each line holds', () => {
    expect(shapeOf('May 28, 2024')).toMatchObject({ kind: 'date', date: { month: 5, day: 28, year: 2024 } });
    expect(shapeOf('- 6 authors')).toEqual({ kind: 'text' });
    expect(shapeOf('6 authors')).toEqual({ kind: 'byline', authors: 6 });
    expect(shapeOf('Ada Lovelace, Alan Turing +3 authors')).toEqual({ kind: 'byline', names: ['Ada Lovelace', 'Alan Turing'], authors: 5 });
    expect(shapeOf('NAVER AI Lab 12 authors')).toEqual({ kind: 'byline', organisation: 'NAVER AI Lab', authors: 12 });
    expect(shapeOf('Clustering and Energy-Based Models')).toEqual({ kind: 'text' });
    expect(shapeOf('💬 3')).toEqual({ kind: 'number', value: 3, unit: 'comments' });
    expect(shapeOf('1.2k')).toEqual({ kind: 'number', value: 1200 });
    expect(shapeOf('Submitted by akhaliq')).toEqual({ kind: 'label', label: 'Submitted by', value: 'akhaliq' });
    expect(shapeOf('---')).toEqual({ kind: 'separator' });
    expect(shapeOf(A)).toEqual({ kind: 'long' });
  });

  it('reads a labelled field by the word of its label that names the unit, in digits of any script', () => {
    expect(shapeOf('Number of authors: 8')).toEqual({ kind: 'byline', authors: 8 });
    expect(shapeOf('عدد المؤلفين: ٨')).toEqual({ kind: 'byline', authors: 8 });
    expect(shapeOf('عدد الأصوات: ٢')).toEqual({ kind: 'number', value: 2, unit: 'upvotes' });
    expect(shapeOf('تاريخ النشر: ٢٩ ديسمبر ٢٠٢٤')).toMatchObject({ kind: 'date', date: { year: 2024, month: 12, day: 29 } });
    expect(shapeOf('Author:: Mukherji, Tobias; Varga, Lena')).toEqual({ kind: 'byline', names: ['Tobias Mukherji', 'Lena Varga'] });
    expect(shapeOf('Authors: ?')).toEqual({ kind: 'byline', unreadable: '?' });
    expect(shapeOf('Authors: Jane Doe')).toEqual({ kind: 'byline', names: ['Jane Doe'], authors: 1 });
    expect(shapeOf('Author: DeepSeek-AI')).toEqual({ kind: 'byline', names: ['DeepSeek-AI'], authors: 1 });
    // A year is no count, though it is a number.
    expect(shapeOf('Publication Year:: 2021')).toEqual({ kind: 'label', label: 'Publication Year', value: '2021' });
  });

  it('splits a row of fields, and leaves a title or an abstract whole', () => {
    expect(splitRow('  • 4 authors · May 28, 2024')).toEqual(['4 authors', '·', 'May 28, 2024']);
    expect(splitRow('4 authors\tMay 28, 2024')).toEqual(['4 authors', 'May 28, 2024']);
    expect(splitRow('naver-ai NAVER AI Lab ·')).toEqual(['naver-ai NAVER AI Lab', '·']);
    expect(splitRow('2024-06-01\t1')).toEqual(['2024-06-01\t1']);
    expect(splitRow('Keynote · A Talk')).toEqual(['Keynote · A Talk']);
  });
});

describe('align', () => {
  const places: Place[] = [
    { cls: 'byline', optional: false },
    { cls: 'separator', optional: false },
    { cls: 'date', optional: false },
    { cls: 'text', optional: false },
  ];
  it('matches each line with a place, or calls it extra, or the place missing', () => {
    expect(align(['byline', 'separator', 'date', 'text'], places).cost).toBe(0);
    expect(align(['byline', 'date', 'text'], places).steps).toEqual([
      { line: 0, place: 0 },
      { line: null, place: 1 },
      { line: 1, place: 2 },
      { line: 2, place: 3 },
    ]);
    expect(align(['byline', 'separator', 'date', 'number', 'text'], places).steps).toContainEqual({ line: 3, place: null });
  });

  it('lets an organisation stand in a byline place and a number in a title place, at a price', () => {
    expect(align(['text', 'separator', 'date', 'text'], places).cost).toBe(1);
    expect(align(['byline', 'separator', 'date', 'number'], places).cost).toBe(2);
  });
});

describe('cards and template', () => {
  const card = (title: string, extra: string[] = []) => [...extra, title, A, '4 authors', '·', 'May 28, 2024'];
  const lines = (texts: string[]) => texts.map((text, i) => ({ line: i + 1, text }));

  it('cuts a file at its abstracts, and learns the layout the gaps repeat', () => {
    const texts = [...card('One', ['7']), ...card('Two', ['3']), ...card('Three', ['5'])];
    const cut = cutAtAbstracts(classify(lines(texts), true), true);
    expect(cut.abstracts).toHaveLength(3);
    expect(cut.gaps.map((g) => g.map((l) => l.text))).toEqual([
      ['7', 'One'],
      ['4 authors', '·', 'May 28, 2024', '3', 'Two'],
      ['4 authors', '·', 'May 28, 2024', '5', 'Three'],
      ['4 authors', '·', 'May 28, 2024'],
    ]);
    const template = learnTemplate(cut, true);
    expect(template.learned).toBe(true);
    expect(template.places.map((p) => p.cls)).toEqual(['byline', 'separator', 'date', 'number', 'text']);
    // The first card opens with the count, and the last ends at the date: the count opens a card.
    expect(template.split).toBe(3);
    expect(titlePlace(template.places, template.split)).toBe(4);
  });

  it('falls back on the page’s own layout for a file of too few cards', () => {
    const cut = cutAtAbstracts(classify(lines(card('One')), true), true);
    expect(learnTemplate(cut, true).learned).toBe(false);
  });
});

describe('affixes', () => {
  it('finds the start every title shares up to a separator, digits aside', () => {
    expect(commonStart(['Paper page - A', 'Paper page - B'])!.source).toBe('^Paper page - ');
    expect(commonStart(['[9]A', '[10]B'])!.test('[123]C')).toBe(true);
    expect(commonStart(['Learning A', 'Learning B'])).toBeUndefined();
    expect(commonStart(['Only one'])).toBeUndefined();
    expect(commonStart(['[Anna] [10:42] A', '[Ben] [9:05] B'])!.test('[Cleo] [11:00] C')).toBe(true);
  });

  it('finds the end every abstract shares from a space on, when it holds a mark and is short', () => {
    expect(commonEnd([`${A} (View Highlight)`, `They did that, and it worked. (View Highlight)`])).toBe(' (View Highlight)');
    expect(commonEnd(['We show the results.', 'Both improve the results.'])).toBeUndefined();
    expect(commonEnd([`${A} We report results. (View Highlight)`, `They did that, and it worked in the results. (View Highlight)`])).toBe(' (View Highlight)');
    expect(commonEnd(['Only one. (x)'])).toBeUndefined();
    // The same abstract twice shares all of itself: no copy's mark (a counterexample fast-check found).
    expect(commonEnd(['Abstract 4. Second sentence (x).', 'Abstract 4. Second sentence (x).'])).toBeUndefined();
  });
});
