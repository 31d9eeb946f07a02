import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { publicationXml } from '../dev/test-support/service-public';
import { PROJECT_ROOT } from './lib/paths';

const run = promisify(execFile);

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/import-service-public.ts', ...args],
      { cwd: PROJECT_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('import:service-public command line', () => {
  it('imports a folder, reports the broken file and ends with the French summary (exit 0)', async () => {
    const from = mkdtempSync(join(tmpdir(), 'infocite-sp-cli-'));
    writeFileSync(join(from, 'F1.xml'), publicationXml({ id: 'F1' }));
    writeFileSync(join(from, 'F2.xml'), '<Publication ID="F2">');
    const out = join(from, 'sortie');
    const { code, stdout, stderr } = await cli('--from', from, '--out', out);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /1 créées, 0 mises à jour, 0 inchangées, 0 supprimées, 1 en erreur, 0 recherches guidées écartées ; durée/,
    );
    expect(stderr).toContain('Fichier ignoré : F2.xml — XML mal formé');
    // Not a terminal: plain progress lines instead of a bar.
    expect(stderr).toContain('Import des fiches : 2/2 (100 %)');
    expect(readdirSync(out)).toEqual(['F1.md']);
  });

  it('exits with 2 and a French message on missing or unusable arguments', async () => {
    const missing = await cli('--out', tmpdir());
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Option manquante : --from');

    const absent = await cli('--from', join(tmpdir(), 'absent-vosdroits.zip'), '--out', tmpdir());
    expect(absent.code).toBe(2);
    expect(absent.stderr).toMatch(/absent-vosdroits\.zip » n'existe pas/);
  });
});
