import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { SCORING, TaxonomyError, type Topic, applyCorrection, checkTaxonomy, createTagger, parseNoteCorrection, parseTaxonomy, topicTree, unknownTopics } from '../../../src/lib/topics/topics.ts';

const topic = (id: string, terms: string[], extra: Partial<Topic> = {}): Topic => ({ id, name: id, description: `About ${id}.`, terms, ...extra });

/** A paper whose abstract mentions a phrase `n` times, so tests can set the evidence exactly. */
const mentions = (phrase: string, n: number) => Array.from({ length: n }, () => `We use ${phrase}.`).join(' ');

describe('matching', () => {
  const tagger = createTagger([
    topic('peft', ['low-rank adaptation'], { acronyms: ['LoRA'] }),
    topic('moe', ['mixture of experts'], { acronyms: ['MoE'] }),
    topic('icl', ['in-context learn*'], { acronyms: ['ICL'] }),
    topic('llm', ['large language model'], { acronyms: ['LLM'] }),
    topic('quantization', ['quantiz*']),
    topic('finetuning', ['fine-tuning']),
  ]);
  const tags = (title: string, abstract = '') => tagger.tag({ title, abstract });

  test('acronyms match as whole words only', () => {
    expect(tags('Explorations of exploratory search')).toEqual([]);
    expect(tags('A Moebius strip and a MOEBIUS band')).toEqual([]);
    expect(tags('Papers from ICLR2024 and ICLR')).toEqual([]);
    expect(tags('The Bellman equation, BEllman written oddly')).toEqual([]);
    expect(tags('DyLoRA and RandLoRA')).toEqual([]);
  });

  test('acronyms match case-sensitively, with plurals and hyphens as boundaries', () => {
    expect(tags('Sparse LoRA for LLMs')).toEqual(['llm', 'peft']);
    expect(tags('MoE-LoRA: experts')).toEqual(['moe', 'peft']);
    expect(tags('lora and moe in lower case')).toEqual([]);
    expect(tags('PLDR-LLM: a model')).toEqual(['llm']);
  });

  test('phrases ignore case and treat spaces, hyphens and nothing alike', () => {
    for (const title of ['Fine-Tuning at scale', 'fine tuning at scale', 'Finetuning at scale', 'FINE-TUNING']) {
      expect(tags(title)).toEqual(['finetuning']);
    }
    expect(tags('Mixture-of-Experts layers')).toEqual(['moe']);
    expect(tags('Two Large Language Models')).toEqual(['llm']);
  });

  test('a trailing * accepts any word ending, but only at the end of a word', () => {
    expect(tags('Quantized weights')).toEqual(['quantization']);
    expect(tags('Quantization of activations')).toEqual(['quantization']);
    expect(tags('Quantum circuits')).toEqual([]);
    expect(tags('Learns in-context', '')).toEqual([]);
    expect(tags('In-context learners are learning in-context')).toEqual(['icl']);
  });

  test('a pure-ASCII text matches the same terms as through the Unicode patterns', () => {
    const piece = fc.constantFrom(
      'LoRA',
      'lora',
      'MoE',
      'Moebius',
      'mixture',
      'of',
      'experts',
      'in',
      'context',
      'learners',
      'Quantized',
      'quantum',
      'fine',
      'tuning',
      'LLMs',
      'PLDR',
      'x1',
      '2024',
      'ICLR',
      'large',
      'language',
      'models',
    );
    const glue = fc.constantFrom(' ', '-', '', ', ', '_', '.', '\t');
    const text = fc.array(fc.tuple(piece, glue), { maxLength: 12 }).map((parts) => parts.flat().join(''));
    // A trailing no-break space adds no match but sends the text down the Unicode path.
    const viaUnicode = (value: string) => `${value} \u00a0`;
    fc.assert(
      fc.property(text, text, (title, abstract) => {
        expect(tagger.score({ title: viaUnicode(title), abstract: viaUnicode(abstract) })).toEqual(tagger.score({ title, abstract }));
      }),
    );
  });

  test('exclusions blank out a phrase before the topic looks for its terms', () => {
    const excluding = createTagger([topic('neuro', ['brain'], { exclude: ['brain tumou*'] }), topic('medical', ['tumou*'])]);
    expect(excluding.tag({ title: 'Brain tumour segmentation', abstract: '' })).toEqual(['medical']);
    expect(excluding.tag({ title: 'Brain tumour segmentation and the brain', abstract: '' })).toEqual(['medical', 'neuro']);
  });

  test('exclusions also hide acronyms, whatever the case of the excluded phrase', () => {
    const gnn = createTagger([topic('gnn', ['graph attention'], { acronyms: ['GAT'], exclude: ['gat: guided'] })]);
    expect(gnn.tag({ title: 'GAT: Guided Adversarial Training with Pareto-optimal Auxiliary Tasks', abstract: '' })).toEqual([]);
    expect(gnn.tag({ title: 'GAT layers for node classification', abstract: '' })).toEqual(['gnn']);
  });
});

