// A city desk's calls over HTTP: its API version (x-infocite-api) and its own credential (x-infocite-poste). A
// call without the version header comes from the server's own pages and is not checked; a desk within the
// versions this server serves passes; a desk too old is told to update its app, a desk newer than the server is
// told the server must be updated first. A credential that resolves to no enrolled desk (unknown, replaced by a
// new code, revoked) is refused: the desk must be enrolled again.
import type { IncomingHttpHeaders } from 'node:http';
import type { Envelope } from '../../common/contract';
import { API_VERSION, API_VERSION_HEADER, OLDEST_API_VERSION, POSTE_HEADER } from '../../common/sync/methods';
import type { CallingDesk } from '../core/points/call-point';
import { resolvePoste } from '../core/postes/postes';
import type { Db } from '../core/store/db';

/** A refusal of the transport: its HTTP status and its envelope. */
export interface DeskRefusal {
  status: number;
  body: Envelope<never>;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export const UNKNOWN_DESK =
  "Ce poste n'est plus reconnu par le serveur de la ville (son inscription a été révoquée ou remplacée) : " +
  "demandez à un administrateur de l'inscrire à nouveau (Administration → Postes → nouveau code d'inscription).";

/**
 * The refusal for a desk speaking version `value`, or null when it may go on. A desk too old gets HTTP 426
 * (Upgrade Required); a desk newer than the server 501 (the server does not implement that version yet), which
 * a desk retries later like any server-side failure, keeping its outbox.
 */
export function versionRefusal(value: string | undefined): DeskRefusal | null {
  if (value === undefined) return null;
  const version = /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
  if (Number.isNaN(version))
    return {
      status: 400,
      body: {
        ok: false,
        error: { code: 'invalid_input', message: `Version d'API illisible (en-tête ${API_VERSION_HEADER}).` },
      },
    };
  if (version >= OLDEST_API_VERSION && version <= API_VERSION) return null;
  if (version < OLDEST_API_VERSION)
    return {
      status: 426,
      body: {
        ok: false,
        error: {
          code: 'outdated',
          message:
            `L'application de ce poste est trop ancienne (version d'API ${version}) : le serveur de la ville ` +
            `accepte les versions ${OLDEST_API_VERSION} à ${API_VERSION}. Faites mettre à jour Info'Cité sur ce ` +
            `poste ; les contacts en attente y restent gardés et seront envoyés ensuite.`,
        },
      },
    };
  return {
    status: 501,
    body: {
      ok: false,
      error: {
        code: 'outdated',
        message:
          `Ce poste est plus récent que le serveur de la ville (version d'API ${version}, le serveur s'arrête à ` +
          `la ${API_VERSION}) : le serveur doit être mis à jour d'abord. Prévenez le service informatique ; ` +
          `les contacts en attente restent gardés sur ce poste.`,
      },
    },
  };
}

/**
 * The desk a call comes from: none (no credential header: the server's own pages), the desk, or the refusal
 * for a version out of range or a credential that no longer works.
 */
export async function deskOfRequest(
  db: Db,
  headers: IncomingHttpHeaders,
  now: Date,
): Promise<{ poste?: CallingDesk } | { refusal: DeskRefusal }> {
  const skew = versionRefusal(header(headers, API_VERSION_HEADER));
  if (skew) return { refusal: skew };
  const credential = header(headers, POSTE_HEADER);
  if (credential === undefined) return {};
  const found = await resolvePoste(db, credential.trim(), now);
  if (!found)
    return {
      refusal: {
        status: 401,
        body: { ok: false, error: { code: 'unauthenticated', message: UNKNOWN_DESK } },
      },
    };
  return {
    poste: {
      id: found.posteId,
      nom: found.nom,
      pointId: found.pointId,
      pointNom: found.pointNom,
      pointType: found.pointType,
    },
  };
}
