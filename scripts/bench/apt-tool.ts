/**
 * Finds a command-line tool the benchmark needs, installing its Debian package with apt-get when it
 * is missing and we may (root, apt-get present). Returns the tool's path, or why it cannot be had.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function which(command: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path !== '' && existsSync(path) ? path : undefined;
}

function aptInstall(pkg: string): string | undefined {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = () => spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '--no-install-recommends', pkg], { env, encoding: 'utf8' });
  let result = install();
  if (result.status !== 0) {
    // Package lists may be missing or stale on a fresh machine.
    spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update'], { env, encoding: 'utf8' });
    result = install();
  }
  if (result.status === 0) return undefined;
  return (result.stderr || result.stdout || 'apt-get failed').trim().split('\n').slice(-2).join(' ');
}

export type Tool = { path: string } | { missing: string };

export function ensureTool(command: string, pkg: string): Tool {
  const present = which(command);
  if (present) return { path: present };
  if (process.getuid?.() !== 0) return { missing: `${command} is not installed and installing Debian package ${pkg} needs root` };
  if (!which('apt-get')) return { missing: `${command} is not installed and there is no apt-get to install ${pkg}` };
  console.log(`bench: installing Debian package ${pkg} (for ${command}) with apt-get`);
  const failure = aptInstall(pkg);
  const installed = which(command);
  if (installed) return { path: installed };
  return { missing: `apt-get install ${pkg} failed: ${failure ?? 'no such command afterwards'}` };
}

/** `hugo version`'s version number, e.g. `0.111.3`. */
export function hugoVersion(path: string): string {
  const text = execFileSync(path, ['version'], { encoding: 'utf8' });
  return /v(\d+\.\d+\.\d+)/.exec(text)?.[1] ?? text.trim();
}
