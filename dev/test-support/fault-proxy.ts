// A small HTTP proxy between desks and the city server, for the multi-desk fault tests: it passes requests on,
// or fails them the three ways a network fails a desk — the connection refused at once, a black hole that never
// answers, and the cruellest, the response lost after the server committed (the request reached the server, its
// answer never reached the desk). Loopback only.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type FaultMode = 'passer' | 'refuser' | 'trou-noir';

export interface FaultProxy {
  /** The proxy's base URL (http://127.0.0.1:port/), to give to the desks as their server. */
  url: string;
  /** How requests fare from now on. */
  setMode(mode: FaultMode): void;
  /**
   * The next `count` requests whose path starts with `pathPrefix` reach the server, which answers; the answer is
   * then thrown away and the desk's connection cut.
   */
  dropResponses(pathPrefix: string, count?: number): void;
  /** Requests seen, by path (answered or not). */
  readonly seen: ReadonlyMap<string, number>;
  /** Responses dropped after the server answered. */
  readonly dropped: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const base = new URL(target);
  let mode: FaultMode = 'passer';
  let dropPrefix: string | null = null;
  let dropCount = 0;
  let dropped = 0;
  const seen = new Map<string, number>();
  const sockets = new Set<Socket>();

  const forward = (request: IncomingMessage, response: ServerResponse, drop: boolean) => {
    const upstream = httpRequest(
      {
        host: base.hostname,
        port: base.port,
        method: request.method,
        path: request.url,
        // The server checks its own Host: the desk named the proxy.
        headers: { ...request.headers, host: base.host },
      },
      (answer) => {
        if (drop) {
          answer.resume();
          answer.on('end', () => {
            dropped++;
            request.socket.destroy();
          });
          return;
        }
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => request.socket.destroy());
    request.pipe(upstream);
  };

  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0] ?? '/';
    seen.set(path, (seen.get(path) ?? 0) + 1);
    if (mode === 'refuser') {
      request.socket.destroy();
      return;
    }
    if (mode === 'trou-noir') return; // never answered; cut when the proxy closes
    const drop = dropPrefix !== null && dropCount > 0 && path.startsWith(dropPrefix);
    if (drop) dropCount--;
    forward(request, response, drop);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setMode(next) {
      mode = next;
      // A network that goes down also cuts what was under way.
      if (next !== 'passer') for (const socket of sockets) socket.destroy();
    },
    dropResponses(pathPrefix, count = 1) {
      dropPrefix = pathPrefix;
      dropCount = count;
    },
    seen,
    get dropped() {
      return dropped;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
