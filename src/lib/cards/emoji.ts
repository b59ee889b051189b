/** An emoji (one grapheme) as satori passes it to `loadAdditionalAsset`. */
const PICTOGRAPHIC = /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u;

export function isEmoji(grapheme: string): boolean {
  return PICTOGRAPHIC.test(grapheme);
}

/**
 * The file name Twemoji gives an emoji: its code points in lowercase hex joined by `-`. The
 * emoji-presentation selector U+FE0F is left out except inside ZWJ sequences, as Twemoji does.
 */
export function twemojiName(emoji: string): string {
  const text = emoji.includes('\u200d') ? emoji : emoji.replace(/\ufe0f/g, '');
  return Array.from(text, (ch) => ch.codePointAt(0)!.toString(16)).join('-');
}
