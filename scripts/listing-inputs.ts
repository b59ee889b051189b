/**
 * Reading the catalog's inputs as every command sees them: the listing files (with their sidecars
 * and encodings) and the editor's identifiers, plus the atomic write both ingest and resolve use.
 * Problems with the input are UsageErrors: one line for the console, never a stack trace.
 */
import { existsSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { IDENTIFIERS_YAML, isListingFile } from '../src/content-paths.ts';
import { isIsoDate } from '../src/lib/listing/dates.ts';
import { type IdentifierSidecar, parseIdentifierSidecar } from '../src/lib/identifiers/identifier-sidecar.ts';
import type { Identifiers, ListingInput, ListingSidecar } from '../src/lib/merge/ingest.ts';
import { listingId } from '../src/lib/security/listing-id.ts';
import { decodeListing, normalizeLine } from '../src/lib/listing/text.ts';

/** A problem with the input or the command line: reported as one line, never as a stack trace. */
export class UsageError extends Error {}

/** Node's own I/O and argument errors (ENOENT, EISDIR, ERR_PARSE_ARGS_…) are usage errors too. */
export const isNodeError = (error: unknown): error is Error & { code: string } => error instanceof Error && typeof (error as { code?: unknown }).code === 'string';

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

function listingFiles(paths: string[]): string[] {
  const files = new Set<string>();
  for (const path of paths) {
    if (!existsSync(path)) throw new UsageError(`no such file or folder: ${path}`);
    if (statSync(path).isDirectory()) {
      const found = readdirSync(path).filter(isListingFile).sort();
      // An empty folder is almost always a wrong path, and ingesting it would remove every paper.
      if (found.length === 0) throw new UsageError(`no listings (*.txt, *.html, *.json) in ${path}`);
      for (const f of found) files.add(resolve(path, f));
    } else files.add(resolve(path));
  }
  return [...files];
}

function readSidecar(listing: string): ListingSidecar | undefined {
  const path = join(dirname(listing), `${basename(listing, extname(listing))}.yaml`);
  if (!existsSync(path)) return undefined;
  let data: unknown;
  try {
    data = parseYaml(readBytes(path).toString('utf8')) ?? {};
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${relative(process.cwd(), path)}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new UsageError(`${relative(process.cwd(), path)}: must be a mapping such as "captured: 2025-10-30"`);
  }
  const { captured, title } = data as Record<string, unknown>;
  const sidecar: ListingSidecar = {};
  if (captured !== undefined && captured !== null) {
    // The core schema reads 2025-10-30 as a string; a YAML 1.1 reader would have made it a Date.
    sidecar.captured = captured instanceof Date ? captured.toISOString().slice(0, 10) : String(captured);
    if (!isIsoDate(sidecar.captured)) throw new UsageError(`${relative(process.cwd(), path)}: captured must be a real day written YYYY-MM-DD, not "${sidecar.captured}"`);
  }
  // A listing's title is shown on pages and in the search filters: cleaned as every title is.
  if (title !== undefined && title !== null) sidecar.title = normalizeLine(String(title));
  return sidecar;
}

export function readInputs(paths: string[]): ListingInput[] {
  const inputs = listingFiles(paths).map((file) => {
    const { text, encoding } = decodeListing(readBytes(file));
    const input: ListingInput = { file: relative(process.cwd(), file).split(sep).join('/'), name: basename(file, extname(file)), text };
    if (encoding !== 'utf-8') input.encoding = encoding;
    const sidecar = readSidecar(file);
    if (sidecar) input.sidecar = sidecar;
    return input;
  });
  // By id, not by name: the id is what becomes a folder (see listing-id.ts).
  const ids = new Map<string, string>();
  for (const input of inputs) {
    const id = listingId(input.name);
    const other = ids.get(id);
    if (other) throw new UsageError(`two listings have the id ${id}: ${other} and ${input.file}`);
    ids.set(id, input.file);
  }
  return inputs;
}

/** The editor's identifiers (content/identifiers.yaml), if there are any; what cannot be read is a warning. */
export function readIdentifiers(): Identifiers & Pick<IdentifierSidecar, 'warnings'> {
  const file = relative(process.cwd(), resolve(IDENTIFIERS_YAML)).split(sep).join('/');
  if (!existsSync(IDENTIFIERS_YAML)) return { file, pins: [], warnings: [] };
  return { file, ...parseIdentifierSidecar(file, readBytes(IDENTIFIERS_YAML).toString('utf8')) };
}

/** Writes through a temporary file and a rename, so readers never see half a file. */
export function writeAtomic(path: string, content: string): void {
  const temp = `${path}.tmp-${process.pid}`;
  writeFileSync(temp, content);
  renameSync(temp, path);
}
