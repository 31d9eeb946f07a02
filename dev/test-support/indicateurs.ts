// Fixtures of the indicators' tests: log entries, searches and label decisions in a line each, straight into
// the tables (the running counts follow through their triggers), and the small hand-counted dataset of March
// 2025 the dashboard, the annual review and the CSV tests compute by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Issue, JournalCanal, Motif } from '../../common/journal/codes';
import { sql, type Db } from '../../electron/core/store/db';
import { Store } from '../../electron/core/store/store';
import { afterEach, beforeEach } from 'vitest';
import { assign, attend, insertAgent, insertPoint, insertSession } from './registres';

export function freshStore(): Store {
  return new Store(mkdtempSync(join(tmpdir(), 'infocite-indicateurs-')));
}

export interface EntryFixture {
  jour: string;
  heure?: number;
  pointId: number | null;
  canal?: JournalCanal;
  issue: Issue;
  motif?: Motif;
  serviceId?: string;
  theme?: string;
  duree?: number | null;
  fiches?: string[];
}

export async function logEntry(db: Db, entry: EntryFixture): Promise<number> {
  const heure = entry.heure ?? 10;
  return db.transaction(async (tx) => {
    const id = Number(
      await tx.value<number>(
        sql`INSERT INTO journal (horodatage, jour, heure, point_id, canal, issue, service_id, motif, theme, duree_s)
            VALUES (${`${entry.jour}T${String(heure).padStart(2, '0')}:15:00.000Z`}, ${entry.jour}, ${heure},
              ${entry.pointId}, ${entry.canal ?? 'accueil_physique'}, ${entry.issue}, ${entry.serviceId ?? null},
              ${entry.motif ?? null}, ${entry.theme ?? null}, ${entry.duree ?? null})
            RETURNING id`,
      ),
    );
    for (const ficheId of entry.fiches ?? [])
      await tx.run(sql`INSERT INTO journal_fiches (entree_id, fiche_id) VALUES (${id}, ${ficheId})`);
    return id;
  });
}

export async function logSearch(
  db: Db,
  search: { jour: string; pointId: number | null; requete: string; resultats: number; entreeId?: number },
): Promise<number> {
  return Number(
    await db.value<number>(
      sql`INSERT INTO recherches (horodatage, jour, point_id, requete, resultats, entree_id)
          VALUES (${`${search.jour}T09:00:00.000Z`}, ${search.jour}, ${search.pointId}, ${search.requete},
            ${search.resultats}, ${search.entreeId ?? null})
          RETURNING id`,
    ),
  );
}

export async function labelEvent(
  db: Db,
  pointId: number,
  action: string,
  statut: string,
  date: string,
  expireLe: string | null = null,
): Promise<void> {
  await db.run(
    sql`INSERT INTO label_evenements (point_id, action, statut, date, expire_le, motif, decide_par_nom, enregistre_le)
        VALUES (${pointId}, ${action}, ${statut}, ${date}, ${expireLe},
          ${statut === 'suspendu' ? 'agents non formés' : null}, 'Gestionnaire de test', ${`${date}T12:00:00.000Z`})`,
  );
}

/** 1 June 2025, noon in Paris: March 2025 is wholly in the past. */
export const JUNE_2025 = new Date('2025-06-01T10:00:00Z');

export interface MarchFixture {
  hotel: number;
  ccas: number;
  allo: number;
  /** Entry ids in the order of the list below, 1-based as in the comments. */
  entries: number[];
}

/**
 * Three points, ten contacts in March 2025, four in the previous 31 days (29 January – 28 February), one on
 * each side of those ranges, searches, label decisions and agents. Every expected figure of the tests is
 * counted by hand from this list.
 */
