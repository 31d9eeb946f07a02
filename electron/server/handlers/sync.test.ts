// The city server's side of connected desks, through the dispatcher as the HTTP transport calls it (the desk
// resolved into the call): the point of a desk's call, the outbox batches (idempotent, shifted to the server's
// clock, bounded, authors checked again, corrections by uid), the dead letters and their settlement, the PINs a
// desk keeps for offline use, and three desks sending at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/contract';
import type { JournalEntry } from '../../../common/journal/types';
import type { IngestResult, OutboxEntry, RejetView, SyncOutputs } from '../../../common/sync/methods';
import { signedIn } from '../../../dev/test-support/comptes';
import type { DeskAgentFixture } from '../../../dev/test-support/desks';
import { agentAt, outboxItem, pointWithDesk, serverCore } from '../../../dev/test-support/desks';
import { assign, insertPoint } from '../../../dev/test-support/registres';
import type { Core } from '../../core/app';
import type { ClientSlot } from '../../core/auth/session';
import { verifySecret } from '../../core/auth/passwords';
import type { CallingDesk } from '../../core/points/call-point';
import { INSTALLATION_POINT_KEY } from '../../core/points/installation-point';
import { sql, type RawBuilder } from '../../core/store/db';
import { writeSetting } from '../../core/store/settings';
import { MAX_ENTRY_AGE_DAYS } from '../../core/sync/apply';
import { PIN_CACHE_HOURS } from '../../core/sync/desk';
import { dispatch } from '../dispatch';

/** Thursday 3 December 2026, 10:00 in Paris. */
const START = new Date('2026-12-03T09:00:00Z');
const clock = { now: START };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let core: Core;
let admin: ClientSlot;
let nord: CallingDesk;
let sud: CallingDesk;
let est: CallingDesk;
let installationPointId: number;
/** Agents of the north point (one with a PIN), of the south point, of the east point. */
let anne: DeskAgentFixture;
let bruno: DeskAgentFixture;
let chloe: DeskAgentFixture;
let denis: DeskAgentFixture;

beforeAll(async () => {
  core = await serverCore(clock);
  const db = core.store.db;
  admin = await signedIn(core, ['administrateur']);
  nord = (await pointWithDesk(core, 'Mairie annexe Nord')).desk;
  sud = (await pointWithDesk(core, 'Mairie annexe Sud', 'telephonique')).desk;
  est = (await pointWithDesk(core, 'Maison des services Est')).desk;
  // The server's own installation setting names yet another point: desks' calls must not land there.
  installationPointId = await insertPoint(db, { nom: 'Hôtel de ville' });
  await db.transaction(async (tx) => {
    await writeSetting(tx, INSTALLATION_POINT_KEY, installationPointId);
  });
  anne = await agentAt(core, nord.pointId, { pin: '2468' });
  bruno = await agentAt(core, nord.pointId);
  chloe = await agentAt(core, sud.pointId, { pin: '1357' });
  denis = await agentAt(core, est.pointId);
});

afterAll(async () => {
  await core.close();
});

beforeEach(() => {
  clock.now = START;
});

function ok<T>(answer: Envelope<unknown>): T {
  if (!answer.ok) throw new Error(`${answer.error.code}: ${answer.error.message}`);
  return answer.result as T;
}

const noSession = (): ClientSlot => ({ token: null });

async function send(desk: CallingDesk, entries: OutboxEntry[], sentAt = clock.now): Promise<IngestResult[]> {
  const answer = await dispatch(
    core,
    noSession(),
    'sync.ingest',
    { sentAt: sentAt.toISOString(), entries },
    { poste: desk },
  );
  return ok<SyncOutputs['sync.ingest']>(answer).results;
}

const statuses = (results: IngestResult[]) => results.map((result) => result.statut);

function record(agent: DeskAgentFixture, at: Date, payload: Record<string, unknown> = {}): OutboxEntry {
  return outboxItem(
    'journal.record',
    agent.compteId,
    { issue: 'oriente_fiche', fiches: ['passeport'], serviceId: 'mairie', ...payload },
    { at },
  );
}

