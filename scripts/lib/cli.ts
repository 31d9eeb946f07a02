import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/** Prints a French message for the user and stops with a non-zero code (2: the command line is wrong). */
export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Parses the command line; a wrong option prints the usage and fails, `--help` prints it and exits. */
export function parseCommandLine<T extends ParseArgsConfig>(
  config: T,
  usage: string,
): ReturnType<typeof parseArgs<T>> {
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(config);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
