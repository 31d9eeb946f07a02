import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { sampleContent, writeContentFolder } from '../dev/test-support/content';
import { PROJECT_ROOT } from './lib/paths';

const run = promisify(execFile);

async function search(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/search.ts', ...args],
      {
        cwd: PROJECT_ROOT,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const content = writeContentFolder(sampleContent());
const dataDir = mkdtempSync(join(tmpdir(), 'infocite-cli-'));

describe('search command line', () => {
  it('prints one JSON answer with ids, titles, scores and the time of the query alone', async () => {
    const { code, stdout } = await search('--content', content, '--data-dir', dataDir, '--json', 'pasport');
    expect(code).toBe(0);
    const answer = JSON.parse(stdout) as {
      query: string;
      results: Array<{ id: string; title: string; score: number }>;
      took_ms: number;
    };
    expect(answer.query).toBe('pasport');
    expect(answer.results[0]).toMatchObject({ id: 'passeport', title: 'Passeport : première demande' });
    expect(answer.results[0]?.score).toBeGreaterThan(0);
    expect(typeof answer.took_ms).toBe('number');
  });

  it('answers a batch of queries with one JSON line each, honouring --limit', async () => {
    const file = join(dataDir, 'queries.txt');
    writeFileSync(file, 'cni\n\nencombrants\nrendez-vous\n');
    const { code, stdout } = await search(
      '--content',
      content,
      '--data-dir',
      dataDir,
      '--limit',
      '1',
      '--queries',
      file,
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { query: string; results: Array<{ id: string }> });
    expect(lines.map((l) => l.query)).toEqual(['cni', 'encombrants', 'rendez-vous']);
    expect(lines.map((l) => l.results.map((r) => r.id))).toEqual([
      ['cni'],
      ['encombrants'],
      [expect.any(String)],
    ]);
  });

  it('fails clearly on a missing or empty folder', async () => {
    const missing = await search('--content', join(dataDir, 'absent'), '--data-dir', dataDir, 'x');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("n'existe pas");
    const empty = await search(
      '--content',
      mkdtempSync(join(tmpdir(), 'infocite-empty-')),
      '--data-dir',
      dataDir,
      'x',
    );
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toContain('ne contient aucune fiche');
  });
});
