import { z } from 'zod';
import type { Core } from '../core/app';
import type { ClientSlot } from '../core/auth/session';
import { LOCAL_SOURCE } from '../core/auth/source-throttle';
import { ConflictError, ForbiddenError, NotFoundError, RefusedError, UnavailableError } from '../core/errors';
import type { Envelope, ErrorCode, MethodName } from '../../common/contract';
import { methods } from '../../common/contract';
import { handlers } from './handlers';
import { grants } from '../../common/roles';
import type { CallContext } from './handler-types';

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

function failure(code: ErrorCode, message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

const ERRORS: Array<[new (...args: never[]) => Error, ErrorCode]> = [
  [NotFoundError, 'not_found'],
  [UnavailableError, 'unavailable'],
  [RefusedError, 'refused'],
  [ConflictError, 'conflict'],
  [ForbiddenError, 'forbidden'],
];

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/**
 * The one entry point of every transport (Electron IPC, the browser preview, the command line, the tests):
 * resolves the client's session, checks the method's role in the core, validates the input against the
 * method's schema, runs the handler, and always answers with an envelope carrying either the result or a
 * French message. `source` says where the call comes from (the HTTP transport passes the client's address);
 * login attempts are throttled per source.
 */
export async function dispatch(
  core: Core,
  client: ClientSlot,
  method: unknown,
  input: unknown,
  source: string = LOCAL_SOURCE,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return failure('unknown_method', `Méthode inconnue : ${String(method)}`);
  const spec = methods[method];
  const session = core.auth.resolve(client);
  if (!grants(session.compte ? session.roles : null, spec.role)) {
    return session.compte
      ? failure('forbidden', "Vous n'avez pas les droits nécessaires pour cette action.")
      : failure('unauthenticated', "Votre session est terminée ou n'est pas ouverte : identifiez-vous.");
  }
  const parsed = spec.input.safeParse(input ?? {});
  if (!parsed.success) return failure('invalid_input', `Demande invalide : ${z.prettifyError(parsed.error)}`);
  const context: CallContext = { session, client, source };
  try {
    // The handler table is typed method by method; indexing it by a union loses that pairing.
    const handler = handlers[method] as (core: Core, input: unknown, context: CallContext) => unknown;
    return { ok: true, result: await handler(core, parsed.data, context) };
  } catch (error) {
    for (const [kind, code] of ERRORS) if (error instanceof kind) return failure(code, error.message);
    if (isUniqueViolation(error))
      return failure(
        'conflict',
        'Un enregistrement identique existe déjà (même code, identifiant ou courriel).',
      );
    // Never the input: it may hold a password.
    console.error(`[dispatch] ${method} failed:`, error);
    return failure(
      'internal',
      'Une erreur interne est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
    );
  }
}
