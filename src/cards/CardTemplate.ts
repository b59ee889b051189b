/**
 * The look of every social card: colours, type and layout of the paper, topic and site cards.
 * Restyle here. Text is fitted with the TextKit (real glyph widths), so every box below that holds
 * text states its size and the fitted lines are drawn one element each: nothing can overflow.
 */
import type { Card, PaperCard, SiteCard, TopicCard } from '../lib/cards/card-specs.ts';
import { countOf, formatDate } from '../lib/site/format.ts';
import { blend, type Rgb } from './antialias-ramps.ts';
import { box, type CardElement, image } from './element.ts';
import type { FitOptions, FittedText } from '../lib/cards/fit-text.ts';
import type { TextKit, TextStyle } from './text-kit.ts';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

/** The font weights the template uses (the renderer loads exactly these). */
export const FONT_WEIGHTS = [400, 500, 700] as const;

/** The site's light-theme design tokens (src/styles/global.css), so a shared link looks like the site. */
export const COLORS = {
  /** --color-surface */
  paper: '#f6f7f9',
  /** --color-raised */
  raised: '#ffffff',
  /** --color-text */
  ink: '#1b1f27',
  /** --color-muted */
  muted: '#566072',
  /** --color-border-strong */
  rule: '#c5cad3',
  /** --color-accent */
  accent: '#2f4fc4',
  /** --color-upvote */
  upvote: '#9a4c00',
} as const;

const rgb = (color: string): Rgb => parseInt(color.slice(1), 16);
/** The mark's two lighter books: the accent at 55 % and 80 % over the card. */
const MARK_OPACITIES = [0.55, 0.8] as const;

/** Every flat colour a card is drawn in; edge pixels between two of them are snapped to ramps. */
export const DESIGN_COLORS: readonly Rgb[] = [...Object.values(COLORS).map(rgb), ...MARK_OPACITIES.map((opacity) => blend(rgb(COLORS.paper), rgb(COLORS.accent), opacity))];
/** Anti-aliasing steps between two design colours (resvg draws up to 255). */
export const ANTIALIAS_STEPS = 8;

const PAD_X = 80;
const PAD_TOP = 64;
const PAD_BOTTOM = 60;
/** Nothing but the background (and the left band) is drawn outside these margins. */
export const SAFE_MARGINS = { top: PAD_TOP, right: PAD_X, bottom: PAD_BOTTOM, left: PAD_X } as const;
const INNER = CARD_WIDTH - 2 * PAD_X;
/** The accent band down the left edge. */
export const STRIPE = 12;

const REGULAR: TextStyle = { weight: 400 };
const MEDIUM: TextStyle = { weight: 500 };
const HEADLINE: TextStyle = { weight: 700, letterSpacing: -0.02 };
const LABEL: TextStyle = { weight: 500, letterSpacing: 0.12 };

/** The CSS of a TextStyle: what is drawn is always what was measured. */
const font = (style: TextStyle, fontSize: number) => ({ fontSize, fontWeight: style.weight, letterSpacing: `${style.letterSpacing ?? 0}em` });

const svgData = (svg: string) => `data:image/svg+xml,${encodeURIComponent(svg)}`;

/** Three books on a shelf: the site's mark, as the site header draws it. */
function mark(size: number): CardElement {
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32" fill="${COLORS.accent}">` +
    `<rect x="3" y="5" width="6" height="22" rx="1.5" opacity="${MARK_OPACITIES[0]}"/>` +
    `<rect x="11" y="3" width="6" height="24" rx="1.5"/>` +
    `<rect x="19.5" y="6.5" width="6" height="21" rx="1.5" transform="rotate(-12 22.5 17)" opacity="${MARK_OPACITIES[1]}"/>` +
    `<rect x="2" y="27.5" width="28" height="2" rx="1"/></svg>`;
  return image(svgData(svg), size, size);
}

