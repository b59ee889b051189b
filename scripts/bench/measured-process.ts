/**
 * Runs one command of the benchmark as a child process and measures it: wall time, the peak RSS
 * and CPU time `/usr/bin/time -v` reports, and samples of the whole process tree (memory, CPU) with
 * the hook marks and log lines that let the caller split it into stages.
 */
import { spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { HookMark, Sample } from './lib/stages.ts';
import { resetPeaks, treeUsage } from './proc.ts';

export interface LogLine {
  at: number;
  text: string;
}

export interface MeasuredProcess {
  start: number;
  end: number;
  seconds: number;
  /** Largest single-process peak, from `/usr/bin/time -v`. */
  maxRssKiB: number | null;
  samples: Sample[];
  marks: HookMark[];
  log: LogLine[];
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** File the child appends hook marks to (PAPERSHELF_BENCH_MARKS); read live to reset peaks at stage edges. */
  marksFile?: string;
  /** Log lines that also start a stage. */
  boundary?: RegExp;
  /** `/usr/bin/time`, when present. */
  timeBin?: string;
  /** Write every output line here as it arrives. */
  logFile?: string;
  /** Echo lines matching this to the console (progress). */
  echo?: RegExp;
  sampleMs?: number;
}

export class ProcessFailed extends Error {}

/** Reads whatever a growing file gained since `offset`. */
function readFrom(path: string, offset: number): { text: string; offset: number } {
  if (!existsSync(path)) return { text: '', offset };
  const size = statSync(path).size;
  if (size <= offset) return { text: '', offset };
  const fd = openSync(path, 'r');
  const buffer = Buffer.alloc(size - offset);
  readSync(fd, buffer, 0, buffer.length, offset);
  closeSync(fd);
  // Only whole lines: a mark being written is picked up at the next tick.
  const text = buffer.toString('utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  return { text: complete, offset: offset + Buffer.byteLength(complete) };
}

function parseTimeReport(path: string): number | null {
  if (!existsSync(path)) return null;
  const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(readFileSync(path, 'utf8'));
  return match ? Number(match[1]) : null;
}

export function runMeasured(command: string, args: readonly string[], options: RunOptions = {}): Promise<MeasuredProcess> {
  const timeReport = `${options.marksFile ?? options.logFile ?? `/tmp/papershelf-bench-${process.pid}`}.time`;
  rmSync(timeReport, { force: true });
  if (options.marksFile) rmSync(options.marksFile, { force: true });
  if (options.logFile) writeFileSync(options.logFile, '');
  const [file, argv] = options.timeBin ? [options.timeBin, ['-v', '-o', timeReport, command, ...args]] : [command, [...args]];
  const start = Date.now();
  const child = spawn(file, argv, { env: options.env ?? process.env, cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: LogLine[] = [];
  const marks: HookMark[] = [];
  const samples: Sample[] = [];
  let marksOffset = 0;
  let boundarySeen = false;
  let hwmSince = start;

  const onLine = (text: string) => {
    const at = Date.now();
    log.push({ at, text });
    if (options.boundary?.test(text)) boundarySeen = true;
    if (options.logFile) writeFileSync(options.logFile, `${text}\n`, { flag: 'a' });
    if (options.echo?.test(text)) console.log(`    ${text.trim()}`);
  };
  createInterface({ input: child.stdout }).on('line', onLine);
  createInterface({ input: child.stderr }).on('line', onLine);

  const tick = () => {
    if (child.pid === undefined) return;
    const usage = treeUsage(child.pid);
    if (usage.pids.length === 0) return;
    const at = Date.now();
    samples.push({ at, rssKiB: usage.rssKiB, hwmKiB: usage.hwmKiB, hwmSince, cpuSeconds: usage.cpuSeconds });
    let edge = boundarySeen;
    boundarySeen = false;
    if (options.marksFile) {
      const fresh = readFrom(options.marksFile, marksOffset);
      marksOffset = fresh.offset;
      for (const line of fresh.text.split('\n')) {
        if (line === '') continue;
        marks.push(JSON.parse(line) as HookMark);
        edge = true;
      }
    }
    // A new stage began: its peak must not include the last one's.
    if (edge && resetPeaks(usage.pids)) hwmSince = at;
  };
  const timer = setInterval(tick, options.sampleMs ?? 100);

  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearInterval(timer);
      const end = Date.now();
      if (options.marksFile) {
        const rest = readFrom(options.marksFile, marksOffset);
        for (const line of rest.text.split('\n')) if (line !== '') marks.push(JSON.parse(line) as HookMark);
      }
      if (code !== 0) {
        const tail = log
          .slice(-40)
          .map((l) => l.text)
          .join('\n');
        reject(new ProcessFailed(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
        return;
      }
      resolve({ start, end, seconds: (end - start) / 1000, maxRssKiB: parseTimeReport(timeReport), samples, marks, log });
    });
  });
}