describe('scoring', () => {
  test('one title match outweighs several abstract mentions', () => {
    const tagger = createTagger([topic('a', ['alpha']), topic('b', ['beta'])]);
    const [first, second] = tagger.score({ title: 'Alpha', abstract: mentions('beta', 3) });
    expect(first).toEqual({ id: 'a', score: SCORING.titleWeight, titleMatches: 1, abstractMatches: 0 });
    expect(second!.id).toBe('b');
    expect(tagger.tag({ title: 'Alpha', abstract: mentions('beta', 3) })).toEqual(['a', 'b']);
  });

  test('a single abstract mention is not enough, and a topic can ask for more', () => {
    const tagger = createTagger([topic('a', ['alpha']), topic('broad', ['pre-train*'], { minMentions: 3 })]);
    expect(tagger.tag({ title: 'Untitled', abstract: mentions('alpha', 1) })).toEqual([]);
    expect(tagger.tag({ title: 'Untitled', abstract: mentions('alpha', 2) })).toEqual(['a']);
    expect(tagger.tag({ title: 'Untitled', abstract: mentions('pre-training', 2) })).toEqual([]);
    expect(tagger.tag({ title: 'Untitled', abstract: mentions('pre-trained models', 3) })).toEqual(['broad']);
    expect(tagger.tag({ title: 'Pre-training', abstract: '' })).toEqual(['broad']);
  });

  test('abstract evidence is capped, so a long abstract does not drown a title match', () => {
    const tagger = createTagger([topic('a', ['alpha']), topic('b', ['beta'])]);
    const ranked = tagger.score({ title: 'Alpha', abstract: mentions('beta', 40) });
    expect(ranked.find((s) => s.id === 'b')).toEqual({ id: 'b', score: SCORING.abstractCap, titleMatches: 0, abstractMatches: 40 });
  });

  test('topics far weaker than the best one are dropped', () => {
    const tagger = createTagger([topic('a', ['alpha']), topic('b', ['beta'])]);
    const abstract = `${mentions('alpha', 5)} ${mentions('beta', 2)}`;
    expect(tagger.tag({ title: 'Alpha and alpha', abstract })).toEqual(['a']);
    expect(tagger.tag({ title: 'Untitled', abstract })).toEqual(['a', 'b']);
  });

  test('at most four topics, best first', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const tagger = createTagger(ids.map((id) => topic(id, [`term${id}`])));
    const abstract = ids.map((id, i) => mentions(`term${id}`, 2 + i)).join(' ');
    expect(tagger.tag({ title: 'Untitled', abstract })).toEqual(['f', 'e', 'd', 'c']);
  });

  test('ties are broken by title evidence, then by id, whatever the taxonomy order', () => {
    const topics = [topic('zeta', ['zeta']), topic('alpha', ['alpha']), topic('mu', ['mu'])];
    const paper = { title: 'Mu', abstract: `${mentions('zeta', 4)} ${mentions('alpha', 4)}` };
    expect(createTagger(topics).tag(paper)).toEqual(['mu', 'alpha', 'zeta']);
    expect(createTagger([...topics].reverse()).tag(paper)).toEqual(['mu', 'alpha', 'zeta']);
  });
});

