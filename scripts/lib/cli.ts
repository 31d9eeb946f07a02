import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/** Prints a French message for the user and stops with a non-zero code (2: the command line is wrong). */
export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Node's parseArgs complains in English; users of these commands read French. */
export function frenchArgumentError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const quoted = /'([^']+)'/.exec(message)?.[1] ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Option inconnue : ${quoted}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Argument inattendu : ${quoted}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return message.includes('argument missing')
        ? `Valeur manquante pour l'option ${quoted.replace(/ <value>$/, '')}`
        : `L'option ${quoted} ne prend pas de valeur`;
    default:
      return message;
  }
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
    fail(`${frenchArgumentError(error)}\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
