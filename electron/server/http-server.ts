import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { dispatch, errorEnvelope, type DispatchOptions } from './dispatch';
import { sql } from '../core/store/db';
import type { Envelope } from '../../common/contract';
import { APP_ORIGIN, HTTP_RESPONSE_HEADERS, mimeTypeFor, resolveAppAsset } from './app-assets';
import { Clients, type TokenStore } from './http-clients';
import type { ClientSlot } from '../core/auth/session';
import { deskOfRequest } from './http-desk';
import { SYNC_PREFIX, syncRoutes } from './sync-routes';
import {
  LOOPBACK_HOSTS,
  bodyLimitOf,
  frenchSize,
  hostAllowed,
  hostPolicy,
  originAllowed,
  sourceOf,
  type HostPolicy,
} from './http-guards';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export interface PreviewServerOptions {
  /**
   * The names the server answers to (the Host header): « name » (with the server's port) or « name:port ».
   * By default the loopback names 127.0.0.1, localhost and [::1]; anything else is refused, so that a page on
   * another name resolving to this machine (DNS rebinding) reaches nothing.
   */
  allowedHosts?: readonly string[];
  /** The origins whose pages may call /api (behind a TLS proxy: https://…); by default http:// + each host. */
  allowedOrigins?: readonly string[];
}

/** A request body is drained up to this size to answer 413 cleanly; beyond, the connection is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

const WRONG_HOST =
  "Adresse non reconnue : ce serveur Info'Cité ne répond qu'à ses propres adresses. Ouvrez-le à son adresse habituelle.";
const WRONG_ORIGIN = "Demande refusée : elle ne vient pas des pages d'Info'Cité.";

function failure(code: 'invalid_input' | 'forbidden' | 'internal', message: string): Envelope<never> {
  return { ok: false, error: { code, message } };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

type Body = { text: string } | { tooLarge: true };

/**
 * The request's body, or tooLarge past `limit` bytes. A large body is read to its end (and dropped) so that
 * the client gets the 413 answer rather than a reset connection; only beyond DRAIN_LIMIT is it cut.
 */
function readBody(request: IncomingMessage, response: ServerResponse, limit: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > DRAIN_LIMIT) {
      response.setHeader('connection', 'close');
      resolve({ tooLarge: true });
      return;
    }
    let size = 0;
    let tooLarge = declared > limit;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (!tooLarge) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_LIMIT) {
        request.removeAllListeners('data');
        request.pause();
        response.setHeader('connection', 'close');
        resolve({ tooLarge: true });
      }
    });
    request.on('end', () =>
      resolve(tooLarge ? { tooLarge } : { text: Buffer.concat(chunks).toString('utf8') }),
    );
    request.on('error', reject);
  });
}

/** What answers an API call: the core's dispatch, or a connected desk's router (electron/server/desk/). */
export type Answerer = (
  slot: ClientSlot,
  method: string,
  input: unknown,
  options: DispatchOptions,
) => Promise<Envelope<unknown>>;

/**
 * POST /api/METHOD carries the JSON input to the same dispatcher the Electron IPC uses. POST /borne/api/METHOD
 * (`kiosk`) is the public kiosk's: marked as a kiosk call, it reaches only the kiosk's methods, and no session
 * cookie is read or set there — a browser where an agent is logged in gives the kiosk nothing more. The mark
 * comes from the path the server routes, never from what a page says about itself, so an agent's page (which
 * calls /api) cannot become a kiosk by accident.
 */