const upArrow = (size: number) => image(svgData(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 12 12"><path d="M6 1.5 11 9.5H1Z" fill="${COLORS.upvote}"/></svg>`), size, size);

/** Fitted lines, one element each, so satori draws exactly the layout that was measured. */
function lines(fitted: FittedText, style: TextStyle, color: string): CardElement {
  return box({ flexDirection: 'column', color, ...font(style, fitted.fontSize) }, ...fitted.lines.map((line) => box({ height: fitted.lineHeight, alignItems: 'center', whiteSpace: 'pre' }, line)));
}

/** Up to three lines of muted body text across the card. */
function paragraph(kit: TextKit, text: string, size: Pick<FitOptions, 'height' | 'maxFontSize' | 'minFontSize' | 'lineHeight'>): CardElement {
  return lines(kit.fit(text, { width: INNER, maxLines: 3, balance: true, ...size }, REGULAR), REGULAR, COLORS.muted);
}

/** The top row: the mark and site name, and where the site lives. */
function header(card: Card, kit: TextKit): CardElement {
  const nameSize = 30;
  const addressSize = 24;
  return box(
    { alignItems: 'center', justifyContent: 'space-between', width: INNER, height: 48 },
    box({ alignItems: 'center', gap: 16 }, mark(44), box({ color: COLORS.ink, ...font(HEADLINE, nameSize) }, kit.line(card.site.name, 420, nameSize, HEADLINE))),
    box({ color: COLORS.muted, ...font(REGULAR, addressSize) }, kit.line(card.site.address, 520, addressSize, REGULAR)),
  );
}

/** A small uppercase label above a card's headline. */
function eyebrow(text: string): CardElement {
  return box({ color: COLORS.accent, textTransform: 'uppercase', ...font(LABEL, 22) }, text);
}

/** The bottom band under a rule. */
function footer(content: CardElement | undefined): CardElement {
  return box({ width: INNER, height: 64, alignItems: 'flex-end', borderTop: `2px solid ${COLORS.rule}` }, content);
}

function frame(top: CardElement, body: CardElement, bottom: CardElement | undefined): CardElement {
  return box(
    {
      width: CARD_WIDTH,
      height: CARD_HEIGHT,
      boxSizing: 'border-box',
      flexDirection: 'column',
      justifyContent: 'space-between',
      padding: `${PAD_TOP}px ${PAD_X}px ${PAD_BOTTOM}px ${PAD_X - STRIPE}px`,
      backgroundColor: COLORS.paper,
      // A plain border, not a gradient: resvg draws satori's gradient patterns several times slower.
      borderLeft: `${STRIPE}px solid ${COLORS.accent}`,
      fontFamily: 'Inter',
      color: COLORS.ink,
    },
    top,
    body,
    footer(bottom),
  );
}

const CHIP_SIZE = 22;
const CHIP_PAD = 18;
const TOPICS_SIZE = 24;
const TOPIC_SEPARATOR = '  ·  ';

/**
 * Topic names on one muted line, as many as fit, then `+N`. Plain text rather than a pill per
 * topic: the pills' outlines and fills cost a sixth of a card's bytes and said nothing more.
 */
function topicLine(names: string[], kit: TextKit): CardElement {
  const width = (text: string) => kit.width(text, TOPICS_SIZE, MEDIUM);
  const shown: string[] = [];
  for (const [i, name] of names.entries()) {
    const text = kit.line(name, 560, TOPICS_SIZE, MEDIUM);
    const more = names.length - i - 1;
    const candidate = [...shown, text, ...(more > 0 ? [`+${more}`] : [])].join(TOPIC_SEPARATOR);
    if (shown.length > 0 && width(candidate) > INNER) break;
    shown.push(text);
  }
  const hidden = names.length - shown.length;
  const text = [...shown, ...(hidden > 0 ? [`+${hidden}`] : [])].join(TOPIC_SEPARATOR);
  return box({ height: 44, alignItems: 'center', color: COLORS.muted, ...font(MEDIUM, TOPICS_SIZE) }, kit.line(text, INNER, TOPICS_SIZE, MEDIUM));
}

const pill = (text: string, style: Record<string, string>) => box({ height: 44, alignItems: 'center', padding: `0 ${CHIP_PAD}px`, borderRadius: 22, ...font(MEDIUM, CHIP_SIZE), ...style }, text);

function paperCard(card: PaperCard, kit: TextKit): CardElement {
  const title = kit.fit(card.title, { width: INNER, height: 280, maxFontSize: 56, minFontSize: 34, lineHeight: 1.15, maxLines: 6, balance: true }, HEADLINE);
  const metaSize = 26;
  const meta = [card.published && formatDate(card.published, { short: true }), card.byline].filter(Boolean).join('  ·  ');
  // Listings without vote counts give 0; a card saying "0 upvotes" would only look neglected.
  const votes = card.upvotes > 0 && box({ alignItems: 'center', gap: 8, color: COLORS.upvote, ...font(MEDIUM, metaSize) }, upArrow(20), countOf(card.upvotes, 'upvote'));
  const body = box(
    { flexDirection: 'column', gap: 22, width: INNER },
    lines(title, HEADLINE, COLORS.ink),
    box({ alignItems: 'center', gap: 28, height: 36 }, votes, meta && box({ color: COLORS.muted, ...font(REGULAR, metaSize) }, kit.line(meta, INNER - 280, metaSize, REGULAR))),
  );
  return frame(header(card, kit), body, card.topics.length > 0 ? topicLine(card.topics, kit) : undefined);
}

function topicCard(card: TopicCard, kit: TextKit): CardElement {
  const name = kit.fit(card.name, { width: INNER, height: 164, maxFontSize: 74, minFontSize: 44, lineHeight: 1.1, maxLines: 2, balance: true }, HEADLINE);
  const body = box(
    { flexDirection: 'column', gap: 16, width: INNER },
    eyebrow('Topic'),
    lines(name, HEADLINE, COLORS.ink),
    paragraph(kit, card.description, { height: 120, maxFontSize: 30, minFontSize: 24, lineHeight: 1.35 }),
  );
  return frame(header(card, kit), body, pill(countOf(card.papers, 'paper'), { backgroundColor: COLORS.accent, color: COLORS.raised }));
}

function siteCard(card: SiteCard, kit: TextKit): CardElement {
  const markSize = 112;
  const name = kit.fit(card.site.name, { width: INNER - markSize - 28, height: 110, maxFontSize: 96, minFontSize: 48, lineHeight: 1.1, maxLines: 1 }, HEADLINE);
  const body = box(
    { flexDirection: 'column', gap: 28, width: INNER },
    box({ alignItems: 'center', gap: 28 }, mark(markSize), lines(name, HEADLINE, COLORS.ink)),
    paragraph(kit, card.description, { height: 156, maxFontSize: 40, minFontSize: 30, lineHeight: 1.3 }),
  );
  const addressSize = 28;
  const address = box({ color: COLORS.muted, ...font(REGULAR, addressSize) }, kit.line(card.site.address, INNER, addressSize, REGULAR));
  return frame(box({ height: 48 }), body, box({ height: 44, alignItems: 'center' }, address));
}

export function cardTemplate(card: Card, kit: TextKit): CardElement {
  switch (card.kind) {
    case 'paper':
      return paperCard(card, kit);
    case 'topic':
      return topicCard(card, kit);
    case 'site':
      return siteCard(card, kit);
  }
}