describe('parseTaxonomy', () => {
  const entry = (id: string, extra = '') => `- id: ${id}\n  name: ${id}\n  description: About ${id}.\n  terms: [${id}]\n${extra}`;

  test('keeps the file order and every field', () => {
    const topics = parseTaxonomy(`${entry('b')}${entry('a', '  parent: b\n  acronyms: [AB]\n  exclude: [not a]\n  minMentions: 3\n')}`);
    expect(topics.map((t) => t.id)).toEqual(['b', 'a']);
    expect(topics[1]).toEqual({ id: 'a', name: 'a', description: 'About a.', terms: ['a'], acronyms: ['AB'], exclude: ['not a'], parent: 'b', minMentions: 3 });
  });

  test.each([
    ['', /non-empty YAML list/],
    ['name: not a list', /non-empty YAML list/],
    [entry('a') + entry('a'), /"a" is defined twice/],
    [entry('a', '  parent: nowhere\n'), /unknown parent "nowhere"/],
    [entry('a', '  parent: b\n') + entry('b', '  parent: a\n'), /its own ancestor/],
    [entry('Not_A_Slug'), /#1 \("Not_A_Slug"\).*id/],
    [entry('a', '  exclude: ["par*tial"]\n'), /#1 \("a"\).*exclude/],
    ['- id: a\n  name: A\n  description: About a.\n  terms: []\n', /terms/],
  ])('rejects a broken taxonomy: %j', (text, message) => {
    expect(() => parseTaxonomy(text)).toThrow(TaxonomyError);
    expect(() => parseTaxonomy(text)).toThrow(message);
  });

  test('checkTaxonomy applies the cross-entry rules to entries validated elsewhere', () => {
    expect(() => checkTaxonomy([topic('a', ['x'], { parent: 'a' })])).toThrow(/its own ancestor/);
    expect(() => checkTaxonomy([topic('a', ['x']), topic('b', ['y'], { parent: 'a' })])).not.toThrow();
  });
});

test('topicTree nests topics under their parents in file order, wherever the parent is defined', () => {
  const tree = topicTree([{ id: 'icl', parent: 'llm' }, { id: 'llm' }, { id: 'merging' }, { id: 'alignment', parent: 'llm' }]);
  expect(tree).toEqual([
    {
      id: 'llm',
      children: [
        { id: 'icl', children: [] },
        { id: 'alignment', children: [] },
      ],
    },
    { id: 'merging', children: [] },
  ]);
});

describe('corrections', () => {
  const note = (frontMatter: string) => `---\n${frontMatter}\n---\n\nSome prose.\n`;

  test('reads add and remove from a note, defaulting either to empty', () => {
    expect(parseNoteCorrection(note('topics:\n  add: [a, b]\n  remove: [c]'))).toEqual({ add: ['a', 'b'], remove: ['c'] });
    expect(parseNoteCorrection(note('topics:\n  remove: [c]'))).toEqual({ add: [], remove: ['c'] });
  });

  test('a note without front matter or without topics corrects nothing', () => {
    expect(parseNoteCorrection('Just prose.')).toBeUndefined();
    expect(parseNoteCorrection(note('title: Why it matters'))).toBeUndefined();
    expect(parseNoteCorrection(note('topics:'))).toBeUndefined();
  });

  test('rejects malformed corrections and contradictions', () => {
    expect(() => parseNoteCorrection(note('topics: [a, b]'))).toThrow(/add: \[\.\.\.\], remove/);
    expect(() => parseNoteCorrection(note('topics:\n  add: a'))).toThrow(TaxonomyError);
    expect(() => parseNoteCorrection(note('topics:\n  add: [a]\n  remove: [a]'))).toThrow(/both added and removed: a/);
  });

  test('removes, then appends additions in the editor’s order, beyond the tagger’s limit', () => {
    expect(applyCorrection(['a', 'b', 'c', 'd'], { add: ['e', 'a'], remove: ['b'] })).toEqual(['a', 'c', 'd', 'e']);
    expect(applyCorrection(['a', 'b', 'c', 'd'], { add: ['e'], remove: [] })).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(applyCorrection(['a'], { add: [], remove: ['a'] })).toEqual([]);
    expect(applyCorrection(['a'], undefined)).toEqual(['a']);
  });

  test('names the topics a correction refers to that the taxonomy lacks', () => {
    expect(unknownTopics({ add: ['a', 'typo'], remove: ['gone'] }, [topic('a', ['x'])])).toEqual(['typo', 'gone']);
  });
});