async function handleApi(
  core: Core,
  answer: Answerer,
  clients: Clients,
  policy: HostPolicy,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
  kiosk = false,
) {
  const fetchSite = request.headers['sec-fetch-site'];
  if (!originAllowed(policy, request.headers.origin, typeof fetchSite === 'string' ? fetchSite : undefined))
    return sendJson(response, 403, failure('forbidden', WRONG_ORIGIN));
  if (request.method !== 'POST') return sendJson(response, 405, failure('invalid_input', 'POST attendu.'));
  // A JSON content type cannot be sent cross-site without a preflight, which this server never grants.
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    return sendJson(response, 415, failure('invalid_input', 'Contenu JSON attendu.'));
  const limit = bodyLimitOf(method);
  const body = await readBody(request, response, limit);
  if ('tooLarge' in body) {
    const message = `Demande trop volumineuse : au plus ${frenchSize(limit)} pour cette action.`;
    sendJson(response, 413, failure('invalid_input', message));
    if (response.getHeader('connection') === 'close') response.on('finish', () => request.destroy());
    return;
  }
  let input: unknown;
  try {
    input = body.text ? JSON.parse(body.text) : {};
  } catch {
    return sendJson(response, 400, failure('invalid_input', 'Demande illisible (JSON attendu).'));
  }
  const source = sourceOf(request.socket.remoteAddress);
  // A kiosk is nobody: neither a session cookie nor a desk's credential is read. Its calls are always answered by
  // this core (a connected desk's mirror included), never forwarded with someone's session.
  if (kiosk)
    return sendJson(response, 200, await dispatch(core, { token: null }, method, input, { source, kiosk }));
  let desk: Awaited<ReturnType<typeof deskOfRequest>>;
  try {
    // The desk's credential is read from the database: unreachable, the call is answered like any other.
    desk = await deskOfRequest(core.store.db, request.headers, core.now());
  } catch (error) {
    return sendJson(response, 200, errorEnvelope(method, error));
  }
  if ('refusal' in desk) return sendJson(response, desk.refusal.status, desk.refusal.body);
  const call = clients.of(request.headers.cookie);
  const envelope = await answer(call.slot, method, input, { source, poste: desk.poste });
  const cookie = clients.settle(call, method, envelope.ok, source);
  if (cookie) response.setHeader('set-cookie', cookie);
  sendJson(response, 200, envelope);
}

/** The kiosk's page: the same built renderer, whose entry shows the kiosk at this path. */
const KIOSK_PAGE = /^\/borne(?:\?.*)?$/;

function serveFile(rendererDir: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendText(response, 405, 'Méthode non autorisée');
  }
  const url = request.url ?? '/';
  if (url === '/borne/') {
    // The page's assets are relative: they resolve from /borne, not from /borne/.
    response.writeHead(308, { location: '/borne' });
    return void response.end();
  }
  // Nothing of a citizen's visit is kept by the browser's cache either.
  if (KIOSK_PAGE.test(url)) response.setHeader('cache-control', 'no-store');
  // The same path resolution as Electron's app:// protocol, so both transports serve exactly the same files.
  const file = resolveAppAsset(rendererDir, `${APP_ORIGIN}${KIOSK_PAGE.test(url) ? '/index.html' : url}`);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return sendText(response, 404, 'Introuvable');
  response.writeHead(200, { 'content-type': mimeTypeFor(file) });
  createReadStream(file).pipe(response);
}

/** One answered request, for the server's log: never a body, a query string or a cookie. */
export interface RequestRecord {
  method: string;
  /** The path without its query; for the API, « /api/<method> ». */
  path: string;
  status: number;
  ms: number;
  source: string;
}

export interface HttpServerOptions extends PreviewServerOptions {
  /** The built renderer to serve beside the API; without it, only the API and /health answer. */
  rendererDir?: string;
  port: number;
  /** The address to listen on: 127.0.0.1 by default (behind a reverse proxy); 0.0.0.0 for every interface. */
  host?: string;
  /** PEM certificate and key: HTTPS instead of HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Called once per answered request. */
  onRequest?: (record: RequestRecord) => void;
  /**
   * A connected desk: its calls go to the desk's router (local core, outbox or the city's server) instead of
   * the core's dispatch, and its window slots live as long as the desk keeps their sessions.
   */
  desk?: { answer: Answerer; tokens: TokenStore };
  /** Called when a request fails inside the server (never with the request's body). */
  onError?: (message: string, error: unknown) => void;
}

/** What /health answers: enough for a monitoring probe and a reverse proxy's health check. */
export interface Health {
  status: 'ok' | 'degraded';
  version: string;
  index: string;
  fiches: number;
  database: 'ok' | 'error';
}

async function health(core: Core, version: string): Promise<Health> {
  const index = core.search.status();
  let database: Health['database'] = 'ok';
  try {
    await core.store.db.value(sql`SELECT 1 AS ok`);
  } catch {
    database = 'error';
  }
  const status = database === 'ok' && index.state !== 'error' ? 'ok' : 'degraded';
  return { status, version, index: index.state, fiches: index.fiches, database };
}

const VERSION = process.env.npm_package_version ?? '0.0.0';

/** How long a stopping server waits for the requests under way. */
const CLOSE_GRACE_MS = 5_000;

/**
 * The HTTP(S) transport of the core: the API (POST /api/<method>, the same dispatch as Electron's IPC), the
 * built renderer when there is one, and GET /health. Every answer carries the app's security headers; the Host
 * header must name this server, and API calls must come from its own pages. Used by the browser preview, the
 * e2e tests and the city server (`npm run server`).
 */