async function journalRow(uid: string) {
  return (await core.store.db.one(
    sql`SELECT id, jour, heure, horodatage, point_id, poste_id, recu_le, issue, duree_s FROM journal
        WHERE uid = ${uid}`,
  )) as
    | {
        id: number;
        jour: string;
        heure: number;
        horodatage: string;
        point_id: number;
        poste_id: number | null;
        recu_le: string | null;
        issue: string;
        duree_s: number | null;
      }
    | undefined;
}

/** Every count the log keeps, for one point: rows, and the indicator tables the triggers fill. */
async function countsOf(pointId: number) {
  const db = core.store.db;
  const count = async (query: RawBuilder<unknown>) => (await db.value<number>(query)) ?? 0;
  const sum = (table: string) =>
    count(sql`SELECT coalesce(sum(nombre), 0) FROM ${sql.ref(table)} WHERE point_id = ${pointId}`);
  return {
    rows: await count(sql`SELECT count(*) FROM journal WHERE point_id = ${pointId}`),
    fiches: await count(
      sql`SELECT count(*) FROM journal_fiches f JOIN journal j ON j.id = f.entree_id WHERE j.point_id = ${pointId}`,
    ),
    searches: await count(sql`SELECT count(*) FROM recherches WHERE point_id = ${pointId}`),
    avis: await count(sql`SELECT count(*) FROM avis_fiches WHERE point_id = ${pointId}`),
    jour: await sum('indicateurs_jour'),
    heure: await sum('indicateurs_heure_jour'),
    heureMois: await sum('indicateurs_heure_mois'),
    ficheJour: await sum('indicateurs_fiche_jour'),
    serviceJour: await sum('indicateurs_service_jour'),
  };
}

describe('the point of a call', () => {
  it('is the desk’s for a call from a desk, the installation’s otherwise', async () => {
    // Anne's entries at the installation's point: she is not assigned there, but the window's own call does not
    // check assignments (only a desk's outbox entries are checked again on arrival).
    const fromDesk = ok<JournalEntry>(
      await dispatch(core, anne, 'journal.record', { issue: 'repondu', fiches: [] }, { poste: nord }),
    );
    expect(fromDesk.pointId).toBe(nord.pointId);
    expect(await core.store.db.value(sql`SELECT poste_id FROM journal WHERE id = ${fromDesk.id}`)).toBe(
      nord.id,
    );
    const local = ok<JournalEntry>(
      await dispatch(core, anne, 'journal.record', { issue: 'repondu', fiches: [] }),
    );
    expect(local.pointId).toBe(installationPointId);
    expect(await core.store.db.value(sql`SELECT poste_id FROM journal WHERE id = ${local.id}`)).toBeNull();
    // The south desk is a telephone point: its default channel is the telephone.
    const phone = ok<JournalEntry>(
      await dispatch(core, chloe, 'journal.record', { issue: 'repondu', fiches: [] }, { poste: sud }),
    );
    expect(phone).toMatchObject({ pointId: sud.pointId, canal: 'telephone' });

    const search = ok<{ id: number }>(
      await dispatch(core, anne, 'journal.recordSearch', { q: 'passeport', resultats: 2 }, { poste: nord }),
    );
    const avis = ok<{ id: number }>(
      await dispatch(core, anne, 'avis.record', { ficheId: 'passeport', utile: true }, { poste: nord }),
    );
    const db = core.store.db;
    expect(await db.one(sql`SELECT point_id, poste_id FROM recherches WHERE id = ${search.id}`)).toEqual({
      point_id: nord.pointId,
      poste_id: nord.id,
    });
    expect(await db.one(sql`SELECT point_id, poste_id FROM avis_fiches WHERE id = ${avis.id}`)).toEqual({
      point_id: nord.pointId,
      poste_id: nord.id,
    });
  });

  it('gives the desk’s point to the session and offers that point’s agents to the PIN switch', async () => {
    const info = ok<{ installation: { pointId: number } | null }>(
      await dispatch(core, noSession(), 'auth.session', {}, { poste: nord }),
    );
    expect(info.installation).toEqual({ pointId: nord.pointId, nom: nord.pointNom });
    const agents = ok<{ point: { id: number }; agents: Array<{ compteId: number }> }>(
      await dispatch(core, noSession(), 'auth.deskAgents', {}, { poste: nord }),
    );
    expect(agents.point.id).toBe(nord.pointId);
    expect(agents.agents.map((agent) => agent.compteId)).toEqual([anne.compteId]);
    // Anne switches in at her point's desk, not at the south desk (nor at the installation's point).
    const pin = { compteId: anne.compteId, pin: '2468' };
    expect(await dispatch(core, noSession(), 'auth.pinLogin', pin, { poste: sud })).toMatchObject({
      ok: false,
      error: { code: 'refused' },
    });
    expect(await dispatch(core, noSession(), 'auth.pinLogin', pin)).toMatchObject({ ok: false });
    expect(await dispatch(core, noSession(), 'auth.pinLogin', pin, { poste: nord })).toMatchObject({
      ok: true,
      result: { compte: { id: anne.compteId, via: 'pin' }, installation: { pointId: nord.pointId } },
    });
  });
});

