// The city server's publication of its knowledge base to enrolled desks, over HTTP GET:
//   /sync/manifest            the content folder's files with their sha-256, and the index (ETag / 304)
//   /sync/fichier/<sha256>    one listed file, by its hash
//   /sync/index/<sha256>      the persisted search index, by its hash
// Only for a desk's valid credential (x-infocite-poste); nothing here takes a path from the request.
import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Envelope, ErrorCode } from '../../common/contract';
import { API_VERSION, API_VERSION_HEADER, OLDEST_API_VERSION, POSTE_HEADER } from '../../common/sync/methods';
import type { Core } from '../core/app';
import { ContentPublication } from '../core/knowledge/publication';
import { resolvePoste } from '../core/postes/postes';

export const SYNC_PREFIX = '/sync/';

const NO_CREDENTIAL =
  "Ce poste n'est pas reconnu par le serveur (identifiant absent, inconnu ou révoqué) : faites-le inscrire à nouveau par un administrateur.";
const TOO_OLD = `Ce poste utilise une version d'Info'Cité trop ancienne pour ce serveur : faites mettre à jour l'application du poste (version d'échange ${API_VERSION} ou ${OLDEST_API_VERSION} attendue).`;

function sendError(response: ServerResponse, status: number, code: ErrorCode, message: string): void {
  const body: Envelope<never> = { ok: false, error: { code, message } };
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Which desk calls, from its credential, or the refusal to send. A small function of its own so the transport
 * can later take it from the call context instead.
 */
export async function authorisePoste(
  core: Core,
  request: IncomingMessage,
): Promise<{ posteId: number; pointId: number } | { status: number; code: ErrorCode; message: string }> {
  const version = Number(header(request, API_VERSION_HEADER));
  if (!Number.isInteger(version) || version < OLDEST_API_VERSION)
    return { status: 426, code: 'refused', message: TOO_OLD };
  const credential = header(request, POSTE_HEADER);
  const poste = credential ? await resolvePoste(core.store.db, credential, core.now()) : null;
  if (!poste) return { status: 401, code: 'unauthenticated', message: NO_CREDENTIAL };
  return poste;
}

export interface SyncRoutes {
  /** Answers a request whose path starts with SYNC_PREFIX. */
  handle(request: IncomingMessage, response: ServerResponse, path: string): void;
  close(): void;
}

const SHA256 = /^[0-9a-f]{64}$/;

export function syncRoutes(core: Core): SyncRoutes {
  const publication = new ContentPublication({
    contentDir: core.options.contentDir,
    dataDir: core.options.dataDir,
  });
  // Every rebuild of the index follows a change of the folder (or is a new index): list it again.
  const unsubscribe = core.search.onRebuilt(() => publication.invalidate());

  const answer = async (request: IncomingMessage, response: ServerResponse, path: string): Promise<void> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.setHeader('allow', 'GET, HEAD');
      return sendError(response, 405, 'invalid_input', 'GET attendu.');
    }
    const poste = await authorisePoste(core, request);
    if ('status' in poste) return sendError(response, poste.status, poste.code, poste.message);
    const rest = path.slice(SYNC_PREFIX.length);
    if (rest === 'manifest') {
      const manifest = publication.manifest();
      const etag = `"${manifest.version}"`;
      response.setHeader('etag', etag);
      response.setHeader('cache-control', 'no-cache');
      if (header(request, 'if-none-match') === etag) {
        response.writeHead(304);
        return void response.end();
      }
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void response.end(request.method === 'HEAD' ? undefined : JSON.stringify(manifest));
    }
    const [kind, sha, ...extra] = rest.split('/');
    if (extra.length > 0 || !sha || !SHA256.test(sha) || (kind !== 'fichier' && kind !== 'index'))
      return sendError(response, 404, 'not_found', 'Adresse de synchronisation inconnue.');
    const gone = 'Cette version du contenu n’est plus publiée : relisez le manifeste.';
    if (kind === 'fichier') {
      const bytes = publication.file(sha);
      if (!bytes) return sendError(response, 404, 'not_found', gone);
      response.writeHead(200, {
        'content-type': 'application/octet-stream',
        'content-length': bytes.length,
        'cache-control': 'no-store',
      });
      return void response.end(request.method === 'HEAD' ? undefined : bytes);
    }
    const file = publication.indexPath(sha);
    if (!file) return sendError(response, 404, 'not_found', gone);
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    if (request.method === 'HEAD') return void response.end();
    createReadStream(file)
      .on('error', () => response.destroy())
      .pipe(response);
  };
  // The server calls `handle` without waiting: a failure (the database out of reach) answers 500 here.
  const handle = (request: IncomingMessage, response: ServerResponse, path: string): void => {
    answer(request, response, path).catch((error: unknown) => {
      console.error('[sync] request failed:', error);
      if (!response.headersSent) sendError(response, 500, 'internal', 'Erreur interne.');
      else response.destroy();
    });
  };
  return { handle, close: unsubscribe };
}