export async function startHttpServer(core: Core, options: HttpServerOptions): Promise<PreviewServer> {
  const { rendererDir, port } = options;
  if (rendererDir !== undefined && !existsSync(rendererDir)) {
    throw new Error(
      `Le rendu n'est pas construit (${rendererDir} absent) : lancez d'abord « npx vite build ».`,
    );
  }
  // Checked now, so that a wrong entry stops the start rather than every request.
  hostPolicy(options.allowedHosts ?? LOOPBACK_HOSTS, port || 1, options.allowedOrigins);
  const clients = new Clients(options.desk?.tokens ?? core.auth.tokens);
  const answer: Answerer =
    options.desk?.answer ??
    ((slot, method, input, callOptions) => dispatch(core, slot, method, input, callOptions));
  // The knowledge base published to the city's desks (GET /sync/…, a desk's credential required).
  const sync = syncRoutes(core);
  let policy: HostPolicy = { hosts: new Set(), origins: new Set() };
  const onError =
    options.onError ?? ((message: string, error: unknown) => console.error(`[http] ${message}:`, error));
  const handler = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const url = request.url ?? '/';
    if (options.onRequest) {
      const onRequest = options.onRequest;
      response.on('finish', () =>
        onRequest({
          method: request.method ?? '?',
          path: url.split('?', 1)[0] ?? '/',
          status: response.statusCode,
          ms: Math.round((performance.now() - started) * 10) / 10,
          source: sourceOf(request.socket.remoteAddress),
        }),
      );
    }
    for (const [name, value] of Object.entries(HTTP_RESPONSE_HEADERS)) response.setHeader(name, value);
    const api = /^\/api\/([\w.]+)$/.exec(url);
    const kioskApi = /^\/borne\/api\/([\w.]+)$/.exec(url);
    if (!hostAllowed(policy, request.headers.host)) {
      // 421 Misdirected Request: this server is not the one the name was meant for.
      if (url.startsWith('/api/') || url.startsWith('/borne/api/'))
        return sendJson(response, 421, failure('forbidden', WRONG_HOST));
      return sendText(response, 421, WRONG_HOST);
    }
    if (url === '/health' || url.startsWith('/health?')) {
      void health(core, VERSION).then((answer) =>
        sendJson(response, answer.status === 'ok' ? 200 : 503, answer),
      );
      return;
    }
    const path = url.split('?', 1)[0] ?? '/';
    if (path.startsWith(SYNC_PREFIX)) return sync.handle(request, response, path);
    if (api?.[1]) {
      handleApi(core, answer, clients, policy, api[1], request, response).catch((error: unknown) => {
        onError('request failed', error);
        if (!response.headersSent) sendJson(response, 500, failure('internal', 'Erreur interne.'));
      });
    } else if (kioskApi?.[1]) {
      handleApi(core, answer, clients, policy, kioskApi[1], request, response, true).catch(
        (error: unknown) => {
          onError('request failed', error);
          if (!response.headersSent) sendJson(response, 500, failure('internal', 'Erreur interne.'));
        },
      );
    } else if (url.startsWith('/api/') || url.startsWith('/borne/api/')) {
      sendJson(response, 404, failure('invalid_input', 'Méthode inconnue.'));
    } else if (rendererDir !== undefined) {
      serveFile(rendererDir, request, response);
    } else {
      sendText(response, 404, 'Introuvable');
    }
  };
  const server = options.tls ? createHttpsServer(options.tls, handler) : createServer(handler);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      sync.close();
      reject(error);
    });
    server.listen(port, host, () => {
      const { port: actual } = server.address() as AddressInfo;
      policy = hostPolicy(options.allowedHosts ?? LOOPBACK_HOSTS, actual, options.allowedOrigins);
      const shown =
        host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `${options.tls ? 'https' : 'http'}://${shown}:${actual}/`,
        // Requests under way finish (a clean stop on SIGTERM loses no answer); idle keep-alive connections
        // close at once, and any still open after a few seconds are cut.
        close: () =>
          new Promise((done) => {
            const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
            server.close(() => {
              clearTimeout(cut);
              sync.close();
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}

/** The browser preview (and the e2e tests' server): the built renderer and the API, on the loopback address. */
export function startPreviewServer(
  core: Core,
  rendererDir: string,
  port: number,
  options: PreviewServerOptions & Pick<HttpServerOptions, 'desk'> = {},
): Promise<PreviewServer> {
  return startHttpServer(core, { ...options, rendererDir, port });
}
