// Errors the core throws on purpose; each carries a French message shown to the user as is, and the
// dispatcher turns each kind into its error code.

/** Something asked for does not exist. */
export class NotFoundError extends Error {}

/** The core cannot answer yet (index still building for the first time…). */
export class UnavailableError extends Error {}

/** The request is well-formed but a rule of the domain refuses it (label rule not met, wrong password…). */
export class RefusedError extends Error {
  /** Seconds to wait before the same request may pass (a login during its forced wait); the window counts down. */
  readonly retryAfter?: number;
  /** The input field the refusal is about (an address a mail server refused): the form shows it there. */
  readonly field?: string;

  constructor(message: string, options: { retryAfter?: number; field?: string } = {}) {
    super(message);
    if (options.retryAfter !== undefined && options.retryAfter > 0) this.retryAfter = options.retryAfter;
    if (options.field) this.field = options.field;
  }
}

/** The data changed meanwhile or would collide with another record (same code, same email…). */
export class ConflictError extends Error {}

/** The session may not do this to this record (beyond the method's role, checked by the dispatcher). */
export class ForbiddenError extends Error {}
