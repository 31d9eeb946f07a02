import { z } from 'zod';
import {
  SERIALIZATION_MESSAGE,
  UNIQUE_MESSAGE,
  UNREACHABLE_MESSAGE,
  isSerializationFailure,
  isUniqueViolation,
  isUnreachable,
} from '../core/store/errors';
import type { Core } from '../core/app';
import { ANONYMOUS, type ClientSlot, type Session } from '../core/auth/session';
import { LOCAL_SOURCE } from '../core/auth/source-throttle';
import { ConflictError, ForbiddenError, NotFoundError, RefusedError, UnavailableError } from '../core/errors';
import type { Envelope, EnvelopeError, ErrorCode, MethodName } from '../../common/contract';
import { methods } from '../../common/contract';
import { handlers } from './handlers';
import type { Access, Role } from '../../common/roles';
import { grants } from '../../common/roles';
import type { CallingDesk } from '../core/points/call-point';
import { KIOSK_REFUSAL, isKioskMethod } from '../../common/borne/methods';
import type { CallContext } from './handler-types';

function isMethod(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

function failure(
  code: ErrorCode,
  message: string,
  details: Omit<EnvelopeError, 'code' | 'message'> = {},
): Envelope<never> {
  return { ok: false, error: { code, message, ...details } };
}

/** The French name of an input field, as the forms label it; the key itself when no form shows it. */
const FIELD_LABELS: Record<string, string> = {
  identifiant: 'Identifiant',
  nom: 'Nom',
  prenom: 'Prénom',
  motDePasse: 'Mot de passe',
  nouveauMotDePasse: 'Nouveau mot de passe',
  ancienMotDePasse: 'Mot de passe actuel',
  pin: 'Code PIN',
  roles: 'Rôles',
  courriel: 'Courriel',
  telephone: 'Téléphone',
  service: 'Service',
  code: 'Code',
  libelle: 'Libellé',
  description: 'Description',
  date: 'Date',
  du: 'Date de début',
  au: 'Date de fin',
  debut: 'Début',
  fin: 'Fin',
  lieu: 'Lieu',
  formateur: 'Formateur',
  motif: 'Motif',
  commune: 'Commune',
  voie: 'Voie',
  complement: 'Complément',
  entite: 'Entité',
  statut: 'Statut',
  q: 'Recherche',
  query: 'Recherche',
  expression: 'Expression',
  groups: 'Synonymes',
  themes: 'Thèmes',
  validiteMois: 'Validité (mois)',
  agentId: 'Agent',
  pointId: 'Point d’accueil',
  sessionId: 'Session',
  typeId: 'Type de formation',
  id: 'Identifiant',
  titre: 'Titre',
  texte: 'Texte',
  pointIds: 'Points d’accueil',
  tousPoints: 'Tous les points',
  ficheIds: 'Fiches liées',
  ficheId: 'Fiche',
};

function pathLabel(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => {
      if (typeof key === 'number') return `n° ${key + 1}`;
      const name = String(key);
      const label = FIELD_LABELS[name] ?? name;
      return index === 0 ? label : label.toLowerCase();
    })
    .join(', ');
}

/**
 * A refused input in French, readable by the person who typed it: the field's name and the contract's message
 * for the first problem (the others counted), never a dump of the schema; and the field, so a form puts the
 * message next to it. The contract's own messages are French; zod's defaults are asked in French too.
 */
export function invalidInput(error: z.ZodError): Envelope<never> {
  const [first] = error.issues;
  if (!first) return failure('invalid_input', 'Demande invalide : vérifiez ce qui a été saisi.');
  // Every point to correct, each with its field (a caller of the API sees them all at once); the first one's
  // field goes with the envelope, for the form to show the message beside it.
  const points = error.issues.slice(0, MAX_POINTS).map((issue) => {
    const where = issue.path.length > 0 ? `${pathLabel(issue.path)} : ` : '';
    return `${where}${issue.message.trim().replace(/[.\s]+$/u, '')}`;
  });
  const more = error.issues.length - points.length;
  const rest =
    more > 0 ? ` ; et ${more} autre${more > 1 ? 's' : ''} point${more > 1 ? 's' : ''} à corriger` : '';
  const field = first.path[0];
  return failure(
    'invalid_input',
    `Demande invalide – ${points.join(' ; ')}${rest}.`,
    typeof field === 'string' ? { field } : {},
  );
}

/** How many points to correct one message lists. */
const MAX_POINTS = 5;

const FRENCH = z.locales.fr();

const ERRORS: Array<[new (...args: never[]) => Error, ErrorCode]> = [
  [NotFoundError, 'not_found'],
  [UnavailableError, 'unavailable'],
  [RefusedError, 'refused'],
  [ConflictError, 'conflict'],
  [ForbiddenError, 'forbidden'],
];

/** What a transport knows of a call besides the client's slot. */
export interface DispatchOptions {
  /** Where the call comes from (the HTTP transport passes the client's address); LOCAL_SOURCE by default. */
  source?: string;
  /** The enrolled city desk the call comes from, resolved by the transport from the desk's credential. */
  poste?: CallingDesk;
  /**
   * The call comes from a public kiosk (the `--borne` window's IPC, or /borne/api over HTTP): only
   * KIOSK_METHODS answer, anonymously.
   */
  kiosk?: boolean;
}

