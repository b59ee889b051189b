/**
 * Reads a process tree's memory and CPU from Linux /proc, and resets its memory high-water marks, so
 * the benchmark can attribute peak memory to the stages of one long-running build.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** Fields of /proc/<pid>/stat after the command name (which may hold spaces and parentheses). */
function statFields(pid: number): string[] | undefined {
  const stat = read(`/proc/${pid}/stat`);
  return stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** `root` and all its descendants that are alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = Number(statFields(Number(name))?.[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid)!.push(Number(name));
  }
  const tree: number[] = [];
  for (const queue = [root]; queue.length > 0; ) {
    const pid = queue.shift()!;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

export interface TreeUsage {
  rssKiB: number;
  hwmKiB: number;
  cpuSeconds: number;
  pids: number[];
}

const kib = (status: string, field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);

/** Current RSS, peak RSS since the last reset, and CPU time (own plus reaped children) of a tree. */
export function treeUsage(root: number): TreeUsage {
  const usage: TreeUsage = { rssKiB: 0, hwmKiB: 0, cpuSeconds: 0, pids: [] };
  for (const pid of processTree(root)) {
    const status = read(`/proc/${pid}/status`);
    const fields = statFields(pid);
    if (!status || !fields) continue;
    usage.pids.push(pid);
    usage.rssKiB += kib(status, 'VmRSS');
    usage.hwmKiB += kib(status, 'VmHWM');
    // utime, stime, cutime, cstime are fields 14-17 of stat, 12-15 after the name.
    usage.cpuSeconds += fields.slice(11, 15).reduce((sum, ticks) => sum + Number(ticks), 0) / CLOCK_TICKS;
  }
  return usage;
}

/** Resets VmHWM to the current RSS (`echo 5 > clear_refs`); false when the kernel refuses. */
export function resetPeaks(pids: readonly number[]): boolean {
  let ok = true;
  for (const pid of pids) {
    try {
      writeFileSync(`/proc/${pid}/clear_refs`, '5');
    } catch {
      ok = false;
    }
  }
  return ok;
}
