import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleContent, writeContentFolder } from '../dev/test-support/content';
import { PROJECT_ROOT } from './lib/paths';

const run = promisify(execFile);

const content = writeContentFolder(sampleContent());
const dataDir = mkdtempSync(join(tmpdir(), 'infocite-call-'));
const PASSWORD = 'un mot de passe de test solide';

/** Runs the command line as a script would, with its own environment (no inherited password). */
async function call(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/call.ts', ...args], {
      cwd: PROJECT_ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const target = ['--data-dir', dataDir, '--content', content];

// Each case starts Node, tsx and the core: slow on a busy machine.
describe('npm run call', { timeout: 120_000 }, () => {
  it('lists every method with its role and its input as JSON Schema', async () => {
    const { code, stdout } = await call(['--list']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Record<string, { role: string; input: Record<string, unknown> }>;
    expect(list['auth.login']?.role).toBe('public');
    expect(list['auth.login']?.input).toMatchObject({
      type: 'object',
      properties: { identifiant: { type: 'string' }, motDePasse: { type: 'string' } },
    });
    expect(list['admin.restore']?.role).toBe('administrateur');
    expect(list['search.query']?.role).toBe('connecte');
  });

  it('sets up the administrator anonymously, then calls as that account with INFOCITE_PASSWORD', async () => {
    const setup = await call([
      'auth.setup',
      JSON.stringify({ identifiant: 'admin', nom: 'Camille Admin', motDePasse: PASSWORD }),
      ...target,
    ]);
    expect(setup.stderr).toBe('');
    expect(setup.code).toBe(0);
    expect(JSON.parse(setup.stdout)).toMatchObject({ setupNeeded: false, compte: { identifiant: 'admin' } });

    const anonymous = await call(['admin.backups.list', ...target]);
    expect(anonymous.code).toBe(1);
    expect(anonymous.stderr).toContain('identifiez-vous');

    const logged = await call(['admin.backup', ...target, '--as', 'admin'], { INFOCITE_PASSWORD: PASSWORD });
    expect(logged.code).toBe(0);
    const backup = JSON.parse(logged.stdout) as { name: string; origin: string };
    expect(backup).toMatchObject({ origin: 'manuelle' });
    const list = await call(['admin.backups.list', '{}', ...target, '--as', 'admin'], {
      INFOCITE_PASSWORD: PASSWORD,
    });
    expect(list.code).toBe(0);
    expect(
      (JSON.parse(list.stdout) as { backups: Array<{ name: string }> }).backups.map((b) => b.name),
    ).toContain(backup.name);
    // The password never shows, whatever happens.
    expect(logged.stdout + logged.stderr + list.stdout + list.stderr).not.toContain(PASSWORD);
  });

  it('answers a wrong password, a refused role, an unknown method or an invalid input in French, exit 1', async () => {
    const [wrong, unknown, invalid] = await Promise.all([
      call(['auth.session', ...target, '--as', 'admin'], { INFOCITE_PASSWORD: 'pas le bon mot de passe' }),
      call(['fs.readFile', '{}', ...target]),
      call(['admin.restore', '{"name":"../infocite.db"}', ...target, '--as', 'admin'], {
        INFOCITE_PASSWORD: PASSWORD,
      }),
    ]);
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toContain('Identifiant ou mot de passe incorrect.');
    expect(wrong.stderr).not.toContain('pas le bon mot de passe');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Méthode inconnue : fs.readFile');
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('Demande invalide');
  });

  it('refuses a wrong command line with a French usage text, exit 2', async () => {
    const [badJson, noDataDir, noMethod, badOption, noPassword] = await Promise.all([
      call(['auth.session', '{pas du json', ...target]),
      call(['auth.session']),
      call([...target]),
      call(['--inconnue']),
      // Not a terminal and no INFOCITE_PASSWORD: nothing to read the password from.
      call(['auth.session', ...target, '--as', 'admin']),
    ]);
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toContain("L'entrée n'est pas du JSON valide");
    expect(badJson.stderr).toContain('Usage : npm run');
    expect(noDataDir.code).toBe(2);
    expect(noDataDir.stderr).toContain('--data-dir');
    expect(noMethod.code).toBe(2);
    expect(noMethod.stderr).toContain('Indiquez la méthode');
    expect(badOption.code).toBe(2);
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('INFOCITE_PASSWORD');
  });
});