export async function marchFixture(db: Db): Promise<MarchFixture> {
  const hotel = await insertPoint(db, { nom: 'Hôtel de ville', entite: 'ville', type: 'physique' });
  const ccas = await insertPoint(db, { nom: 'CCAS', entite: 'ccas', type: 'physique' });
  const allo = await insertPoint(db, { nom: 'Allô Mairie', entite: 'ville', type: 'telephonique' });
  const phys = 'accueil_physique';
  const tel = 'telephone';
  // prettier-ignore
  const entries: EntryFixture[] = [
    // March 2025.
    /* 1 */ { jour: '2025-03-03', heure: 9, pointId: hotel, canal: phys, issue: 'repondu', duree: 120, fiches: ['passeport'] },
    /* 2 */ { jour: '2025-03-03', heure: 9, pointId: hotel, canal: phys, issue: 'repondu', duree: 60, fiches: ['passeport', 'cni'] },
    /* 3 */ { jour: '2025-03-03', heure: 10, pointId: hotel, canal: phys, issue: 'oriente_fiche', serviceId: 'mairie', duree: 180, fiches: ['passeport'] },
    /* 4 */ { jour: '2025-03-04', heure: 14, pointId: ccas, canal: phys, issue: 'oriente_autre', serviceId: 'ccas' },
    /* 5 */ { jour: '2025-03-10', heure: 9, pointId: ccas, canal: phys, issue: 'non_resolu', motif: 'pas_de_fiche', duree: 300 },
    /* 6 */ { jour: '2025-03-11', heure: 11, pointId: allo, canal: tel, issue: 'repondu', duree: 90, fiches: ['cni'] },
    /* 7 */ { jour: '2025-03-11', heure: 11, pointId: allo, canal: tel, issue: 'rendez_vous', serviceId: 'mairie', duree: 240, fiches: ['passeport'] },
    /* 8 */ { jour: '2025-03-20', heure: 16, pointId: allo, canal: tel, issue: 'transmis' },
    /* 9 */ { jour: '2025-03-31', heure: 17, pointId: hotel, canal: 'courriel', issue: 'non_resolu', motif: 'fiche_incomplete', duree: 30, fiches: ['cni'] },
    /* 10 */ { jour: '2025-03-31', heure: 17, pointId: hotel, canal: phys, issue: 'repondu' },
    // The previous 31 days.
    /* 11 */ { jour: '2025-02-10', heure: 9, pointId: hotel, canal: phys, issue: 'repondu' },
    /* 12 */ { jour: '2025-02-10', heure: 10, pointId: hotel, canal: phys, issue: 'repondu' },
    /* 13 */ { jour: '2025-02-11', heure: 10, pointId: ccas, canal: phys, issue: 'non_resolu', motif: 'hors_competence' },
    /* 14 */ { jour: '2025-02-12', heure: 10, pointId: allo, canal: tel, issue: 'repondu' },
    // Just outside both ranges.
    /* 15 */ { jour: '2025-01-28', heure: 10, pointId: hotel, canal: phys, issue: 'non_resolu', motif: 'autre', fiches: ['acte'] },
    /* 16 */ { jour: '2025-04-01', heure: 10, pointId: hotel, canal: phys, issue: 'non_resolu', motif: 'autre', fiches: ['cni'] },
  ];
  const ids: number[] = [];
  for (const entry of entries) ids.push(await logEntry(db, entry));
  const id = (n: number) => ids[n - 1] as number;

  await logSearch(db, {
    jour: '2025-03-03',
    pointId: hotel,
    requete: 'passeport',
    resultats: 5,
    entreeId: id(1),
  });
  await logSearch(db, {
    jour: '2025-03-10',
    pointId: ccas,
    requete: 'permis de louer',
    resultats: 0,
    entreeId: id(5),
  });
  await logSearch(db, { jour: '2025-03-12', pointId: hotel, requete: 'permis de louer', resultats: 0 });
  await logSearch(db, { jour: '2025-03-15', pointId: ccas, requete: 'composteur', resultats: 0 });
  await logSearch(db, {
    jour: '2025-03-31',
    pointId: hotel,
    requete: 'carte grise',
    resultats: 3,
    entreeId: id(9),
  });
  await logSearch(db, { jour: '2025-04-02', pointId: hotel, requete: 'permis de louer', resultats: 0 });

  // Hôtel de ville: labelled until 30 April 2026. CCAS: its label expired on 9 January 2025. Allô Mairie:
  // labelled, then suspended on 15 March 2025.
  await labelEvent(db, hotel, 'accorder', 'labellise', '2023-05-01', '2026-04-30');
  await labelEvent(db, ccas, 'accorder', 'labellise', '2022-01-10', '2025-01-09');
  await labelEvent(db, allo, 'accorder', 'labellise', '2024-01-01', '2026-12-31');
  await labelEvent(db, allo, 'suspendre', 'suspendu', '2025-03-15');

  // A1 trained until 31 May 2026; A2 trained until 30 March 2025; A3 assigned until 15 March 2025, untrained;
  // A4 absent from the Info'Cité session, present at another; A5 inactive.
  const june2024 = await insertSession(db, 'infocite', '2024-06-01');
  const march2023 = await insertSession(db, 'infocite', '2023-03-31');
  const accueil = await insertSession(db, 'accueil', '2025-02-03');
  const a1 = await insertAgent(db, { nom: 'Un' });
  await assign(db, a1, hotel, '2024-01-01');
  await attend(db, june2024, a1);
  const a2 = await insertAgent(db, { nom: 'Deux' });
  await assign(db, a2, hotel, '2024-01-01');
  await attend(db, march2023, a2);
  const a3 = await insertAgent(db, { nom: 'Trois' });
  await assign(db, a3, allo, '2025-02-01', '2025-03-15');
  const a4 = await insertAgent(db, { nom: 'Quatre' });
  await assign(db, a4, ccas, '2024-01-01');
  await attend(db, june2024, a4, 'absent');
  await attend(db, accueil, a4);
  const a5 = await insertAgent(db, { nom: 'Cinq', actif: false });
  await assign(db, a5, hotel, '2024-01-01');
  await attend(db, june2024, a5);

  return { hotel, ccas, allo, entries: ids };
}

/**
 * For a test file on marchFixture: each test gets a fresh store holding it, closed after the test. Read `db`
 * and `fixture` inside the tests (they change for each one).
 */
export function marchFixtureEachTest(): { readonly db: Db; readonly fixture: MarchFixture } {
  let store: Store | undefined;
  let fixture: MarchFixture | undefined;
  beforeEach(async () => {
    store = freshStore();
    fixture = await marchFixture(store.db);
  });
  afterEach(async () => {
    await store?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('marchFixtureEachTest: read db and fixture inside a test');
    return value;
  };
  return {
    get db() {
      return ready(store).db;
    },
    get fixture() {
      return ready(fixture);
    },
  };
}