const NOT_A_DESK =
  'Cette action est réservée aux postes inscrits auprès du serveur de la ville (avec leur identifiant de poste).';

/** Whether the caller may use `access`: a desk's own access needs a desk; every other one, the session's roles. */
function allowed(access: Access, roles: readonly Role[] | null, poste: CallingDesk | undefined): boolean {
  return access === 'poste' ? poste !== undefined : grants(roles, access);
}

/**
 * The one entry point of every transport (Electron IPC, the browser preview, the command line, the tests):
 * resolves the client's session, checks the method's role in the core, validates the input against the
 * method's schema, runs the handler, and always answers with an envelope carrying either the result or a
 * French message. `options.source` says where the call comes from; login attempts are throttled per source.
 * `options.poste` is the city desk the call comes from, if any; `options.kiosk` marks a public kiosk's call.
 */
export async function dispatch(
  core: Core,
  client: ClientSlot,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  if (options.kiosk === true) {
    // A kiosk reaches its allow-list only, and as nobody: a session token in its slot, or a desk's credential,
    // is not even looked at.
    if (isMethod(method) && !isKioskMethod(method)) return failure('forbidden', KIOSK_REFUSAL);
    return dispatchAs(core, ANONYMOUS, { token: null }, method, input, {
      source: options.source,
      kiosk: true,
    });
  }
  let session: Session;
  try {
    // Read from the database: it may be unreachable, and the caller still gets an envelope.
    session = await core.auth.resolve(client);
  } catch (error) {
    return errorEnvelope(String(method), error);
  }
  return dispatchAs(core, session, client, method, input, options);
}

/**
 * The same, for a session the caller has already resolved: a connected desk answers its knowledge reads from
 * its local core for the session it holds from the city's server (electron/server/desk/).
 */
export function dispatchAs(
  core: Core,
  session: Session,
  client: ClientSlot,
  method: unknown,
  input: unknown,
  options: DispatchOptions = {},
): Promise<Envelope<unknown>> {
  const { source = LOCAL_SOURCE, poste } = options;
  const context: CallContext = { session, client, source, poste, kiosk: options.kiosk === true };
  return answerCall(
    session,
    method,
    input,
    (name, parsed) => {
      // The handler table is typed method by method; indexing it by a union loses that pairing.
      const handler = handlers[name] as (core: Core, input: unknown, context: CallContext) => unknown;
      return handler(core, parsed, context);
    },
    poste,
  );
}

/**
 * Checks the method's role for `session`, validates the input, runs `run` with the parsed input and turns its
 * result or its error into an envelope: the one rule for every place that answers a method.
 */
export async function answerCall(
  session: Session,
  method: unknown,
  input: unknown,
  run: (method: MethodName, parsed: unknown) => unknown,
  poste?: CallingDesk,
): Promise<Envelope<unknown>> {
  if (!isMethod(method)) return failure('unknown_method', `Méthode inconnue : ${String(method)}`);
  const spec = methods[method];
  if (!allowed(spec.role, session.compte ? session.roles : null, poste)) {
    if (spec.role === 'poste') return failure('forbidden', NOT_A_DESK);
    return session.compte
      ? failure('forbidden', "Vous n'avez pas les droits nécessaires pour cette action.")
      : failure('unauthenticated', "Votre session est terminée ou n'est pas ouverte : identifiez-vous.");
  }
  // zod's own messages (a wrong type…) in French; the contract's messages come first anyway.
  const parsed = spec.input.safeParse(input ?? {}, { error: FRENCH.localeError });
  if (!parsed.success) return invalidInput(parsed.error);
  try {
    return { ok: true, result: await run(method, parsed.data) };
  } catch (error) {
    return errorEnvelope(method, error);
  }
}

/** A thrown error as an envelope: the core's French refusals as they are, anything else as « internal ». */
export function errorEnvelope(method: string, error: unknown): Envelope<never> {
  if (error instanceof RefusedError && (error.retryAfter !== undefined || error.field !== undefined)) {
    return failure('refused', error.message, {
      ...(error.retryAfter !== undefined ? { retryAfter: error.retryAfter } : {}),
      ...(error.field !== undefined ? { field: error.field } : {}),
    });
  }
  for (const [kind, code] of ERRORS) if (error instanceof kind) return failure(code, error.message);
  if (isUniqueViolation(error)) return failure('conflict', UNIQUE_MESSAGE);
  if (isSerializationFailure(error)) return failure('conflict', SERIALIZATION_MESSAGE);
  if (isUnreachable(error)) {
    console.error(
      `[dispatch] ${method}: database unreachable:`,
      error instanceof Error ? error.message : error,
    );
    return failure('unavailable', UNREACHABLE_MESSAGE);
  }
  // Never the input: it may hold a password.
  console.error(`[dispatch] ${method} failed:`, error);
  return failure(
    'internal',
    'Une erreur interne est survenue. Réessayez ; si elle persiste, prévenez votre administrateur.',
  );
}
