import { randomBytes } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/app';
import type { ClientSlot } from '../core/auth/session';
import { dispatch } from './dispatch';
import { APP_ORIGIN, APP_RESPONSE_HEADERS, mimeTypeFor, resolveAppAsset } from '../main/security';

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1_000_000;

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...APP_RESPONSE_HEADERS, 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

const CLIENT_COOKIE = 'infocite_client';
const MAX_CLIENTS = 1000;

/**
 * Each browser gets an opaque client id in an HttpOnly, SameSite=Strict cookie; the server keeps its session
 * token against it, so the token never reaches the page's JavaScript (as in Electron, where the main process
 * keeps it per window).
 */
class Clients {
  private readonly slots = new Map<string, ClientSlot>();

  of(request: IncomingMessage, response: ServerResponse): ClientSlot {
    const id = /(?:^|;\s*)infocite_client=([\w-]{20,})/.exec(request.headers.cookie ?? '')?.[1];
    const known = id ? this.slots.get(id) : undefined;
    if (known) return known;
    const fresh = randomBytes(24).toString('base64url');
    const slot: ClientSlot = { token: null };
    this.slots.set(fresh, slot);
    // Requests without the cookie each make a slot: keep the newest, an old tab simply logs in again.
    if (this.slots.size > MAX_CLIENTS) {
      const oldest = this.slots.keys().next();
      if (!oldest.done) this.slots.delete(oldest.value);
    }
    response.setHeader('set-cookie', `${CLIENT_COOKIE}=${fresh}; HttpOnly; SameSite=Strict; Path=/`);
    return slot;
  }
}

/** POST /api/METHOD carries the JSON input to the same dispatcher the Electron IPC uses. */
async function handleApi(
  core: Core,
  clients: Clients,
  method: string,
  request: IncomingMessage,
  response: ServerResponse,
) {
  if (request.method !== 'POST')
    return sendJson(response, 405, { ok: false, error: { code: 'invalid_input', message: 'POST attendu.' } });
  // A JSON content type cannot be sent cross-site without a preflight, which this server never grants.
  if (!(request.headers['content-type'] ?? '').startsWith('application/json'))
    return sendJson(response, 415, {
      ok: false,
      error: { code: 'invalid_input', message: 'Contenu JSON attendu.' },
    });
  let input: unknown;
  try {
    const text = await readBody(request);
    input = text ? JSON.parse(text) : {};
  } catch {
    return sendJson(response, 400, {
      ok: false,
      error: { code: 'invalid_input', message: 'Demande illisible (JSON attendu).' },
    });
  }
  const client = clients.of(request, response);
  sendJson(response, 200, await dispatch(core, client, method, input));
}

function serveFile(rendererDir: string, url: string, response: ServerResponse): void {
  // The same path resolution as Electron's app:// protocol, so both transports serve exactly the same files.
  const file = resolveAppAsset(rendererDir, `${APP_ORIGIN}${url}`);
  if (!file || !existsSync(file) || !statSync(file).isFile()) {
    response.writeHead(404, { ...APP_RESPONSE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
    response.end('Introuvable');
    return;
  }
  response.writeHead(200, { ...APP_RESPONSE_HEADERS, 'content-type': mimeTypeFor(file) });
  createReadStream(file).pipe(response);
}

/** The browser preview: the built renderer and the API, on the loopback address only. */
export function startPreviewServer(core: Core, rendererDir: string, port: number): Promise<PreviewServer> {
  if (!existsSync(rendererDir)) {
    throw new Error(
      `Le rendu n'est pas construit (${rendererDir} absent) : lancez d'abord « npx vite build ».`,
    );
  }
  const clients = new Clients();
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    const api = /^\/api\/([\w.]+)$/.exec(url);
    if (api?.[1]) {
      handleApi(core, clients, api[1], request, response).catch((error: unknown) => {
        console.error('[preview] request failed:', error);
        if (!response.headersSent)
          sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'Erreur interne.' } });
      });
    } else {
      serveFile(rendererDir, url, response);
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${actual}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
