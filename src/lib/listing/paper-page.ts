/**
 * A copy of one paper's own page (huggingface.co/papers/<id>) rather than of a listing: the id
 * (`arxiv:2212.07677`), the title, `Published on …`, the authors, and the abstract under its
 * `Abstract` heading; then the page's buttons, its Community section and its citation counts. No card
 * repeats on such a page, so there is no layout to learn: it is read by those headings. A file is
 * taken for one only when its one `Abstract` heading stands after a date and before the page's own
 * buttons (or the end), with no abstract before it: a listing's cards never look like that.
 */
import type { Line } from './lines.ts';
import { MORE_AUTHORS_LINE, type Shape, isName, looksLikeAbstract, shapeOf } from './shapes.ts';
import { type Finding, type LineRole, type RawEntry, excerpt } from './types.ts';

export interface PaperPageReading {
  entry: RawEntry;
  warnings: Finding[];
  roles: [number, LineRole][];
}

const ARXIV = /^arxiv:\s*(\d{4}\.\d{4,5})(?:v\d+)?$/i;
/** The browser tab's title, which a copy may carry above the page: `Paper page - <title>`. */
const TAB_TITLE = /^paper page\s*[-–—|]\s*(.+)$/i;
/** What follows the abstract on the page: its buttons and sections. */
const AFTER_ABSTRACT = /^(?:view arxiv page|view pdf|add to collection|community|upvote|upvoted|github|project page|citations?)$/i;
/** The page's badge: `#1 Paper of the day`. */
const RANK = /^#\d+ paper of the (?:day|week|month)$/i;
/** The day the submitter gave, after their name: `on Jan 22`. */
const submittedOn = (text: string) => /^on\s/i.test(text) && shapeOf(text.slice(3)).kind === 'date';
const ABSTRACT_HEADING = /^abstract\s*:?$/i;
const SUBMITTED_BY = /^submitted by$/i;
const AUTHORS_LABEL = /^authors?$/i;
const isLabel = (shape: Shape, label: RegExp) => shape.kind === 'label' && label.test(shape.label);

export function readPaperPage(file: string, lines: Line[]): PaperPageReading | undefined {
  // A listing has no `Abstract` heading as a rule: it is not shaped a second time to find out.
  if (!lines.some((l) => ABSTRACT_HEADING.test(l.text))) return undefined;
  const shaped = lines.map((l) => ({ ...l, shape: shapeOf(l.text) }));
  const headings = shaped.flatMap((l, i) => (isLabel(l.shape, /^abstract$/i) ? [i] : []));
  if (headings.length !== 1) return undefined;
  const at = headings[0]!;
  const dateAt = shaped.findIndex((l, i) => i < at && l.shape.kind === 'date');
  if (dateAt < 0 || shaped.slice(0, at).some((l) => l.shape.kind === 'long')) return undefined;
  let end = at + 1;
  while (end < shaped.length && shaped[end]!.shape.kind !== 'label' && shaped[end]!.shape.kind !== 'date') end++;
  const body = shaped.slice(at + 1, end);
  if (!body.some((l) => l.shape.kind === 'long' || looksLikeAbstract(l.text))) return undefined;
  if (end < shaped.length && !(shaped[end]!.shape.kind === 'label' && AFTER_ABSTRACT.test(shaped[end]!.text.replace(/:$/, '')))) return undefined;

  const warnings: Finding[] = [];
  const roles: [number, LineRole][] = [];
  const warn = (line: Line, reason: string) => warnings.push({ file, line: line.line, reason, text: excerpt(line.text) });
  // The title is the text nearest above the date: the tab's title, the id and the site's section name stand higher.
  const head = shaped.slice(0, dateAt);
  const titleAt = head.findLastIndex((l) => l.shape.kind === 'text' && !ARXIV.test(l.text) && !TAB_TITLE.test(l.text));
  if (titleAt < 0) return undefined;
  const title = head[titleAt]!;
  const date = shaped[dateAt]!;
  const entry: RawEntry = { file, line: title.line, title: title.text, abstract: body.map((l) => l.text).join('\n\n') };
  if (date.shape.kind === 'date') entry.date = { ...date.shape.date };
  roles.push([title.line, 'title'], [date.line, 'date'], [shaped[at]!.line, 'label'], ...body.map((l): [number, LineRole] => [l.line, 'abstract']));
  // The page's vote count (`Upvote` over `1.3k`), read once wherever it stands around the title.
  let upvotes: number | undefined;
  const readCount = (l: (typeof shaped)[number]) => {
    if (isLabel(l.shape, /^upvoted?$/i)) roles.push([l.line, 'furniture (paper page)']);
    else if (l.shape.kind === 'number' && (l.shape.unit ?? 'upvotes') === 'upvotes' && upvotes === undefined) {
      upvotes = l.shape.value;
      roles.push([l.line, 'upvotes']);
    } else return false;
    return true;
  };
  for (const l of head) {
    if (l === title || readCount(l)) continue;
    const id = ARXIV.exec(l.text);
    const tab = TAB_TITLE.exec(l.text);
    if (id) entry.ids = { arxiv: id[1]! };
    if (id || tab?.[1] === title.text || l.text === 'Papers') roles.push([l.line, 'furniture (paper page)']);
    else {
      roles.push([l.line, 'extra']);
      warn(l, `fits no place of a paper's page, above its title (line ${title.line}): not read`);
    }
  }
  // Between the date and the abstract: the submitter, and the authors, one to a line or on one row.
  const names: string[] = [];
  let more = 0;
  let authorsLabel = false;
  let submitterNext = false;
  for (const l of shaped.slice(dateAt + 1, at)) {
    if (readCount(l)) {
      submitterNext = false;
      continue;
    }
    const parts = l.text.split(/\s*,\s*/).filter((p) => p !== '');
    const plus = MORE_AUTHORS_LINE.exec(l.text);
    if (submitterNext && l.shape.kind === 'text') {
      entry.submitter = { user: l.text };
      roles.push([l.line, 'submitter']);
    } else if (l.shape.kind === 'label' && SUBMITTED_BY.test(l.shape.label)) {
      if (l.shape.value) entry.submitter = { user: l.shape.value };
      roles.push([l.line, 'submitter']);
    } else if (plus) {
      more = Number(plus[1]);
      roles.push([l.line, 'metadata']);
    } else if (isLabel(l.shape, AUTHORS_LABEL) || parts.length === 0 || l.shape.kind === 'separator' || l.shape.kind === 'date' || RANK.test(l.text) || submittedOn(l.text)) {
      authorsLabel ||= isLabel(l.shape, AUTHORS_LABEL);
      roles.push([l.line, 'furniture (paper page)']);
    } else if (l.shape.kind !== 'label' && (parts.every(isName) || (authorsLabel && /\p{L}/u.test(l.text)))) {
      names.push(...parts);
      roles.push([l.line, 'metadata']);
    } else {
      roles.push([l.line, 'extra']);
      warn(l, `fits no place of a paper's page, between its date and its abstract: not read`);
    }
    submitterNext = l.shape.kind === 'label' && SUBMITTED_BY.test(l.shape.label) && !l.shape.value;
  }
  if (names.length > 0) Object.assign(entry, { authorNames: names, authors: names.length + more });
  if (upvotes !== undefined && entry.date) entry.date.upvotes = upvotes;
  for (const l of shaped.slice(end)) roles.push([l.line, 'furniture (paper page)']);
  return { entry, warnings, roles };
}
