/**
 * Step 2: what each line looks like on its own, before the file's layout says what it is. A shape
 * only says what kind of value a line holds (a date, a count, author names, a long paragraph); the
 * role a place of the card plays is decided from the values it holds in every card (template.ts).
 */
import { COUNT, type EntryDate, isCount, parseCount, readDateLine } from './dates.ts';
import { normalizeLine } from './text.ts';

export type Shape =
  | { kind: 'date'; date: EntryDate }
  /** A dot, bullet, bar or dash on its own, or a rule (`---`) between cards. */
  | { kind: 'separator' }
  /** A byline: an author count, author names (with `+N authors`), or an organisation with a count. */
  | { kind: 'byline'; authors?: number; names?: string[]; organisation?: string; unreadable?: string }
  | { kind: 'number'; value: number; unit?: 'upvotes' | 'comments' | 'stars' }
  /** A label the page prints before a value (`Submitted by`), or a whole `Submitted by name` row. */
  | { kind: 'label'; label: string; value?: string }
  | { kind: 'long' }
  /** `sentences`: reads like prose but stands as a title, before a much longer abstract. */
  | { kind: 'text'; sentences?: true };

/** The dot between a byline and a date, and the look-alikes copies and fonts put in its place. */
export const DOTS = ['·', '・', '･', '‧', '∙', '⋅'];
const LONE_SEPARATORS = new Set([...DOTS, '•', '|', '-', '–', '—']);
/** A rule between cards: `---`, `***`, `___`, `* * *`, `===`, `—————`. */
const RULE = /^(?:[-–—_=*~•·](?: ?)){3,}$/;

/** The word `authors` as the page writes it and as a browser translates it. */
const AUTHOR_WORD =
  'authors?|autoren|autor(?:e|es|i|s)?|auteurs?|författare|forfattere?|kirjoittaja[a]?|tekijää|autorów|autorzy|autorů|autoři|autorov|yazar|автор(?:ов|а|ы)?|авторів|автори|penulis|tác giả|szerző|συγγραφείς|(?:ال)?مؤلف(?:ين|ون)?|מחברים';
const AUTHORS = new RegExp(`^(?:by |von |par |por |di )?(\\d{1,4}) (?:${AUTHOR_WORD})$`, 'iu');
/** The same count in Japanese, Chinese and Korean: `著者6名`, `6位作者`, `저자 6명`. */
const CJK_AUTHORS = /^(?:(?:著者|作者|저자)\s*(\d{1,4})\s*(?:名|人|명|位)?|(\d{1,4})\s*(?:位|名|人|명)?\s*の?(?:著者|作者|저자))$/u;
/** An organisation and its count on one row: `NAVER AI Lab 12 authors`. */
const ORGANISATION_AND_AUTHORS = new RegExp(`^(.{2,80}?) (\\d{1,4}) (?:${AUTHOR_WORD})$`, 'iu');
const MORE_AUTHORS = /^(.*?)(?:,? *(?:\+ ?(\d{1,4}) (?:more )?authors?|et al\.?))$/i;
/** `+196 authors` alone on its line, after the names a page shows one to a line. */
export const MORE_AUTHORS_LINE = /^\+ ?(\d{1,4}) (?:more )?authors?$/i;

/** A count with its icon or unit: `▲ 12`, `12 upvotes`, `💬 3`, `3 comments`, `★ 1.2k`. */
const COUNTED = new RegExp(`^(?:(▲|⬆|↑|👍|⇧|💬|🗨|🗨️|★|⭐|☆)\\s*)?(${COUNT})(?:\\s*(upvotes?|votes?|likes?|comments?|replies|stars?))?$`, 'iu');
const UNIT_OF: Record<string, 'upvotes' | 'comments' | 'stars'> = {
  '▲': 'upvotes',
  '⬆': 'upvotes',
  '↑': 'upvotes',
  '👍': 'upvotes',
  '⇧': 'upvotes',
  '💬': 'comments',
  '🗨': 'comments',
  '🗨️': 'comments',
  '★': 'stars',
  '⭐': 'stars',
  '☆': 'stars',
};
/** Words that name a vote count, as a label: `Upvotes: 12`, `عدد الأصوات: ٢`. */
const VOTE_WORD = '(?:up)?votes?|likes?|(?:ال)?أصوات';
const VOTE_LABEL = new RegExp(`^(?:${VOTE_WORD})$`, 'iu');
const unitOfWord = (word: string) => (VOTE_LABEL.test(word) ? 'upvotes' : /^comments?$|^replies$/i.test(word) ? 'comments' : 'stars');

