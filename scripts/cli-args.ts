/**
 * Command-line options for the scripts, read so that a mistyped option ends in one line that names
 * the script and its usage, not in parseArgs's stack trace.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';

export function parseArgsOrExit<T extends ParseArgsConfig>(script: string, usage: string, config: T): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config);
  } catch (error) {
    console.error(`${script}: ${(error as Error).message}; usage: ${usage}`);
    process.exit(2);
  }
}
