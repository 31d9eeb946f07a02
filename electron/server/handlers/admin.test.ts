import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
// SQLite only: these backups are file copies; PostgreSQL's are pg_dump's (admin/backups-postgres.test.ts, store/postgres/dump-restore.test.ts).
import { createCore } from '../../core/app';
import type { ClientSlot } from '../../core/auth/session';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import { sql } from '../../core/store/db';
import { dispatch } from '../dispatch';
import type { InputOf, MethodName, OutputOf } from '../../../common/contract';

let core: Core;
let admin: ClientSlot & { compteId: number };

beforeAll(async () => {
  core = await createCore({
    contentDir: writeContentFolder(sampleContent()),
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-admin-')),
    workerFile: fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url)),
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  admin = await signedIn(core, ['administrateur'], { identifiant: 'admin' });
});

afterAll(() => core.close());

/** Calls a method that must succeed, typed by the contract. */
async function ok<M extends MethodName>(
  client: ClientSlot,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const answer = await dispatch(core, client, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as OutputOf<M>;
}

async function addPoint(code: string, nom: string, ouvert = 1): Promise<number> {
  return Number(
    await core.store.db.value<number>(
      sql`INSERT INTO points (code, nom, entite, type, commune, ouvert, cree_le)
          VALUES (${code}, ${nom}, 'ville', 'physique', 'Montrouval', ${ouvert}, '2026-01-01') RETURNING id`,
    ),
  );
}

function auditRows(
  action: string,
): Promise<Array<{ auteur: string; objet_id: string | null; avant: string; apres: string }>> {
  return core.store.db.all<{ auteur: string; objet_id: string | null; avant: string; apres: string }>(
    sql`SELECT auteur, objet_id, avant, apres FROM audit WHERE action = ${action} ORDER BY id`,
  );
}

function backupDir(): string {
  const dir = core.store.backupDir;
  if (!dir) throw new Error('a SQLite store has a backup folder');
  return dir;
}

describe('admin methods', () => {
  it('are for administrators only', async () => {
    const gestion = await signedIn(core, ['gestionnaire', 'agent', 'redacteur']);
    for (const method of ['admin.backups.list', 'admin.backup', 'admin.installation.get']) {
      expect(await dispatch(core, gestion, method, {})).toMatchObject({
        ok: false,
        error: { code: 'forbidden' },
      });
      expect(await dispatch(core, { token: null }, method, {})).toMatchObject({
        ok: false,
        error: { code: 'unauthenticated' },
      });
    }
    expect(await dispatch(core, gestion, 'admin.restore', { name: 'x.db' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('binds the installation to an open point only, audited, and the session shows it', async () => {
    const nord = await addPoint('annexe-nord', 'Mairie annexe Nord');
    const fermee = await addPoint('ancienne', 'Ancienne annexe', 0);
    const view = await ok(admin, 'admin.installation.get', {});
    expect(view.current).toBeNull();
    expect(view.points.map((p) => p.code)).toContain('annexe-nord');
    expect(view.points.map((p) => p.code)).not.toContain('ancienne');

    expect(await dispatch(core, admin, 'admin.installation.set', { pointId: fermee })).toEqual({
      ok: false,
      error: {
        code: 'refused',
        message: "Le point d'accueil « Ancienne annexe » est fermé : choisissez un point ouvert.",
      },
    });
    expect(await dispatch(core, admin, 'admin.installation.set', { pointId: 999 })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await auditRows('modification')).toHaveLength(0);

    const bound = await ok(admin, 'admin.installation.set', { pointId: nord });
    expect(bound.current).toEqual({ pointId: nord, nom: 'Mairie annexe Nord' });
    expect((await ok(admin, 'auth.session', {})).installation).toEqual({
      pointId: nord,
      nom: 'Mairie annexe Nord',
    });
    const [row] = await auditRows('modification');
    expect(row).toMatchObject({ auteur: 'admin', objet_id: 'installation.point' });
    expect(JSON.parse(row?.apres ?? 'null')).toEqual({ pointId: nord, nom: 'Mairie annexe Nord' });
    expect(JSON.parse(row?.avant ?? 'undefined')).toBeNull();

    // The same point again changes nothing, and writes nothing.
    await ok(admin, 'admin.installation.set', { pointId: nord });
    expect(await auditRows('modification')).toHaveLength(1);

    const unbound = await ok(admin, 'admin.installation.set', { pointId: null });
    expect(unbound.current).toBeNull();
    expect(await auditRows('modification')).toHaveLength(2);
  });

  it('backs up now, lists the backups, and refuses a path or an unknown name', async () => {
    const file = await ok(admin, 'admin.backup', {});
    expect(file).toMatchObject({
      name: 'sauvegarde-2026-11-23T09-00-00.db',
      origin: 'manuelle',
      schema: null,
    });
    expect(file.size).toBeGreaterThan(0);
    const list = await ok(admin, 'admin.backups.list', {});
    expect(list).toMatchObject({ engine: 'sqlite', folder: backupDir(), conseil: null });
    expect(list.backups.map((b) => b.name)).toContain(file.name);
    expect((await auditRows('sauvegarde')).map((r) => r.objet_id)).toEqual([file.name]);

    for (const name of ['../infocite.db', '/etc/passwd.db', 'sous/dossier.db', '..\\x.db', 'notes.txt', '']) {
      expect(await dispatch(core, admin, 'admin.restore', { name }), name).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    }
    expect(await dispatch(core, admin, 'admin.restore', { name: 'absente.db' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringContaining('« absente.db »') },
    });
    writeFileSync(join(backupDir(), 'faux.db'), 'pas une base '.repeat(500));
    expect(await dispatch(core, admin, 'admin.restore', { name: 'faux.db' })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining("n'est pas une base de données") },
    });
  });

  it('restores a backup: data back, every session closed, the restore in the restored audit trail', async () => {
    await addPoint('avant', 'Point sauvegardé');
    const saved = await ok(admin, 'admin.backup', {});
    await addPoint('apres', 'Point ajouté après');
    const other = await signedIn(core, ['agent']);

    const result = await ok(admin, 'admin.restore', { name: saved.name });
    expect(result.restored).toBe(saved.name);
    expect(result.savedAs).toMatch(/^avant-restauration-/);
    const codes = (await core.store.db.all<{ code: string }>(sql`SELECT code FROM points`)).map(
      (p) => p.code,
    );
    expect(codes).toContain('avant');
    expect(codes).not.toContain('apres');

    expect(admin.token).toBeNull();
    expect(await dispatch(core, other, 'auth.session', {})).toMatchObject({
      ok: true,
      result: { compte: null },
    });
    expect(await dispatch(core, admin, 'admin.backups.list', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const [restored] = await auditRows('restauration');
    expect(restored).toMatchObject({ auteur: 'admin', objet_id: saved.name });
    expect(JSON.parse(restored?.avant ?? '{}')).toEqual({ sauvegardeAvantRestauration: result.savedAs });

    // The copy saved before restoring is listed, ready to undo the restore.
    admin = await signedIn(core, ['administrateur'], { identifiant: 'admin-2' });
    const list = await ok(admin, 'admin.backups.list', {});
    expect(list.backups.find((b) => b.name === result.savedAs)?.origin).toBe('avant-restauration');
  });
});
