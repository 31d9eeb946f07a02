/** Something asked for does not exist; the message is shown to the user as is. */
export class NotFoundError extends Error {}

/** The core cannot answer yet (index still building for the first time…); the message is shown as is. */
export class UnavailableError extends Error {}
