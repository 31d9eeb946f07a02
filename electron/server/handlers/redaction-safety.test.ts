// Issue 17: the editor never reads or writes outside the content folder (links, « ../ » ids), refuses names
// Windows cannot hold, in French, and a killed save's temporary file is cleaned at the next start.
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import { signedIn } from '../../../dev/test-support/comptes';
import { ficheFile, sampleContent, writeContentFolder } from '../../../dev/test-support/content';

const workerFile = fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url));
const temporary: string[] = [];
const cores: Core[] = [];

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()));
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function start(contentDir: string): Promise<Core> {
  const core = await testCore({ contentDir, dataDir: tempDir('infocite-data-'), workerFile });
  cores.push(core);
  await core.search.ready();
  return core;
}

/** Every file below `dir` with its text: what must not change. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    try {
      out[name] = readFileSync(join(dir, name), 'utf8');
    } catch {
      out[name] = '(dossier)';
    }
  }
  return out;
}

const newFiche = (id: string) => ({
  kind: 'fiche' as const,
  id,
  frontMatter: {
    id,
    titre: 'Nouvelle fiche',
    resume: 'Un résumé.',
    themes: ['etat-civil'],
    mise_a_jour: '2026-11-23',
  },
  body: 'Le corps.',
  baseVersion: null,
});

describe('the editor and links out of the content folder', () => {
  it('neither indexes nor writes through a folder link that leads outside', async () => {
    const outside = writeContentFolder([ficheFile('secrete')], tempDir('infocite-outside-'));
    const contentDir = writeContentFolder(
      sampleContent().filter((file) => !file.path.startsWith('fiches/')),
      tempDir('infocite-content-'),
    );
    symlinkSync(join(outside, 'fiches'), join(contentDir, 'fiches'));
    const before = snapshot(outside);
    const core = await start(contentDir);
    const knowledge = core.search.current().knowledge;
    expect(knowledge.fiches.map((f) => f.id)).toEqual([]);
    expect(knowledge.problems).toContainEqual(
      expect.objectContaining({ path: 'fiches', message: expect.stringContaining('hors du dossier') }),
    );
    const redacteur = await signedIn(core, ['redacteur']);
    const agent = await signedIn(core, ['agent']);
    expect(await dispatch(core, agent, 'fiches.get', { id: 'secrete' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    const refusal = {
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('sort du dossier de contenu') },
    };
    expect(await dispatch(core, redacteur, 'redaction.save', newFiche('nouvelle'))).toMatchObject(refusal);
    expect(await dispatch(core, redacteur, 'revision.markVerified', { id: 'secrete' })).toMatchObject(
      refusal,
    );
    expect(
      await dispatch(core, redacteur, 'manques.addKeyword', { ficheId: 'secrete', query: 'mot' }),
    ).toMatchObject(refusal);
    expect(await dispatch(core, redacteur, 'redaction.open', { kind: 'fiche', id: 'secrete' })).toMatchObject(
      refusal,
    );
    expect(snapshot(outside)).toEqual(before);
  });

  it('neither shows nor writes through a file link that leads outside', async () => {
    const outside = writeContentFolder([ficheFile('secrete')], tempDir('infocite-outside-'));
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    symlinkSync(join(outside, 'fiches', 'secrete.md'), join(contentDir, 'fiches', 'secrete.md'));
    const before = snapshot(outside);
    const core = await start(contentDir);
    expect(core.search.current().fiche('secrete')).toBeUndefined();
    const redacteur = await signedIn(core, ['redacteur']);
    expect(await dispatch(core, redacteur, 'redaction.open', { kind: 'fiche', id: 'secrete' })).toMatchObject(
      {
        ok: false,
        error: { code: 'refused', message: expect.stringContaining('sort du dossier de contenu') },
      },
    );
    expect(await dispatch(core, redacteur, 'revision.markVerified', { id: 'secrete' })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(snapshot(outside)).toEqual(before);
  });

  it('still edits through a link that stays inside the folder', async () => {
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    mkdirSync(join(contentDir, 'archives'));
    writeContentFolder([ficheFile('archivee')], join(contentDir, 'archives'));
    symlinkSync(join(contentDir, 'archives', 'fiches'), join(contentDir, 'fiches', 'anciennes'));
    const core = await start(contentDir);
    expect(core.search.current().fiche('archivee')).toBeDefined();
    const redacteur = await signedIn(core, ['redacteur']);
    const answer = await dispatch(core, redacteur, 'revision.markVerified', { id: 'archivee' });
    expect(answer).toMatchObject({ ok: true, result: { status: 'saved' } });
    expect(readFileSync(join(contentDir, 'archives', 'fiches', 'archivee.md'), 'utf8')).toContain(
      'verifie_le:',
    );
  });
});

// Refusals change nothing: one core serves every case (a core per case started 20 of them, twice per run).
describe('ids the editor refuses', () => {
  let contentDir = '';
  let core: Core;
  let redacteur: Awaited<ReturnType<typeof signedIn>>;

  beforeAll(async () => {
    contentDir = writeContentFolder(sampleContent(), mkdtempSync(join(tmpdir(), 'infocite-content-')));
    core = await testCore({
      contentDir,
      dataDir: mkdtempSync(join(tmpdir(), 'infocite-data-')),
      workerFile,
    });
    await core.search.ready();
    redacteur = await signedIn(core, ['redacteur']);
  });

  afterAll(async () => {
    await core.close();
  });

  it.each(['../../etc/passwd', '../themes', 'fiches/../../x', '..', '/etc/passwd', 'a\\b'])(
    'refuses the traversal id « %s » in French, not as an internal error',
    async (id) => {
      for (const [method, input] of [
        ['redaction.open', { kind: 'fiche', id }],
        ['redaction.open', { kind: 'contact', id }],
        ['revision.markVerified', { id }],
        ['manques.addKeyword', { ficheId: id, query: 'mot' }],
        ['redaction.save', { ...newFiche('ok'), id, baseVersion: 'a'.repeat(64) }],
      ] as const) {
        const answer = await dispatch(core, redacteur, method, input);
        expect(answer, method).toMatchObject({
          ok: false,
          error: { code: 'refused', message: expect.stringMatching(/^L'identifiant « .* » est refusé/) },
        });
      }
    },
  );

  it.each(['CON', 'nul', 'COM1', 'lpt1', 'Aux'])('refuses the device name « %s »', async (id) => {
    const created = await dispatch(core, redacteur, 'redaction.save', newFiche(id));
    expect(created).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('nom réservé par Windows') },
    });
    expect(await dispatch(core, redacteur, 'redaction.open', { kind: 'fiche', id })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(readdirSync(join(contentDir, 'fiches'))).not.toContain(`${id}.md`);
  });

  // (A trailing space is trimmed by the method's input schema: « fin » is then merely not found.)
  it.each(['CON.md', 'fin.', 'a:b', 'a|b', 'a?b', 'a*b', 'a<b', 'a"b', 'a\u0001b'])(
    'refuses the unportable id « %s »',
    async (id) => {
      expect(await dispatch(core, redacteur, 'redaction.open', { kind: 'fiche', id })).toMatchObject({
        ok: false,
        error: { code: 'refused', message: expect.stringContaining('est refusé') },
      });
    },
  );
});

describe('leftovers of a killed save', () => {
  it('removes old hidden temporary files at start, and leaves a save in progress alone', async () => {
    const contentDir = writeContentFolder(sampleContent(), tempDir('infocite-content-'));
    const old = join(contentDir, 'fiches', '.passeport.md.0123456789ab.tmp');
    const recent = join(contentDir, 'fiches', '.cni.md.ba9876543210.tmp');
    const other = join(contentDir, 'fiches', '.notes.tmp');
    for (const file of [old, recent, other]) writeFileSync(file, 'moitié de fich');
    const anHourAgo = new Date(Date.now() - 3_600_000);
    utimesSync(old, anHourAgo, anHourAgo);
    utimesSync(other, anHourAgo, anHourAgo);
    await start(contentDir);
    const names = readdirSync(join(contentDir, 'fiches'), { encoding: 'utf8' });
    expect(names).not.toContain('.passeport.md.0123456789ab.tmp');
    expect(names).toContain('.cni.md.ba9876543210.tmp');
    expect(names).toContain('.notes.tmp');
  });
});
