import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recordLine } from '../dev/test-support/annuaire';
import { PROJECT_ROOT } from './lib/paths';

const run = promisify(execFile);

async function importAnnuaire(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/import-annuaire.ts', ...args],
      { cwd: PROJECT_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const dir = mkdtempSync(join(tmpdir(), 'infocite-annuaire-cli-'));
const file = join(dir, 'annuaire.jsonl');
writeFileSync(
  file,
  [
    recordLine({ id: 'mairie-25056-01', lat: 47.2375, lon: 6.0242 }),
    'pas du JSON',
    recordLine({ id: 'caf-25056-01', lat: 47.24, lon: 6.0 }),
  ].join('\n'),
);
const outDir = join(dir, 'contacts', 'annuaire');

describe('import:annuaire command line', () => {
  it('writes the contacts and prints the counts in French', async () => {
    const { code, stdout } = await importAnnuaire('--from', file, '--commune', '25056', '--out', outDir);
    expect(code).toBe(0);
    expect(stdout).toContain('ligne 2 : JSON illisible');
    expect(stdout).toContain('créés : 2');
    expect(readdirSync(outDir).sort()).toEqual(['annuaire-caf-25056-01.md', 'annuaire-mairie-25056-01.md']);
  });

  it('stops with code 2 and a French message for a missing file, a bad INSEE code or an absent commune', async () => {
    const [missing, badCode, absent, noOut] = await Promise.all([
      importAnnuaire('--from', join(dir, 'absent.jsonl'), '--commune', '25056', '--out', outDir),
      importAnnuaire('--from', file, '--commune', 'Besançon', '--out', outDir),
      importAnnuaire('--from', file, '--commune', '25388', '--out', outDir),
      importAnnuaire('--from', file, '--commune', '25056'),
    ]);
    expect(missing).toMatchObject({ code: 2, stderr: expect.stringContaining("n'existe pas") });
    expect(badCode).toMatchObject({ code: 2, stderr: expect.stringContaining('Code INSEE invalide') });
    expect(absent).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('Aucun service de la commune 25388'),
    });
    expect(noOut).toMatchObject({ code: 2, stderr: expect.stringContaining('Option manquante : --out') });
  });
});
