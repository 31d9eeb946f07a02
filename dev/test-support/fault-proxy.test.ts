import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFaultProxy, type FaultProxy } from './fault-proxy';

let server: Server;
let received: string[];
let proxy: FaultProxy;

beforeEach(async () => {
  received = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      received.push(
        `${request.method ?? ''} ${request.url ?? ''} ${body} host=${request.headers.host ?? ''}`,
      );
      response.writeHead(200, { 'content-type': 'text/plain' });
      response.end(`reçu ${body}`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  proxy = await startFaultProxy(`http://127.0.0.1:${port}/`);
});

afterEach(async () => {
  await proxy.close();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, body: string) =>
  fetch(new URL(path, proxy.url), { method: 'POST', body, signal: AbortSignal.timeout(2000) });

describe('the fault proxy', () => {
  it('passes requests and answers on, naming the server as the host', async () => {
    const answer = await post('/api/x', 'un');
    expect(await answer.text()).toBe('reçu un');
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^POST \/api\/x un host=127\.0\.0\.1:\d+$/);
    expect(received[0]).not.toContain(new URL(proxy.url).port);
    expect(proxy.seen.get('/api/x')).toBe(1);
  });

  it('refuses: the request fails at once and never reaches the server', async () => {
    proxy.setMode('refuser');
    await expect(post('/api/x', 'deux')).rejects.toThrow();
    expect(received).toEqual([]);
  });

  it('black-holes: no answer until the desk gives up, and nothing reaches the server', async () => {
    proxy.setMode('trou-noir');
    const started = Date.now();
    await expect(
      fetch(new URL('/api/x', proxy.url), {
        method: 'POST',
        body: 'trois',
        signal: AbortSignal.timeout(300),
      }),
    ).rejects.toThrow();
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(received).toEqual([]);
  });

  it('drops the response after the server handled the request, then passes again', async () => {
    proxy.dropResponses('/api/', 1);
    await expect(post('/api/x', 'quatre')).rejects.toThrow();
    expect(received).toHaveLength(1);
    expect(proxy.dropped).toBe(1);
    const again = await post('/api/x', 'cinq');
    expect(await again.text()).toBe('reçu cinq');
  });
});
