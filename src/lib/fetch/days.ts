/**
 * Which days `npm run fetch` asks the Daily Papers API for, and what it calls their files.
 * Days are calendar days written YYYY-MM-DD, counted in UTC as the API's `date` parameter is.
 */
import { isIsoDate } from '../listing/dates.ts';

/** A saved day's listing: `2024-05-28.json`. Other listing names (text dumps) are not fetch's. */
const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.json$/;

export const dayFileName = (day: string) => `${day}.json`;

/** The day a file name saves, if it is one fetch writes. */
export function dayOfFile(name: string): string | undefined {
  const day = DAY_FILE.exec(name)?.[1];
  return day !== undefined && isIsoDate(day) ? day : undefined;
}

/** Today in UTC. */
export const utcDay = (now: Date) => now.toISOString().slice(0, 10);

export function addDays(day: string, n: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return utcDay(date);
}

/** Every day from `from` to `to`, both included, in order. */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The latest day saved among a folder's file names; undefined when none is. */
export function lastSavedDay(names: Iterable<string>): string | undefined {
  let last: string | undefined;
  for (const name of names) {
    const day = dayOfFile(name);
    if (day !== undefined && (last === undefined || day > last)) last = day;
  }
  return last;
}

export type DayRequest = { date: string } | { from: string; to: string } | { sinceLast: true; to?: string };

export interface DayPlan {
  days: string[];
  /** Days fetched again even though they are saved: the last one, with --since-last. */
  refetch: Set<string>;
  /**
   * Whether the run stops at a day that fails. With --since-last it must: a day saved after the
   * failed one would become the last day saved, and no later run would ask for the failed day again.
   */
  stopAtFailure: boolean;
  /** What the plan rests on, for the first line of the run. */
  note: string;
}

/**
 * The days a request covers, up to `today`. With --since-last the run starts at the last saved day,
 * not the day after: that day may have been saved while the API was still adding its papers. This is
 * also how a killed run resumes: every day it finished is saved, so the next run starts at the last
 * of them and fetches it once more, and nothing after it is lost. Throws a message for a bad request.
 */
export function planDays(request: DayRequest, today: string, saved: Iterable<string>): DayPlan {
  const check = (day: string, flag: string) => {
    if (!isIsoDate(day)) throw new RangeError(`${flag} takes a real day written YYYY-MM-DD, not "${day}"`);
    if (day > today) throw new RangeError(`${flag} ${day} is after today (${today} UTC): the API has no listing for it yet`);
  };
  if ('date' in request) {
    check(request.date, '--date');
    return { days: [request.date], refetch: new Set(), stopAtFailure: false, note: request.date };
  }
  if ('from' in request) {
    check(request.from, '--from');
    check(request.to, '--to');
    if (request.from > request.to) throw new RangeError(`--from ${request.from} is after --to ${request.to}`);
    return { days: daysBetween(request.from, request.to), refetch: new Set(), stopAtFailure: false, note: `${request.from} to ${request.to}` };
  }
  const to = request.to ?? today;
  check(to, '--to');
  const last = lastSavedDay(saved);
  if (last === undefined) return { days: [to], refetch: new Set(), stopAtFailure: true, note: `no day saved yet: starting with ${to}` };
  if (last > to) return { days: [], refetch: new Set(), stopAtFailure: true, note: `the last day saved, ${last}, is after ${to}` };
  return { days: daysBetween(last, to), refetch: new Set([last]), stopAtFailure: true, note: `since the last day saved, ${last}, to ${to}` };
}
