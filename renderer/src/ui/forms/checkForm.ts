// A form checked with the contract's own zod schema (the one the core applies), before it is sent: the same
// rules and the same French messages on both sides. No DOM: unit-tested under Node.
import type { z } from 'zod';

export type FieldErrors = Record<string, string>;

/** The parsed value, or the first French message per field. */
export function checkForm<S extends z.ZodType>(
  schema: S,
  value: unknown,
): { ok: true; data: z.output<S> } | { ok: false; errors: FieldErrors } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= sentence(issue.message);
  }
  return { ok: false, errors };
}

/** Messages start lower case in the contract (they read inside a sentence there); a form shows them alone. */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** One field checked with its contract schema: its French sentence, or null when the value passes. */
export function checkField(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  const issue = result.success ? undefined : result.error.issues[0];
  return issue ? sentence(issue.message) : null;
}
