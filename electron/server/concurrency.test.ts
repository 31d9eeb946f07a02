// Two city servers on one PostgreSQL database, with calls fired at both at once: what two desks (or two
// servers behind a load balancer) do to the same rows. Each server keeps its own in-memory queues, so only the
// database's transactions (SERIALIZABLE, retried) keep the rules: one decision wins, no failed login is lost,
// no agent is imported twice, the running counts (kept by triggers) follow the corrected entries, an audit is
// finished once, a desk's outbox batch delivered to both servers is stored and counted once.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope, InputOf, MethodName, OutputOf } from '../../common/contract';
import type { IngestResult } from '../../common/sync/methods';
import type { Core } from '../core/app';
import { createCore } from '../core/app';
import type { ClientSlot } from '../core/auth/session';
import { AUDITOR_TRAINING } from '../core/controles/auditeurs';
import { sql } from '../core/store/db';
import { signedIn } from '../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../dev/test-support/content';
import { createTestDatabase, type TestDatabase } from '../../dev/test-support/postgres';
import { agentAt, outboxItem, pointWithDesk } from '../../dev/test-support/desks';
import { insertPoint, trainedAgent } from '../../dev/test-support/registres';
import { dispatch } from './dispatch';

const WORKER = fileURLToPath(new URL('../core/search/index-worker.ts', import.meta.url));
const NOW = new Date('2026-11-23T09:00:00Z');

let database: TestDatabase;
let a: Core;
let b: Core;
let adminA: ClientSlot;
let gestionA: ClientSlot;
let gestionB: ClientSlot;
let agentA: ClientSlot;
let agentB: ClientSlot;
let pointId: number;

async function server(content: string): Promise<Core> {
  const core = await createCore({
    contentDir: content,
    dataDir: mkdtempSync(join(tmpdir(), 'infocite-concurrency-')),
    workerFile: WORKER,
    database: database.url,
    mode: 'serveur',
    now: () => NOW,
  });
  await core.search.ready();
  return core;
}

/** Logs in on `core` with a password, as a desk would on the second server. */
async function login(core: Core, identifiant: string, source: string): Promise<ClientSlot> {
  const client: ClientSlot = { token: null };
  const answer = await dispatch(
    core,
    client,
    'auth.login',
    { identifiant, motDePasse: 'mot de passe de test' },
    { source },
  );
  expect(answer).toMatchObject({ ok: true });
  return client;
}

/** The result of a call expected to succeed. */
async function ok<M extends MethodName>(
  core: Core,
  client: ClientSlot,
  method: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const answer = (await dispatch(core, client, method, input)) as Envelope<OutputOf<M>>;
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.result;
}

function failed(answer: Envelope<unknown>): string | null {
  return answer.ok ? null : answer.error.message;
}

beforeAll(async () => {
  database = await createTestDatabase();
  const content = writeContentFolder(sampleContent());
  a = await server(content);
  // The second server starts on the migrated database and shares every row with the first.
  b = await server(content);
  adminA = await signedIn(a, ['administrateur']);
  gestionA = await signedIn(a, ['gestionnaire'], { identifiant: 'gaelle' });
  gestionB = await login(b, 'gaelle', '10.0.0.2');
  agentA = await signedIn(a, ['agent'], { identifiant: 'lea' });
  agentB = await login(b, 'lea', '10.0.0.3');
  pointId = await insertPoint(a.store.db, { nom: 'Mairie annexe Nord' });
  await trainedAgent(a.store.db, pointId, '2020-01-01', '2025-06-01');
  await trainedAgent(a.store.db, pointId, '2020-01-01', '2025-06-01');
  expect(await dispatch(a, adminA, 'admin.installation.set', { pointId })).toMatchObject({ ok: true });
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  await database?.drop();
});