describe('access « poste »', () => {
  it('needs a desk: no session grants it, not even an administrator’s', async () => {
    for (const client of [noSession(), admin, anne]) {
      for (const method of ['sync.ingest', 'sync.desk'] as const) {
        const answer = await dispatch(core, client, method, { sentAt: START.toISOString(), entries: [] });
        expect(answer).toMatchObject({
          ok: false,
          error: { code: 'forbidden', message: expect.stringContaining('postes inscrits') as unknown },
        });
      }
    }
    // And a desk alone does not open the administrators' dead letters.
    expect(await dispatch(core, noSession(), 'sync.rejets.list', {}, { poste: nord })).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
  });
});

describe('sync.desk', () => {
  it('gives the desk its point and, for 12 hours, the PIN hashes of that point’s agents', async () => {
    const state = ok<SyncOutputs['sync.desk']>(
      await dispatch(core, noSession(), 'sync.desk', {}, { poste: nord }),
    );
    expect(state.poste).toEqual({ id: nord.id, nom: nord.nom });
    expect(state.point).toEqual({ id: nord.pointId, nom: nord.pointNom });
    expect(state.serverTime).toBe(START.toISOString());
    expect(Date.parse(state.pinsValidUntil) - START.getTime()).toBe(PIN_CACHE_HOURS * HOUR);
    // Bruno has no PIN, Chloé belongs to another point.
    expect(state.pins.map((pin) => pin.compteId)).toEqual([anne.compteId]);
    const [pin] = state.pins;
    expect(pin?.pinHash).toMatch(/^scrypt\$/);
    expect(await verifySecret('2468', pin?.pinHash ?? '')).toBe(true);
  });
});

