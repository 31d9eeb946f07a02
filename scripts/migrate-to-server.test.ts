// npm run migrate-to-server as the city's IT runs it: a child process, a French table, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../dev/test-support/postgres';
import { fillUpTo } from '../dev/test-support/migration-rows';
import { SCHEMA_VERSION } from '../electron/core/store/migrations';
import { DATABASE_FILE, Store } from '../electron/core/store/store';
import { PROJECT_ROOT } from './lib/paths';

function run(
  args: string[],
  env: Record<string, string> = {},
): { code: number | null; out: string; err: string } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/migrate-to-server.ts', ...args], {
    cwd: PROJECT_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: child.status, out: child.stdout, err: child.stderr };
}

describe('npm run migrate-to-server', { timeout: 240_000 }, () => {
  it('copies a desk database, prints the French table, and a second run finds everything « déjà présent »', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infocite-migrate-cli-'));
    const store = new Store(dir);
    fillUpTo(store.sqlite, SCHEMA_VERSION);
    await store.close();
    const database = await createTestDatabase();
    try {
      const first = run(['--from', join(dir, DATABASE_FILE)], { DATABASE_URL: database.url });
      expect(first.err).toBe('');
      expect(first.code).toBe(0);
      expect(first.out).toMatch(/^Table\s+Source\s+Copiées\s+Déjà présentes\s+Vérifiées$/m);
      expect(first.out).toMatch(/^comptes\s+1\s+1\s+0\s+1$/m);
      expect(first.out).toContain('Copie terminée et vérifiée.');
      const second = run(['--from', join(dir, DATABASE_FILE), '--database', database.url]);
      expect(second.code).toBe(0);
      expect(second.out).toMatch(/^comptes\s+1\s+0\s+1\s+1$/m);
      expect(second.out).toContain('toutes les lignes sont déjà présentes');
    } finally {
      await database.drop();
    }
  });

  it('refuses a wrong command line in French', () => {
    const noSource = run(['--database', 'postgres://x@127.0.0.1:1/x']);
    expect(noSource.code).toBe(2);
    expect(noSource.err).toContain('Indiquez la base SQLite à copier avec --from');
    const noTarget = run(['--from', 'infocite.db']);
    expect(noTarget.code).toBe(2);
    expect(noTarget.err).toContain('Indiquez la base PostgreSQL avec --database');
    const unreachable = run([
      '--from',
      join(PROJECT_ROOT, 'package.json'),
      '--database',
      'postgres://u:pw-secret@127.0.0.1:1/x',
    ]);
    expect(unreachable.code).toBe(1);
    expect(unreachable.err).toContain('ne peut pas être ouverte');
    expect(unreachable.err + unreachable.out).not.toContain('pw-secret');
  });
});
