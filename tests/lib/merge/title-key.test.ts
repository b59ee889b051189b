import { describe, expect, it } from 'vitest';
import { titleKey } from '../../../src/lib/merge/title-key.ts';

describe('titleKey', () => {
  it('folds case and collapses punctuation and whitespace to single spaces', () => {
    expect(titleKey('Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law')).toBe('predictable scale part i optimal hyperparameter scaling law');
    expect(titleKey('  FuseChat:   Knowledge Fusion of Chat Models ')).toBe('fusechat knowledge fusion of chat models');
  });

  it('gives listings that spell a title differently the same key', () => {
    const spellings = ["On Giant's Shoulders: Effortless Weak to Strong", 'On Giant\u2019s Shoulders \u2014 Effortless Weak-to-Strong', 'ON GIANT S SHOULDERS. EFFORTLESS WEAK TO STRONG'];
    expect(new Set(spellings.map(titleKey))).toEqual(new Set(['on giant s shoulders effortless weak to strong']));
  });

  it('makes NFC and NFD spellings equal', () => {
    expect(titleKey('R\u00e9sum\u00e9 Parsing')).toBe(titleKey('Re\u0301sume\u0301 Parsing'));
  });

  it('folds compatibility forms (NFKC): ligatures, full-width letters, superscripts', () => {
    expect(titleKey('E\uFB03cient \uFF26\uFF49\uFF4E\uFF45-tuning with x\u00B2')).toBe('efficient fine tuning with x2');
  });

  it('case-folds beyond lower-casing: ß and SS, final sigma', () => {
    expect(titleKey('Stra\u00DFe')).toBe(titleKey('STRASSE'));
    expect(titleKey('\u039B\u039F\u0393\u039F\u03A3')).toBe(titleKey('\u03BB\u03BF\u03B3\u03BF\u03C2'));
  });

  it('keeps combining marks inside their word', () => {
    expect(titleKey('\u0939\u093F\u0928\u094D\u0926\u0940 Language Models')).toBe('\u0939\u093F\u0928\u094D\u0926\u0940 language models');
  });

  it('keeps the symbols of a title with no letters or digits, and is empty only for bare punctuation', () => {
    expect(titleKey('\u{1F984} \u{1F680}!')).toBe('\u{1F984} \u{1F680}');
    expect(titleKey('*** --- !!!')).toBe('');
  });

  it('keeps symbols that make another word of the one they follow: C, C++ and C# are three titles', () => {
    const keys = ['Learning C Programs', 'Learning C++ Programs', 'Learning C# Programs'].map(titleKey);
    expect(keys).toEqual(['learning c programs', 'learning c++ programs', 'learning c# programs']);
    expect(titleKey('LLaMA-Adapter+: Efficient Fine-tuning')).not.toBe(titleKey('LLaMA-Adapter: Efficient Fine-tuning'));
    expect(titleKey('A* Search Without Expansions')).toBe('a* search without expansions');
    expect(titleKey('Compiling C++ to WebAssembly')).not.toBe(titleKey('Compiling C to WebAssembly'));
  });

  it('still folds the same symbols where they are punctuation: spaced out, or before a word', () => {
    expect(titleKey('Vision + Language')).toBe(titleKey('Vision & Language'));
    expect(titleKey('#1 on the Leaderboard')).toBe(titleKey('1 on the Leaderboard'));
  });

  it('drops invisible format characters, so a copy with a zero-width joiner inside a word is the same title', () => {
    expect(titleKey('Trans\u200Dformers Learn In\u200Bcontext')).toBe(titleKey('Transformers Learn Incontext'));
    expect(titleKey('Soft\u00ADmax Bottleneck')).toBe(titleKey('Softmax Bottleneck'));
  });
});
