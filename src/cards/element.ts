/**
 * Satori takes the same `{ type, props }` objects React would build, so card templates are plain
 * functions returning these: no JSX runtime or React needed.
 */

export type Style = Record<string, string | number>;

export interface CardElement {
  type: string;
  props: { style?: Style; children?: CardChild | CardChild[]; [prop: string]: unknown };
}

export type CardChild = CardElement | string;

/** A box (satori lays out every box with flexbox, so `display: flex` is the default here). */
export function box(style: Style, ...children: (CardChild | false | undefined)[]): CardElement {
  const kept = children.filter((child): child is CardChild => child !== false && child !== undefined);
  return { type: 'div', props: { style: { display: 'flex', ...style }, children: kept } };
}

export function image(src: string, width: number, height: number, style: Style = {}): CardElement {
  return { type: 'img', props: { src, width, height, style } };
}
