import { z } from 'zod';
import type { Core } from '../core/app';
import { NotFoundError, UnavailableError } from '../core/errors';
import type { Envelope, MethodName, Role } from './contract';
import { methods } from './contract';
import { handlers } from './handlers';

/** Who is calling. */
export interface Session {
  roles: Role[];
}

/**
 * Until accounts exist there is no telling an agent from an editor at the keyboard: the local session holds both
 * roles, and the dispatcher already enforces each method's role, ready for real sessions.
 */
export const DESK_SESSION: Session = { roles: ['agent', 'redacteur'] };

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

/**
 * The one entry point of every transport (Electron IPC, the browser preview, the tests): validates the input
 * against the method's schema, checks the role in the core, runs the handler, and always answers with an
 * envelope carrying either the result or a French message.
 */
export async function dispatch(
  core: Core,
  session: Session,
  method: unknown,
  input: unknown,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `Méthode inconnue : ${String(method)}` } };
  }
  const spec = methods[method];
  if (!session.roles.includes(spec.role) && !session.roles.includes('administrateur')) {
    return {
      ok: false,
      error: { code: 'forbidden', message: "Vous n'avez pas les droits nécessaires pour cette action." },
    };
  }
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Demande invalide : ${z.prettifyError(parsed.error)}` },
    };
  }
  try {
    // The handler table is typed method by method; indexing it by a union loses that pairing.
    const handler = handlers[method] as (core: Core, input: unknown) => unknown;
    return { ok: true, result: await handler(core, parsed.data) };
  } catch (error) {
    if (error instanceof NotFoundError)
      return { ok: false, error: { code: 'not_found', message: error.message } };
    if (error instanceof UnavailableError)
      return { ok: false, error: { code: 'unavailable', message: error.message } };
    console.error(`[dispatch] ${method} failed:`, error);
    return {
      ok: false,
      error: {
        code: 'internal',
        message:
          'Une erreur interne est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
      },
    };
  }
}
