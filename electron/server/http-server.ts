import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import { dispatch } from './dispatch';
import type { Envelope } from '../../common/contract';
import { APP_ORIGIN, HTTP_RESPONSE_HEADERS, mimeTypeFor, resolveAppAsset } from './app-assets';
import { Clients } from './http-clients';
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

/** POST /api/METHOD carries the JSON input to the same dispatcher the Electron IPC uses. */
async function handleApi(
  core: Core,
  clients: Clients,
  policy: HostPolicy,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
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
  const call = clients.of(request.headers.cookie);
  const answer = await dispatch(core, call.slot, method, input, source);
  const cookie = clients.settle(call, method, answer.ok, source);
  if (cookie) response.setHeader('set-cookie', cookie);
  sendJson(response, 200, answer);
}

function serveFile(rendererDir: string, request: IncomingMessage, response: ServerResponse): void {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return sendText(response, 405, 'Méthode non autorisée');
  }
  // The same path resolution as Electron's app:// protocol, so both transports serve exactly the same files.
  const file = resolveAppAsset(rendererDir, `${APP_ORIGIN}${request.url ?? '/'}`);
  if (!file || !existsSync(file) || !statSync(file).isFile()) return sendText(response, 404, 'Introuvable');
  response.writeHead(200, { 'content-type': mimeTypeFor(file) });
  createReadStream(file).pipe(response);
}

/**
 * The browser preview (and the e2e tests' server): the built renderer and the API, on the loopback address
 * only. Every answer carries the app's security headers; the Host header must name this server, and API calls
 * must come from its own pages.
 */
export async function startPreviewServer(
  core: Core,
  rendererDir: string,
  port: number,
  options: PreviewServerOptions = {},
): Promise<PreviewServer> {
  if (!existsSync(rendererDir)) {
    throw new Error(
      `Le rendu n'est pas construit (${rendererDir} absent) : lancez d'abord « npx vite build ».`,
    );
  }
  // Checked now, so that a wrong entry stops the start rather than every request.
  hostPolicy(options.allowedHosts ?? LOOPBACK_HOSTS, port || 1, options.allowedOrigins);
  const clients = new Clients(core.auth.tokens);
  let policy: HostPolicy = { hosts: new Set(), origins: new Set() };
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(HTTP_RESPONSE_HEADERS)) response.setHeader(name, value);
    const url = request.url ?? '/';
    const api = /^\/api\/([\w.]+)$/.exec(url);
    if (!hostAllowed(policy, request.headers.host)) {
      // 421 Misdirected Request: this server is not the one the name was meant for.
      if (url.startsWith('/api/')) return sendJson(response, 421, failure('forbidden', WRONG_HOST));
      return sendText(response, 421, WRONG_HOST);
    }
    if (api?.[1]) {
      handleApi(core, clients, policy, api[1], request, response).catch((error: unknown) => {
        console.error('[preview] request failed:', error);
        if (!response.headersSent) sendJson(response, 500, failure('internal', 'Erreur interne.'));
      });
    } else if (url.startsWith('/api/')) {
      sendJson(response, 404, failure('invalid_input', 'Méthode inconnue.'));
    } else {
      serveFile(rendererDir, request, response);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      policy = hostPolicy(options.allowedHosts ?? LOOPBACK_HOSTS, actual, options.allowedOrigins);
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
