// The audit row of a save exists exactly when the file changed: a rename that fails rolls the row back and
// leaves no temporary file. The failure is simulated (node:fs mocked), since root ignores read-only folders.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as NodeFs from 'node:fs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record';
import { parseKnowledge } from '../knowledge/parse';
import { sql } from '../store/db';
import { Store } from '../store/store';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { saveDocument } from './save';

const failRename = vi.hoisted(() => ({ on: false }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof NodeFs>();
  return {
    ...fs,
    renameSync: (from: string, to: string) => {
      if (failRename.on) throw Object.assign(new Error('EIO: simulated'), { code: 'EIO' });
      fs.renameSync(from, to);
    },
  };
});

const NOW = new Date('2026-11-23T09:00:00Z');
const store = new Store(mkdtempSync(join(tmpdir(), 'editor-rollback-')));
afterAll(async () => {
  await store.close();
});

describe('atomic save', () => {
  it('leaves the file, no temporary file and no audit row when the rename fails; writes both when it works', async () => {
    const contentDir = writeContentFolder(sampleContent());
    const ctx = { contentDir, knowledge: parseKnowledge(sampleContent()) };
    const before = readFileSync(join(contentDir, 'fiches/acte.md'), 'utf8');
    const save = () =>
      saveDocument(
        store.db,
        SYSTEM_ACTOR,
        ctx,
        {
          kind: 'fiche',
          id: 'acte',
          frontMatter: {
            id: 'acte',
            titre: 'Acte',
            resume: 'R.',
            themes: ['etat-civil'],
            mise_a_jour: '2026-11-23',
          },
          body: 'Nouveau texte.',
          baseVersion: versionOfFile(join(contentDir, 'fiches/acte.md')),
        },
        NOW,
      );
    failRename.on = true;
    await expect(save()).rejects.toThrow('simulated');
    failRename.on = false;
    expect(readFileSync(join(contentDir, 'fiches/acte.md'), 'utf8')).toBe(before);
    expect(readdirSync(join(contentDir, 'fiches')).filter((name) => name.startsWith('.'))).toEqual([]);
    expect(await store.db.value(sql`SELECT count(*) FROM audit`)).toBe(0);
    expect(await save()).toMatchObject({ status: 'saved' });
    expect(readFileSync(join(contentDir, 'fiches/acte.md'), 'utf8')).toContain('Nouveau texte.');
    expect(await store.db.value(sql`SELECT count(*) FROM audit`)).toBe(1);
  });
});

function versionOfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
