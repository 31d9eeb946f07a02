// npm run server as a city's IT would run it: a child process, JSON lines on standard output, /health, HTTPS
// with the city's certificate, and a clean stop on SIGTERM.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { sampleContent, writeContentFolder } from '../dev/test-support/content';
import { createTestDatabase } from '../dev/test-support/postgres';
import { PROJECT_ROOT } from './lib/paths';

const folders: string[] = [];
function folder(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}
const content = writeContentFolder(sampleContent());
folders.push(content);

afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

interface Started {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  url: string;
}

/** Starts the server and resolves once it logs its address; every JSON line it writes is kept. */
function startServer(args: string[], env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const parsed = JSON.parse(line) as Record<string, unknown>;
      lines.push(parsed);
      if (typeof parsed.url === 'string') resolve({ child, lines, url: parsed.url });
    });
    child.once('exit', (code) => reject(new Error(`le serveur s'est arrêté (code ${code})`)));
  });
}

function stopped(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

describe('npm run server', { timeout: 120_000 }, () => {
  it('logs JSON lines, answers /health, serves the API, and stops cleanly on SIGTERM', async () => {
    const data = folder('infocite-server-');
    const { child, lines, url } = await startServer([
      '--data-dir',
      data,
      '--content',
      content,
      '--port',
      '0',
    ]);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = await fetch(new URL('health', url));
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    const session = await fetch(new URL('api/auth.session', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await session.json()).toMatchObject({ ok: true, result: { setupNeeded: true } });
    // Réglages says how this core runs.
    const mode = await fetch(new URL('api/desk.status', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(await mode.json()).toEqual({ ok: true, result: { mode: 'serveur' } });
    // A request's line names its path and status, never a body or a query.
    await fetch(new URL('health?secret=1', url));
    const exit = stopped(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(lines.every((line) => typeof line.time === 'string' && typeof line.level === 'string')).toBe(true);
    expect(lines).toContainEqual(expect.objectContaining({ path: '/api/auth.session', status: 200 }));
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(lines.at(-1)).toMatchObject({ level: 'info', msg: 'Serveur arrêté.' });
  });

  it('speaks HTTPS with the certificate it is given', async () => {
    const data = folder('infocite-server-tls-');
    const cert = join(data, 'cert.pem');
    const key = join(data, 'key.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        key,
        '-out',
        cert,
      ],
      { stdio: 'ignore' },
    );
    const { child, url } = await startServer([
      '--data-dir',
      data,
      '--content',
      content,
      '--port',
      '0',
      '--tls-cert',
      cert,
      '--tls-key',
      key,
    ]);
    expect(url).toMatch(/^https:\/\//);
    const status = await new Promise<number>((resolve, reject) => {
      request(new URL('health', url), { rejectUnauthorized: false }, (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      })
        .on('error', reject)
        .end();
    });
    expect(status).toBe(200);
    const exit = stopped(child);
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('refuses a wrong command line in French', () => {
    let stderr = '';
    let code = 0;
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'scripts/server.ts', '--port', '80'], {
        cwd: PROJECT_ROOT,
        stdio: 'pipe',
      });
    } catch (error) {
      const failed = error as { status: number; stderr: Buffer };
      code = failed.status;
      stderr = failed.stderr.toString();
    }
    expect(code).toBe(2);
    expect(stderr).toContain('Indiquez le dossier des données avec --data-dir');
  });

  it('runs on PostgreSQL given by DATABASE_URL, with its pool size, and says which engine in its start log', async () => {
    const database = await createTestDatabase();
    try {
      const data = folder('infocite-server-pg-');
      const { child, lines, url } = await startServer(
        ['--data-dir', data, '--content', content, '--port', '0', '--pool', '3'],
        { DATABASE_URL: database.url },
      );
      const started = lines.find((line) => typeof line.url === 'string');
      expect(started).toMatchObject({
        engine: 'postgres',
        msg: expect.stringContaining('(base PostgreSQL)'),
      });
      expect(String(started?.database)).toMatch(/^postgres:\/\//);
      const health = await fetch(new URL('health', url));
      expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
      const exit = stopped(child);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      await database.drop();
    }
  });

  it('stops at start, in French and without the password, when PostgreSQL cannot be reached', async () => {
    const data = folder('infocite-server-nopg-');
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/server.ts', '--data-dir', data, '--content', content, '--port', '0'],
      {
        cwd: PROJECT_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: 'postgres://infocite:secret-pw@127.0.0.1:1/infocite',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await stopped(child)).toBe(1);
    const last = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
    expect(last).toMatchObject({
      level: 'error',
      msg: expect.stringContaining('Impossible de démarrer le serveur'),
    });
    expect(last.msg).toContain('Vérifiez que PostgreSQL est démarré et joignable');
    expect(stdout).not.toContain('secret-pw');
  });

  it('refuses a database address that is not PostgreSQL, and --pool without a database', () => {
    for (const [args, expected] of [
      [['--database', 'mysql://x@y/z'], 'doit commencer par postgres://'],
      [['--pool', '3'], "--pool ne s'emploie qu'avec une base PostgreSQL"],
      [['--database', 'postgres://x@y/z', '--pool', '0'], 'Nombre de connexions invalide'],
    ] as const) {
      let stderr = '';
      let code = 0;
      try {
        execFileSync(
          process.execPath,
          ['--import', 'tsx', 'scripts/server.ts', '--data-dir', folder('infocite-server-args-'), ...args],
          { cwd: PROJECT_ROOT, stdio: 'pipe', env: { PATH: process.env.PATH ?? '' } },
        );
      } catch (error) {
        const failed = error as { status: number; stderr: Buffer };
        code = failed.status;
        stderr = failed.stderr.toString();
      }
      expect(code, args.join(' ')).toBe(2);
      expect(stderr).toContain(expected);
    }
  });
});
