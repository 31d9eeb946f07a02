import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './lib/paths';

const run = promisify(execFile);
const FIXTURE = join(PROJECT_ROOT, 'scripts/fixtures/check-content');

async function checkContent(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/check-content.ts', ...args],
      { cwd: PROJECT_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

interface Finding {
  path: string;
  line: number | null;
  field: string | null;
  code: string;
  message: string;
}

describe('check-content command line', () => {
  it('exits 1 on the fixture folder with the JSON report of every error and warning', async () => {
    const { code, stdout } = await checkContent('--content', FIXTURE, '--json', '--today', '2026-11-23');
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as {
      contentDir: string;
      files: number;
      errors: Finding[];
      warnings: Finding[];
    };
    expect(Object.keys(report)).toEqual(['contentDir', 'files', 'errors', 'warnings']);
    expect(report.contentDir).toBe(FIXTURE);
    expect(report.files).toBe(12);
    expect(report.errors.map((e) => e.code).sort()).toEqual([
      'broken_link',
      'duplicate_id',
      'missing_complete_target',
      'schema',
      'unknown_service',
      'unknown_theme',
      'yaml',
    ]);
    expect(report.warnings).toEqual([
      {
        path: 'fiches/revue-en-retard.md',
        line: 7,
        field: 'a_revoir',
        code: 'overdue_review',
        message: expect.stringContaining('« à revoir le »'),
      },
    ]);
    for (const finding of report.errors) {
      expect(Object.keys(finding)).toEqual(['path', 'line', 'field', 'code', 'message']);
    }
  });

  it('prints a French report grouped by file with a summary line', async () => {
    const { code, stdout } = await checkContent('--content', FIXTURE, '--today', '2026-11-23');
    expect(code).toBe(1);
    expect(stdout).toContain(
      'fiches/service-inconnu.md\n  erreur (ligne 6, services) : service inconnu « guichet-disparu »',
    );
    expect(stdout).toContain('fiches/revue-en-retard.md\n  avertissement (ligne 7, a_revoir) :');
    expect(stdout.trim().split('\n').at(-1)).toBe('7 erreurs, 1 avertissement dans 12 fichiers.');
  });

  it('exits 0 on the demo content, overdue reviews being only warnings', async () => {
    // Far in the future every dated fiche of the demo is overdue: still no error.
    const { code, stdout } = await checkContent('--json', '--today', '2100-01-01');
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { errors: Finding[]; warnings: Finding[] };
    expect(report.errors).toEqual([]);
    expect(report.warnings.length).toBeGreaterThan(0);
    expect(new Set(report.warnings.map((w) => w.code))).toEqual(new Set(['overdue_review']));
  });

  it('exits 2 with a French message on a missing folder or a wrong command line', async () => {
    const missing = await checkContent('--content', join(FIXTURE, 'absent'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("n'existe pas");
    const unknown = await checkContent('--jsn');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Option inconnue : --jsn');
    const badDay = await checkContent('--today', '23/11/2026');
    expect(badDay.code).toBe(2);
    expect(badDay.stderr).toContain('--today attend une date AAAA-MM-JJ');
  });
});