/**
 * An icon a copy puts before a field (`📅 Sep 26`, `👥 5 authors`, `🏢 naver-ai NAVER AI Lab`), taken
 * off a short line unless it names the count's unit (`👍 12`, `💬 3`, read by COUNTED). A line
 * of text after an icon keeps it only when it is long enough to be a title.
 */
const ICON = /^((?:\p{Extended_Pictographic}|\p{So})\uFE0F?)\s+(?=\S)/u;
export function withoutIcon(line: string): string {
  const icon = ICON.exec(line);
  if (!icon || UNIT_OF[icon[1]!] || UNIT_OF[icon[1]!.replace('\uFE0F', '')] || line.length > 80) return line;
  const rest = line.slice(icon[0].length);
  return shapeOf(rest).kind !== 'text' || rest.split(' ').length <= 4 ? rest : line;
}

/** Labels the site prints before a value or as a button, known so that even a one-card copy reads them. */
const LABELS =
  /^(?:submitted by|authors?|abstract|ai-generated summary|upvote|upvoted|comments?|view arxiv page|view pdf|add to collection|published on|organi[sz]ation|github|project page|paper page|community|citations?)\s*:?$/i;
const TAGS = /^#[\p{L}\p{N}_][\p{L}\p{N}_/-]*(?:\s+#[\p{L}\p{N}_][\p{L}\p{N}_/-]*)*$/u;
const SUBMITTED = /^(?:submitted|posted|shared) by:? +(\S.{0,60})$/i;

/** Abstracts are long or hold several sentences; titles are short and rarely end a sentence. */
export function looksLikeAbstract(text: string): boolean {
  return (text.length > 300 && /[.!?;:]/.test(text)) || /[.!?]["'”)\]]? +\S.*[.!?…]["'”)\]]?$/.test(text);
}

/** A person's name as a byline prints it: two to five words, each capitalised (particles aside). */
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|\p{Lu}\.|van|von|de|der|den|del|della|da|di|du|le|la|bin|al|el|y)$/u;
export const isName = (text: string) => {
  const words = text.split(' ');
  return words.length >= 2 && words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && /^\p{Lu}/u.test(text);
};

/** `A. Smith, B. Jones and C. Wu +3 authors` as names and a count; null when any part is no name. */
function readNames(text: string): { names: string[]; authors?: number } | null {
  const more = MORE_AUTHORS.exec(text);
  const list = more ? more[1]! : text;
  const names = list
    .split(/, (?:and |& )?| and | & /)
    .map((n) => n.trim())
    .filter((n) => n !== '');
  if (names.length === 0 || !names.every(isName)) return null;
  // `Clustering and Energy-Based Models` is a title in title case: a list of names has commas.
  if (!more && (names.length < 2 || !list.includes(', '))) return null;
  const extra = more?.[2] === undefined ? undefined : Number(more[2]);
  return extra === undefined ? { names } : { names, authors: names.length + extra };
}

/**
 * `Upvotes: 12`, `Authors: 3`, `Read paper: https://…`: a value after a label the copy adds (a
 * table's header, a notes app's property); `tags:: paper` is Logseq's property, never a title's colon.
 */
const LABELLED = /^(\p{L}[\p{L} _-]{0,24})(::?)\s+(\S.*)$/u;
const LABEL_UNIT = new RegExp(`^(?:${VOTE_WORD}|(?:${AUTHOR_WORD})|comments?|replies|stars?)$`, 'iu');

/**
 * A field written after a label: the value's own shape, with the unit the label names. Only a
 * value that is a field or a link counts: `MyoDex: A Generalizable Prior` is a title with a colon.
 */
