/** Values as the Daily Papers API writes them, read by the JSON listing parser and its field readers alike. */
import { z } from 'astro/zod';
import { isIsoDate } from './dates.ts';
import { normalizeLine } from './text.ts';

/** Text as one line: JSON titles and summaries keep arXiv's hard line breaks. */
export const oneLine = (text: string) => normalizeLine(text.replace(/\s+/g, ' '));

/** ISO timestamps as the API writes them (`2024-05-28T17:59:58.000Z`); the day is what counts. */
export const apiDay = z.string().transform((value, ctx) => {
  const iso = value.slice(0, 10);
  if (!isIsoDate(iso)) {
    ctx.addIssue({ code: 'custom', message: 'not a date' });
    return z.NEVER;
  }
  return iso;
});