describe('two servers on one PostgreSQL database', () => {
  it('grants the label once when two managers grant it at the same instant', async () => {
    for (const action of ['demander', 'instruire'] as const)
      expect(await dispatch(a, gestionA, 'label.decide', { pointId, action })).toMatchObject({ ok: true });
    const answers = await Promise.all([
      dispatch(a, gestionA, 'label.decide', { pointId, action: 'accorder' }),
      dispatch(b, gestionB, 'label.decide', { pointId, action: 'accorder' }),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    const refused = answers.find((answer) => !answer.ok);
    expect(refused).toMatchObject({ ok: false, error: { code: expect.stringMatching(/refused|conflict/) } });
    const db = a.store.db;
    expect(
      await db.value<number>(
        sql`SELECT count(*) FROM label_evenements WHERE point_id = ${pointId} AND action = 'accorder'`,
      ),
    ).toBe(1);
    expect(
      await db.value<number>(
        sql`SELECT count(*) FROM audit WHERE objet = 'label' AND objet_id = ${String(pointId)}
            AND action = 'accorder'`,
      ),
    ).toBe(1);
  });

  it('counts every failed login made at both servers at once, and never checks more than the rule allows', async () => {
    await signedIn(a, ['agent'], { identifiant: 'marc' });
    const attempts = Array.from({ length: 12 }, (_, n) =>
      dispatch(
        n % 2 === 0 ? a : b,
        { token: null },
        'auth.login',
        { identifiant: 'marc', motDePasse: `mauvais ${n}` },
        { source: `10.1.0.${n}` },
      ),
    );
    const messages = (await Promise.all(attempts)).map(failed);
    expect(messages.every((message) => message !== null)).toBe(true);
    // Two free failures answer « incorrect »; the third is counted and sets a delay (its answer says to wait);
    // with the clock standing still every later attempt is refused before any check. A failure lost between
    // the servers would leave fewer than 3, a check made on a stale count more than 3.
    const echecs = await a.store.db.value<number>(sql`SELECT echecs FROM comptes WHERE identifiant = 'marc'`);
    expect(echecs).toBe(3);
    expect(messages.filter((message) => message === 'Identifiant ou mot de passe incorrect.')).toHaveLength(
      2,
    );
  });

  it('imports the same agents file sent to both servers at once without doubling an agent', async () => {
    const csv = [
      'nom;prenom;service;courriel;point;debut',
      'Durand;Alice;Accueil;alice.durand@ville.test;;',
      'Petit;Bruno;État civil;bruno.petit@ville.test;;',
      'Roux;Chloé;Accueil;chloe.roux@ville.test;;',
    ].join('\n');
    const answers = await Promise.all([
      dispatch(a, gestionA, 'agents.importCsv', { csv, dryRun: false }),
      dispatch(b, gestionB, 'agents.importCsv', { csv, dryRun: false }),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    expect(
      await a.store.db.value<number>(
        sql`SELECT count(*) FROM agents WHERE courriel IN ('alice.durand@ville.test', 'bruno.petit@ville.test',
            'chloe.roux@ville.test')`,
      ),
    ).toBe(3);
  });

  it('keeps the running counts equal to the log when one entry is corrected at both servers at once', async () => {
    const recorded = await dispatch(a, agentA, 'journal.record', { issue: 'repondu', fiches: [] });
    expect(recorded).toMatchObject({ ok: true });
    const id = (recorded as { ok: true; result: { id: number } }).result.id;
    const answers = await Promise.all([
      dispatch(a, agentA, 'journal.update', { id, issue: 'repondu', canal: 'telephone' }),
      dispatch(b, agentB, 'journal.update', { id, issue: 'rendez_vous', canal: 'courriel' }),
      dispatch(a, agentA, 'journal.record', { issue: 'transmis', fiches: [] }),
      dispatch(b, agentB, 'journal.record', { issue: 'transmis', fiches: [] }),
    ]);
    expect(answers.every((answer) => answer.ok)).toBe(true);
    const db = a.store.db;
    const logged = await db.all<{ canal: string; issue: string; n: number }>(
      sql`SELECT canal, issue, count(*) AS n FROM journal GROUP BY canal, issue ORDER BY canal, issue`,
    );
    const counted = await db.all<{ canal: string; issue: string; n: number }>(
      sql`SELECT canal, issue, sum(nombre) AS n FROM indicateurs_jour GROUP BY canal, issue
          HAVING sum(nombre) > 0 ORDER BY canal, issue`,
    );
    expect(counted).toEqual(logged);
    const entry = await db.one<{ canal: string; issue: string }>(
      sql`SELECT canal, issue FROM journal WHERE id = ${id}`,
    );
    expect([
      { canal: 'telephone', issue: 'repondu' },
      { canal: 'courriel', issue: 'rendez_vous' },
    ]).toContainEqual(entry);
  });

  it('finishes an audit once when two managers finish it at both servers at once', async () => {
    const auditeurId = await trainedAgent(
      a.store.db,
      pointId,
      '2025-01-01',
      '2026-03-01',
      { nom: 'Auditrice' },
      AUDITOR_TRAINING,
    );
    const [grille] = (await ok(a, gestionA, 'controles.grilles.list', {})).grilles;
    if (!grille) throw new Error('no starter grid');
    const planned = await ok(a, gestionA, 'controles.plan', {
      pointId,
      grilleId: grille.id,
      mode: 'appel_mystere',
      prevuLe: '2026-11-23',
      auditeurId,
    });
    const reponses = planned.grille.themes.flatMap((t) =>
      t.criteres.map((c) => ({ critere: c.code, resultat: 'conforme' as const, commentaire: '' })),
    );
    await ok(a, gestionA, 'controles.answer', { id: planned.id, reponses, synthese: '' });
    const answers = await Promise.all([
      dispatch(a, gestionA, 'controles.finish', { id: planned.id }),
      dispatch(b, gestionB, 'controles.finish', { id: planned.id }),
    ]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    // The second, tried again after the serialisation failure, finds the audit finished.
    expect(answers.find((answer) => !answer.ok)).toMatchObject({
      ok: false,
      error: { code: 'refused', message: expect.stringContaining('terminé') as unknown },
    });
    expect(
      await a.store.db.value<number>(
        sql`SELECT count(*) FROM audit WHERE objet = 'controle' AND objet_id = ${String(planned.id)}
            AND action = 'fin'`,
      ),
    ).toBe(1);
  });

  it('stores each uid of an outbox batch sent to both servers at once once, and counts it once', async () => {
    const { desk } = await pointWithDesk(a, 'Maison des services Ouest');
    const agent = await agentAt(a, desk.pointId);
    const at = new Date(NOW.getTime() - 60_000);
    const entries = [
      outboxItem('journal.record', agent.compteId, { issue: 'repondu', fiches: [] }, { at }),
      outboxItem('journal.record', agent.compteId, { issue: 'transmis', fiches: [] }, { at }),
      outboxItem('journal.recordSearch', agent.compteId, { q: 'passeport perdu', resultats: 0 }, { at }),
    ];
    const ingest = (core: Core) =>
      dispatch(
        core,
        { token: null },
        'sync.ingest',
        { sentAt: NOW.toISOString(), entries },
        { poste: desk },
      ) as Promise<Envelope<{ results: IngestResult[] }>>;
    const answers = await Promise.all([ingest(a), ingest(b)]);
    const statuses = answers.map((answer) => {
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.result.results.map((r) => r.statut);
    });
    // Entry by entry, one server stored the uid and the other found it claimed.
    for (const [n] of entries.entries())
      expect(statuses.map((list) => list[n]).sort()).toEqual(['accepte', 'doublon']);
    const db = a.store.db;
    const uids = entries.map((entry) => entry.uid);
    expect(
      await db.value<number>(sql`SELECT count(*) FROM sync_recus WHERE uid IN (${sql.join(uids)})`),
    ).toBe(3);
    expect(await db.value<number>(sql`SELECT count(*) FROM journal WHERE point_id = ${desk.pointId}`)).toBe(
      2,
    );
    expect(
      await db.value<number>(sql`SELECT count(*) FROM recherches WHERE point_id = ${desk.pointId}`),
    ).toBe(1);
    expect(
      await db.value<number>(
        sql`SELECT coalesce(sum(nombre), 0) FROM indicateurs_jour WHERE point_id = ${desk.pointId}`,
      ),
    ).toBe(2);
  });
});