function labelledField(text: string): Shape | null {
  const m = LABELLED.exec(text);
  if (!m) return null;
  const [label, property, value] = [m[1]!.trim(), m[2] === '::', m[3]!.trim()];
  // A year a reference manager adds (`Publication Year: 2021`) is no count.
  if (/\byear\b/i.test(label)) return { kind: 'label', label, value };
  const inner = shapeOf(value);
  // The word of the label that names the unit: `Authors`, `Number of authors`, `عدد المؤلفين`.
  const unit = label.split(/\s+/).find((word) => LABEL_UNIT.test(word));
  const authors = unit !== undefined && AUTHORS_LABEL.test(unit);
  if (inner.kind === 'date' || (inner.kind === 'byline' && (inner.authors !== undefined || authors))) return inner;
  if (authors && SURNAME_FIRST.test(value)) return { kind: 'byline', names: value.split(/\s*;\s*/).map((name) => name.split(/,\s*/).reverse().join(' ')) };
  // An author count nobody can read (`Authors: ?`, `l1`) is still the card's byline, said as such.
  // One author named (`Authors: Jane Doe`, `Author: DeepSeek-AI`) is a byline of one name.
  if (authors && inner.kind === 'text' && (isName(value) || /^\p{Lu}[\p{L}\d-]{1,40}$/u.test(value))) return { kind: 'byline', names: [value], authors: 1 };
  if (authors && inner.kind !== 'number' && value.length <= 12) return { kind: 'byline', unreadable: value };
  if (inner.kind !== 'number' || inner.unit) return property || /^https?:\/\/\S+$/.test(value) ? { kind: 'label', label, value } : null;
  if (unit === undefined) return inner;
  return authors ? { kind: 'byline', authors: inner.value } : { kind: 'number', value: inner.value, unit: unitOfWord(unit) };
}
/** Names as a reference manager exports them: `Last, First; Last, First`. */
const SURNAME_FIRST = /^[^,;]{1,40}, [^,;]{1,40}(?:; [^,;]{1,40}, [^,;]{1,40})*$/;
const AUTHORS_LABEL = new RegExp(`^(?:${AUTHOR_WORD})$`, 'iu');

/** The first code point of each run of decimal digits a copy may be typed in besides 0-9: Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width. */
const DIGIT_ZEROS = [0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10];
const OTHER_DIGITS = /[\u0660-\u0669\u06F0-\u06F9\u0966-\u096F\u09E6-\u09EF\u0E50-\u0E59\uFF10-\uFF19]/g;
/** Counts and dates typed on a phone's Arabic keyboard (`٢٩ ديسمبر ٢٠٢٤`) read as their digits; the line itself keeps them. */
const westernDigits = (text: string) =>
  text.replace(OTHER_DIGITS, (d) => {
    const code = d.codePointAt(0)!;
    return String(code - DIGIT_ZEROS.findLast((zero) => zero <= code)!);
  });

/** Whether a shape is one of a card's fields (a date, a byline, a count, a dot, a label), not text. */
export const isFieldShape = (shape: Shape) => shape.kind !== 'text' && shape.kind !== 'long';

export function shapeOf(line: string): Shape {
  // No field is this long: a paragraph is prose or a title, and is not tried against every pattern.
  if (line.length > 160) return looksLikeAbstract(line) ? { kind: 'long' } : { kind: 'text' };
  const text = westernDigits(line);
  if (LONE_SEPARATORS.has(text) || RULE.test(text)) return { kind: 'separator' };
  const date = readDateLine(text);
  if (date) return { kind: 'date', date };
  const authors = AUTHORS.exec(text) ?? CJK_AUTHORS.exec(text);
  if (authors) return { kind: 'byline', authors: Number(authors[1] ?? authors[2]) };
  const counted = COUNTED.exec(text);
  if (counted && (counted[1] || counted[3] || isCount(counted[2]!))) {
    const unit = counted[1] ? UNIT_OF[counted[1]] : counted[3] ? unitOfWord(counted[3]) : undefined;
    return unit ? { kind: 'number', value: parseCount(counted[2]!), unit } : { kind: 'number', value: parseCount(counted[2]!) };
  }
  if (LABELS.test(text)) return { kind: 'label', label: text.replace(/\s*:$/, '') };
  // A notes app's tags (`#paper #transfer-learning`): a label of the copy's, whatever the tags.
  if (TAGS.test(text)) return { kind: 'label', label: 'tags', value: text };
  const submitted = SUBMITTED.exec(text);
  if (submitted) return { kind: 'label', label: 'Submitted by', value: submitted[1]! };
  const field = labelledField(text);
  if (field) return field;
  if (looksLikeAbstract(text)) return { kind: 'long' };
  const withCount = ORGANISATION_AND_AUTHORS.exec(text);
  // `▲ 8 · 12 authors` is a row of two fields (split by splitRow), not an organisation named `▲ 8 ·`.
  if (withCount && !SPACED_DOT.test(withCount[1]!)) {
    const names = readNames(withCount[1]!);
    return names ? { kind: 'byline', names: names.names, authors: Number(withCount[2]) } : { kind: 'byline', organisation: withCount[1]!, authors: Number(withCount[2]) };
  }
  const names = readNames(text);
  if (names) return { kind: 'byline', ...names };
  return { kind: 'text' };
}

