// The city server's log: one JSON object per line on standard output (what journald, Docker and log shippers
// expect), with the time, a level and a French message for the people who run it. Never a request body, a
// password, a cookie or a query string.

export type LogLevel = 'info' | 'warn' | 'error';

export interface LogLine {
  time: string;
  level: LogLevel;
  msg: string;
  [field: string]: unknown;
}

export type Logger = (level: LogLevel, msg: string, fields?: Record<string, unknown>) => void;

/** A logger writing JSON lines through `write` (standard output by default), with the clock `now`. */
export function jsonLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
  now: () => Date = () => new Date(),
): Logger {
  return (level, msg, fields = {}) => {
    const line: LogLine = { time: now().toISOString(), level, msg, ...fields };
    write(`${JSON.stringify(line)}\n`);
  };
}

/** An error's message for a log line, without its stack (the stack goes with it, as a field of its own). */
export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
