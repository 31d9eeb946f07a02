import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import type { ClientSlot } from '../../core/auth/session';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import type { Envelope, InputOf, MethodName, OutputOf } from '../../../common/contract';
import { dispatch } from '../dispatch';
import { sql } from '../../core/store/db';

let core: Core;
let gestion: ClientSlot;
let agent: ClientSlot;

beforeAll(async () => {
  core = await testCore({
    contentDir: writeContentFolder(sampleContent()),
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-registry-api-')),
    workerFile: fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url)),
    now: () => new Date('2026-11-23T09:00:00Z'),
  });
  await core.search.ready();
  gestion = await signedIn(core, ['gestionnaire'], { identifiant: 'gestion' });
  agent = await signedIn(core, ['agent']);
});

afterAll(() => core.close());

async function call<M extends MethodName>(
  client: ClientSlot,
  method: M,
  input: InputOf<M>,
): Promise<Envelope<OutputOf<M>>> {
  return (await dispatch(core, client, method, input)) as Envelope<OutputOf<M>>;
}

async function ok<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const answer = await call(gestion, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

const point = {
  code: 'mairie-centre',
  nom: 'Mairie – accueil central',
  entite: 'ville',
  type: 'physique',
  voie: '1 place de la Mairie',
  complement: '',
  code_postal: '99150',
  commune: 'Montrouval',
  horaires: '',
  contact_id: 'mairie',
  ouvert: true,
} as const;

describe('registry API', () => {
  it('creates a point linked to a contact of the knowledge base, and names that contact', async () => {
    const created = await ok('points.create', point);
    expect(created).toMatchObject({
      code: 'mairie-centre',
      contact: { id: 'mairie', nom: 'Service mairie' },
    });
    const audit = (
      await core.store.db.all<{ auteur: string }>(sql`SELECT auteur FROM audit WHERE objet = 'point'`)
    ).map((row) => row.auteur);
    expect(audit).toEqual(['gestion']);
  });

  it('refuses an unknown contact, a taken code and bad fields with French messages', async () => {
    expect(
      await call(gestion, 'points.create', { ...point, code: 'autre', contact_id: 'inconnu' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        message: expect.stringContaining("« inconnu » n'existe pas dans l'annuaire"),
      },
    });
    expect(await call(gestion, 'points.create', { ...point, contact_id: null })).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringContaining('« mairie-centre » est déjà celui du point'),
      },
    });
    expect(
      await call(gestion, 'points.create', { ...point, code: 'x', nom: ' ', code_postal: '9915' }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/indiquez le nom du point[\s\S]*le code postal compte 5 chiffres/),
      },
    });
  });

  it('keeps the registries to label managers; training types are readable by every session', async () => {
    expect(await call(agent, 'points.create', { ...point, code: 'pirate' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(agent, 'agents.list', {})).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call({ token: null }, 'formations.types', {})).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    const types = await call(agent, 'formations.types', {});
    expect(types.ok && types.result.types.map((t) => t.code)).toContain('infocite');
  });

  it('runs an agent’s life through the API: creation, assignment, session, attendance, status', async () => {
    const { points } = await ok('points.list', { q: 'central' });
    const pointId = points[0]?.id ?? 0;
    const created = await ok('agents.create', {
      nom: 'Durand',
      prenom: 'Léa',
      service: 'État civil',
      courriel: 'lea@montrouval.fr',
      actif: true,
    });
    expect(created.formations[0]).toMatchObject({ type: 'infocite', etat: 'jamais' });
    const assigned = await ok('affectations.add', { agentId: created.id, pointId, debut: '2025-01-01' });
    expect(assigned.affectations).toMatchObject([{ point: { id: pointId }, enCours: true }]);

    const session = await ok('formations.create', {
      type: 'infocite',
      date: '2026-11-02',
      formateur: 'F. Martin',
      lieu: 'Salle du conseil',
    });
    const marked = await ok('formations.attendance', {
      sessionId: session.id,
      entries: [{ agentId: created.id, statut: 'present' }],
    });
    expect(marked.participants).toMatchObject([{ nom: 'Durand', statut: 'present' }]);
    const view = await ok('agents.get', { id: created.id });
    expect(view.formations[0]).toMatchObject({
      etat: 'a_jour',
      derniere: '2026-11-02',
      valideJusquau: '2028-11-01',
    });
    const { agents } = await ok('agents.list', { pointId, formation: 'a_jour' });
    expect(agents.map((a) => a.nom)).toEqual(['Durand']);

    const future = await ok('formations.create', {
      type: 'infocite',
      date: '2027-01-10',
      formateur: '',
      lieu: '',
    });
    expect(
      await call(gestion, 'formations.attendance', {
        sessionId: future.id,
        entries: [{ agentId: created.id, statut: 'present' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'refused' } });

    const refreshers = await ok('formations.refreshers', {});
    expect(refreshers).toMatchObject({ today: '2026-11-23', withinDays: 90, rows: [] });
  });

  it('imports agents from CSV text, dry run first', async () => {
    const csv =
      'nom;prenom;courriel;point;debut\nMartin;Paul;paul@montrouval.fr;mairie-centre;01/02/2025\nX;;;;\n';
    const dry = await ok('agents.importCsv', { csv, dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, created: 1, assignments: 1, rejected: [{ line: 3 }] });
    expect((await ok('agents.list', { q: 'paul' })).agents).toEqual([]);
    await ok('agents.importCsv', { csv, dryRun: false });
    expect((await ok('agents.list', { q: 'paul' })).agents).toMatchObject([
      { nom: 'Martin', points: [{ code: 'mairie-centre' }] },
    ]);
  });
});