/** What may share a row with a date or a byline: another field, or an organisation's short name. */
function fitsInRow(text: string, shape: Shape): boolean {
  if (shape.kind === 'text') return text.length <= 80 && text.split(' ').length <= 8 && !/[.!?]$/.test(text);
  return shape.kind !== 'long';
}

/** A row split at `separator`, or null when the row is not one of fields (a title, an abstract). */
function splitAt(text: string, separator: RegExp, dot: (sep: string) => string[]): string[] | null {
  const pieces = text.split(separator);
  const fields = pieces
    .filter((_, i) => i % 2 === 0)
    .map((p) => normalizeLine(p))
    .filter((p) => p !== '');
  // Each field's shape is worked out once: both checks below read it.
  const shapes = fields.map(shapeOf);
  if (fields.length === 0 || pieces.length < 2 || !fields.every((f, i) => fitsInRow(f, shapes[i]!))) return null;
  // A byline may carry the dot at its end (`naver-ai NAVER AI Lab ·`); otherwise a row has a date or a byline.
  const trailingDot = fields.length === 1 && normalizeLine(pieces[pieces.length - 1]!) === '' && pieces.length === 3;
  if (!trailingDot && !shapes.some((shape) => shape.kind === 'date' || shape.kind === 'byline')) return null;
  const out: string[] = [];
  pieces.forEach((p, i) => {
    if (i % 2 === 1) out.push(...dot(p));
    else if (normalizeLine(p) !== '') out.push(normalizeLine(p));
  });
  return out;
}

const TABS = /(\t+)/;
const SPACED_DOT = new RegExp(`((?:^| )[${DOTS.join('')}•|](?: |$))`);

/**
 * A raw line as the lines it stands for. Copies that keep a card's inline elements together put the
 * byline, the dot and the date on one row (`• 4 authors · May 28, 2024`), joined by tabs, or the dot
 * on the byline's line or the date's: split, each row reads like every other card's. A leading
 * bullet is a list marker, not the dot.
 */
export function splitRow(raw: string): string[] {
  if (raw.length > 400) return [raw];
  const row = raw.trim().replace(/^•[\s\u00A0]+(?=\d)/, '');
  // A field whole (`2024-06-01\t1`, spaces turned to tabs) is one field, not a row of them.
  const whole = shapeOf(normalizeLine(row)).kind;
  if (whole === 'date' || whole === 'byline' || whole === 'number') return [row];
  const byTabs = row.includes('\t') ? splitAt(row, TABS, () => []) : null;
  return (byTabs ?? [row]).flatMap((part) => {
    const text = normalizeLine(part);
    return splitAt(text, new RegExp(SPACED_DOT.source, 'g'), (sep) => [sep.trim() === '•' ? '·' : sep.trim()]) ?? splitAtComma(text) ?? [part];
  });
}

/**
 * A byline and a date joined by a comma (`4 authors, Aug 6`, as a notes app writes the row): split
 * where the two sides are those two fields, in either order. Dates hold commas of their own
 * (`Dec 1, 2024`), so each comma is tried; a row is short, so that is a handful of tries.
 */
function splitAtComma(text: string): string[] | null {
  if (text.length > 80) return null;
  for (let at = text.indexOf(', '); at > 0; at = text.indexOf(', ', at + 1)) {
    const [left, right] = [text.slice(0, at), text.slice(at + 2)];
    const kinds = [shapeOf(left).kind, shapeOf(right).kind].sort().join(' ');
    if (kinds === 'byline date') return [left, right];
  }
  return null;
}
