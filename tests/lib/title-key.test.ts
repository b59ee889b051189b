import { describe, expect, it } from 'vitest';
import { titleKey } from '../../src/lib/title-key.ts';

describe('titleKey', () => {
  it('folds case and collapses punctuation and whitespace to single spaces', () => {
    expect(titleKey('Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law')).toBe(
      'predictable scale part i optimal hyperparameter scaling law',
    );
    expect(titleKey('  FuseChat:   Knowledge Fusion of Chat Models ')).toBe('fusechat knowledge fusion of chat models');
  });

  it('gives listings that spell a title differently the same key', () => {
    const spellings = [
      "On Giant's Shoulders: Effortless Weak to Strong",
      'On Giant\u2019s Shoulders \u2014 Effortless Weak-to-Strong',
      'ON GIANT S SHOULDERS. EFFORTLESS WEAK TO STRONG',
    ];
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
});
