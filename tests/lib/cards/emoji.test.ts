import { describe, expect, test } from 'vitest';
import { isEmoji, twemojiName } from '../../../src/lib/cards/emoji.ts';

describe('twemojiName', () => {
  test.each([
    ['😀', '1f600'],
    ['❤️', '2764'],
    ['1️⃣', '31-20e3'],
    ['🇺🇸', '1f1fa-1f1f8'],
    ['👨‍👩‍👧', '1f468-200d-1f469-200d-1f467'],
    ['🏳️‍🌈', '1f3f3-fe0f-200d-1f308'],
  ])('%s → %s', (emoji, name) => {
    expect(twemojiName(emoji)).toBe(name);
  });
});

describe('isEmoji', () => {
  test('tells pictographs, flags and keycaps from letters and math symbols', () => {
    expect(['😀', '🇺🇸', '1️⃣', '❤️'].map(isEmoji)).toEqual([true, true, true, true]);
    expect(['a', '注', '∇', 'θ'].map(isEmoji)).toEqual([false, false, false, false]);
  });
});