describe('sync.ingest', () => {
  it('stores each entry once: a replayed batch answers « doublon » and changes no row and no count', async () => {
    const searchUid = outboxItem(
      'journal.recordSearch',
      denis.compteId,
      { q: 'passeport perdu', resultats: 3 },
      {
        at: new Date(START.getTime() - 20 * 60_000),
      },
    );
    const first = record(denis, new Date(START.getTime() - 15 * 60_000), {
      fiches: ['passeport', 'cni'],
      debut: new Date(START.getTime() - 17 * 60_000).toISOString(),
      rechercheUids: [searchUid.uid],
    });
    const second = record(denis, new Date(START.getTime() - 10 * 60_000), {
      issue: 'repondu',
      fiches: [],
      serviceId: undefined,
    });
    const avis = outboxItem(
      'avis.record',
      denis.compteId,
      { ficheId: 'passeport', utile: false, motif: 'obsolete' },
      {
        at: new Date(START.getTime() - 5 * 60_000),
      },
    );
    const eastBatch = [searchUid, first, second, avis];
    const before = await countsOf(est.pointId);
    expect(statuses(await send(est, eastBatch))).toEqual(['accepte', 'accepte', 'accepte', 'accepte']);
    const after = await countsOf(est.pointId);
    expect(after).toEqual({
      rows: before.rows + 2,
      fiches: before.fiches + 2,
      searches: before.searches + 1,
      avis: before.avis + 1,
      jour: before.jour + 2,
      heure: before.heure + 2,
      heureMois: before.heureMois + 2,
      ficheJour: before.ficheJour + 2,
      serviceJour: before.serviceJour + 1,
    });
    const row = await journalRow(first.uid);
    expect(row).toMatchObject({
      point_id: est.pointId,
      poste_id: est.id,
      recu_le: START.toISOString(),
      duree_s: 120,
    });
    // The search the desk linked by its uid is linked to the entry.
    expect(
      await core.store.db.value(sql`SELECT entree_id FROM recherches WHERE uid = ${searchUid.uid}`),
    ).toBe(row?.id);

    const db = core.store.db;
    const snapshot = async () =>
      JSON.stringify([
        await db.all(sql`SELECT * FROM journal ORDER BY id`),
        await db.all(sql`SELECT * FROM recherches ORDER BY id`),
        await db.all(sql`SELECT * FROM avis_fiches ORDER BY id`),
        await db.all(sql`SELECT * FROM indicateurs_jour ORDER BY 1, 2, 3, 4, 5`),
        await db.all(sql`SELECT * FROM indicateurs_fiche_mois ORDER BY 1, 2, 3, 4`),
        await db.all(sql`SELECT * FROM sync_recus ORDER BY uid`),
      ]);
    const stored = await snapshot();
    clock.now = new Date(START.getTime() + 30_000);
    expect(statuses(await send(est, eastBatch))).toEqual(['doublon', 'doublon', 'doublon', 'doublon']);
    expect(await snapshot()).toBe(stored);
    expect(await countsOf(est.pointId)).toEqual(after);
    // The same uid twice in one batch: the second is the double.
    const again = record(denis, START);
    expect(statuses(await send(est, [again, again]))).toEqual(['accepte', 'doublon']);
  });

  it('lands entries on the day they were made, whatever the desk’s clock says', async () => {
    // The desk's clock is 3 days behind: an entry made an hour ago and one made yesterday evening, offline.
    const skew = 3 * DAY;
    const deskNow = new Date(START.getTime() - skew);
    const anHourAgo = record(anne, new Date(deskNow.getTime() - HOUR));
    const yesterdayEvening = record(anne, new Date(deskNow.getTime() - 14 * HOUR)); // 19:00 in Paris
    expect(statuses(await send(nord, [anHourAgo, yesterdayEvening], deskNow))).toEqual([
      'accepte',
      'accepte',
    ]);
    expect(await journalRow(anHourAgo.uid)).toMatchObject({
      jour: '2026-12-03',
      heure: 9,
      horodatage: new Date(START.getTime() - HOUR).toISOString(),
    });
    expect(await journalRow(yesterdayEvening.uid)).toMatchObject({ jour: '2026-12-02', heure: 20 });
  });

  it('puts an entry from the future at the server’s time and refuses one older than 45 days', async () => {
    const future = record(anne, new Date(START.getTime() + HOUR));
    const old = record(anne, new Date(START.getTime() - (MAX_ENTRY_AGE_DAYS + 1) * DAY));
    const oldButFine = record(anne, new Date(START.getTime() - (MAX_ENTRY_AGE_DAYS - 1) * DAY));
    const results = await send(nord, [future, old, oldButFine]);
    expect(statuses(results)).toEqual(['accepte', 'rejete', 'accepte']);
    expect(results[1]?.motif).toMatch(/trop ancienne \(du 18 octobre 2026\).*45 jours/);
    expect((await journalRow(future.uid))?.horodatage).toBe(START.toISOString());
    expect((await journalRow(oldButFine.uid))?.jour).toBe('2026-10-20');
    expect(await journalRow(old.uid)).toBeUndefined();
  });

  it('checks each author again on arrival: account, role, assignment to the desk’s point that day', async () => {
    const db = core.store.db;
    const closed = await agentAt(core, nord.pointId);
    await db.run(sql`UPDATE comptes SET actif = 0 WHERE id = ${closed.compteId}`);
    const manager = await agentAt(core, nord.pointId, { roles: ['gestionnaire'] });
    const left = await agentAt(core, nord.pointId, { debut: '2026-01-01', fin: '2026-12-01' });
    const unlinked = await signedIn(core, ['agent']);
    const administrator = await signedIn(core, ['administrateur']);
    const entries = [
      record(chloe, START), // assigned to the south point, not the north one
      outboxItem('journal.record', 999_999, { issue: 'repondu', fiches: [] }, { at: START }),
      record(closed, START),
      record(manager, START),
      record(left, START), // assigned until 1 December
      record(left, new Date(START.getTime() - 2 * DAY)), // made on 1 December: still assigned then
      record({ ...unlinked, agentId: 0 }, START),
      record({ ...administrator, agentId: 0 }, START),
    ];
    const results = await send(nord, entries);
    expect(statuses(results)).toEqual([
      'rejete',
      'rejete',
      'rejete',
      'rejete',
      'rejete',
      'accepte',
      'rejete',
      'accepte',
    ]);
    const motifs = results.map((result) => result.motif ?? '');
    expect(motifs[0]).toMatch(
      /n’était pas affecté au point d’accueil « Mairie annexe Nord » le 3 décembre 2026/,
    );
    expect(motifs[1]).toMatch(/n° 999999 n’existe pas/);
    expect(motifs[2]).toMatch(/est désactivé/);
    expect(motifs[3]).toMatch(/n’a pas le rôle d’agent/);
    expect(motifs[4]).toMatch(/n’était pas affecté/);
    expect(motifs[6]).toMatch(/n’était pas affecté/);
  });

  it('applies corrections by the entry’s uid, even in the batch of the record, judged at their own time', async () => {
    const made = new Date(START.getTime() - 30 * 60_000);
    const corrected = record(anne, made);
    const cancelled = record(anne, made);
    const batch = [
      corrected,
      cancelled,
      outboxItem(
        'journal.update',
        anne.compteId,
        {
          entreeUid: corrected.uid,
          issue: 'non_resolu',
          canal: 'accueil_physique',
          motif: 'hors_competence',
        },
        { at: new Date(made.getTime() + 60_000) },
      ),
      outboxItem(
        'journal.cancel',
        anne.compteId,
        { entreeUid: cancelled.uid },
        { at: new Date(made.getTime() + 60_000) },
      ),
      // A colleague may not correct Anne's entry, nor anyone an entry the server never received.
      outboxItem('journal.cancel', bruno.compteId, { entreeUid: corrected.uid }, { at: START }),
      outboxItem(
        'journal.cancel',
        anne.compteId,
        { entreeUid: '0190a000-0000-7000-8000-000000000000' },
        { at: START },
      ),
    ];
    const results = await send(nord, batch);
    expect(statuses(results)).toEqual(['accepte', 'accepte', 'accepte', 'accepte', 'rejete', 'rejete']);
    expect(results[4]?.motif).toMatch(/que les contacts que vous avez enregistrés/);
    expect(results[5]?.motif).toMatch(/n’est pas arrivé au serveur/);
    expect((await journalRow(corrected.uid))?.issue).toBe('non_resolu');
    expect(await journalRow(cancelled.uid)).toBeUndefined();

    // Made yesterday evening offline: a correction made yesterday passes, one made today does not.
    const lateEntry = record(anne, new Date(START.getTime() - 14 * HOUR));
    const sameDay = outboxItem(
      'journal.update',
      anne.compteId,
      { entreeUid: lateEntry.uid, issue: 'repondu', canal: 'accueil_physique' },
      { at: new Date(START.getTime() - 13 * HOUR) },
    );
    const nextDay = outboxItem('journal.cancel', anne.compteId, { entreeUid: lateEntry.uid }, { at: START });
    const late = await send(nord, [lateEntry, sameDay, nextDay]);
    expect(statuses(late)).toEqual(['accepte', 'accepte', 'rejete']);
    expect(late[2]?.motif).toMatch(/Seuls les contacts du jour/);
    expect(await journalRow(lateEntry.uid)).toMatchObject({ issue: 'repondu', jour: '2026-12-02' });
  });

  it('never fails a batch for one entry: refusals become dead letters, and their replay adds nothing', async () => {
    const unknownFiche = record(anne, START, { fiches: ['fiche-inconnue'], serviceId: 'mairie' });
    const fine = record(anne, START);
    const results = await send(nord, [unknownFiche, fine]);
    expect(statuses(results)).toEqual(['rejete', 'accepte']);
    const db = core.store.db;
    const dead = (await db.one(sql`SELECT * FROM sync_rejets WHERE uid = ${unknownFiche.uid}`)) as {
      motif: string;
      payload: string;
      poste_id: number;
      traite_le: string | null;
    };
    expect(dead).toMatchObject({ poste_id: nord.id, traite_le: null, motif: results[0]?.motif });
    expect(JSON.parse(dead.payload)).toEqual(unknownFiche);
    expect(await db.value(sql`SELECT statut FROM sync_recus WHERE uid = ${unknownFiche.uid}`)).toBe('rejete');
    expect(statuses(await send(nord, [unknownFiche]))).toEqual(['doublon']);
    expect(await db.value(sql`SELECT count(*) FROM sync_rejets WHERE uid = ${unknownFiche.uid}`)).toBe(1);
  });
  it('keeps a malformed entry as a dead letter of its own, so it never blocks the entries behind it', async () => {
    const fine = record(anne, START);
    const malformed = { ...record(anne, START), payload: { issue: 'inconnue', fiches: [] } };
    const results = await send(nord, [malformed as OutboxEntry, fine]);
    expect(statuses(results)).toEqual(['rejete', 'accepte']);
    expect(results[0]?.motif).toMatch(/^Entrée mal formée \(payload\.issue\)/);
    const db = core.store.db;
    expect(await db.value(sql`SELECT kind FROM sync_rejets WHERE uid = ${malformed.uid}`)).toBe(
      'journal.record',
    );
    expect(statuses(await send(nord, [malformed as OutboxEntry]))).toEqual(['doublon']);
    // Without even a readable uid, the batch is refused whole: nothing could store it once.
    const answer = await dispatch(
      core,
      noSession(),
      'sync.ingest',
      { sentAt: clock.now.toISOString(), entries: [{ uid: 'pas-un-uuid' }] },
      { poste: nord },
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('the dead letters', () => {
  it('are listed for administrators, retried after a fix or set aside, each settlement audited', async () => {
    const db = core.store.db;
    const moved = await agentAt(core, sud.pointId);
    const refused = record(moved, START);
    const other = record(moved, START);
    expect(statuses(await send(nord, [refused, other]))).toEqual(['rejete', 'rejete']);
    const open = ok<{ rejets: RejetView[] }>(await dispatch(core, admin, 'sync.rejets.list', {})).rejets;
    const view = open.find((rejet) => rejet.uid === refused.uid);
    expect(view).toMatchObject({
      kind: 'journal.record',
      poste: { id: nord.id, nom: nord.nom },
      compteId: moved.compteId,
      at: START.toISOString(),
      payload: refused.payload,
      traiteLe: null,
      motif: expect.stringContaining('n’était pas affecté') as unknown,
    });
    expect(await dispatch(core, anne, 'sync.rejets.list', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const id = view?.id ?? 0;

    // Retried before the fix: still refused, still open, with today's reason.
    clock.now = new Date(START.getTime() + HOUR);
    const still = ok<RejetView>(
      await dispatch(core, admin, 'sync.rejets.settle', { id, action: 'reessayer' }),
    );
    expect(still).toMatchObject({
      traiteLe: null,
      motif: expect.stringContaining('n’était pas affecté') as unknown,
    });
    // The person was in fact at the north point that day: recorded, then retried.
    await assign(db, moved.agentId, nord.pointId, '2026-12-03', '2026-12-03');
    const settled = ok<RejetView>(
      await dispatch(core, admin, 'sync.rejets.settle', { id, action: 'reessayer' }),
    );
    expect(settled.traiteLe).toBe(clock.now.toISOString());
    expect(await journalRow(refused.uid)).toMatchObject({
      point_id: nord.pointId,
      poste_id: nord.id,
      horodatage: START.toISOString(),
      recu_le: START.toISOString(),
    });
    expect(await db.value(sql`SELECT statut FROM sync_recus WHERE uid = ${refused.uid}`)).toBe('accepte');
    // Its replay by the desk is still a double.
    expect(statuses(await send(nord, [refused]))).toEqual(['doublon']);
    expect(await dispatch(core, admin, 'sync.rejets.settle', { id, action: 'classer' })).toMatchObject({
      ok: false,
      error: { code: 'refused', message: 'Cet envoi refusé a déjà été traité.' },
    });

    const otherId = open.find((rejet) => rejet.uid === other.uid)?.id ?? 0;
    const classed = ok<RejetView>(
      await dispatch(core, admin, 'sync.rejets.settle', { id: otherId, action: 'classer' }),
    );
    expect(classed.traiteLe).not.toBeNull();
    expect(await journalRow(other.uid)).toBeUndefined();
    const reopen = ok<{ rejets: RejetView[] }>(await dispatch(core, admin, 'sync.rejets.list', {})).rejets;
    expect(reopen.map((rejet) => rejet.id)).not.toContain(id);
    expect(reopen.map((rejet) => rejet.id)).not.toContain(otherId);
    const all = ok<{ rejets: RejetView[] }>(
      await dispatch(core, admin, 'sync.rejets.list', { traites: true }),
    ).rejets;
    expect(all.map((rejet) => rejet.id)).toEqual(expect.arrayContaining([id, otherId]));

    const audit = await db.all(
      sql`SELECT action, objet_id FROM audit WHERE objet = 'envoi_refuse' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'reessai', objet_id: String(id) },
      { action: 'reessai', objet_id: String(id) },
      { action: 'classement', objet_id: String(otherId) },
    ]);
  });
});

describe('three desks sending at once', () => {
  it('give each point its own correct counts', async () => {
    const points = [
      { desk: nord, agent: anne },
      { desk: sud, agent: chloe },
      { desk: est, agent: denis },
    ];
    const before: Array<Awaited<ReturnType<typeof countsOf>>> = [];
    for (const { desk } of points) before.push(await countsOf(desk.pointId));
    const sizes = [40, 25, 33];
    const batches = points.map(({ agent }, index) =>
      Array.from({ length: sizes[index] ?? 0 }, (_, n) =>
        record(agent, new Date(START.getTime() - n * 60_000)),
      ),
    );
    const results = await Promise.all(points.map(({ desk }, index) => send(desk, batches[index] ?? [])));
    expect(results.map((list) => list.every((result) => result.statut === 'accepte'))).toEqual([
      true,
      true,
      true,
    ]);
    // The same batches again, at once: nothing moves.
    await Promise.all(points.map(({ desk }, index) => send(desk, batches[index] ?? [])));
    for (const [index, { desk }] of points.entries()) {
      const after = await countsOf(desk.pointId);
      const added = sizes[index] ?? 0;
      expect(after.rows).toBe((before[index]?.rows ?? 0) + added);
      expect(after.jour).toBe((before[index]?.jour ?? 0) + added);
      expect(after.ficheJour).toBe((before[index]?.ficheJour ?? 0) + added);
    }
  });
});
