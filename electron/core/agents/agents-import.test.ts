import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql, type Db } from '../store/db';
import type { Store } from '../store/store';
import { agentByEmail } from './agents';
import { importAgentsCsv, parseImportDay } from './agents-import';
import { assignmentsOf } from './affectations';
import { updatePoint } from '../points/points';
import {
  ACTOR,
  NOW,
  makeAssignment,
  auditRows,
  freshDb,
  makeAgent,
  makePoint,
  pointFields,
} from '../../../dev/test-support/registres';

let store: Store;
let db: Db;
let mairie: number;

beforeEach(async () => {
  ({ store, db } = freshDb());
  mairie = await makePoint(db, 'mairie-centre', { nom: 'Mairie centre' });
  await makePoint(db, 'ccas-sud');
  const closed = await makePoint(db, 'ancien-poste');
  await updatePoint(db, ACTOR, closed, pointFields('ancien-poste', { ouvert: false }), NOW);
});
afterEach(async () => store.close());

/** Good lines and one line for every reason a line can be rejected. */
const FILE = [
  'Nom;Prénom;Service;Courriel;Point;Début',
  'Durand;Léa;État civil;lea.durand@montrouval.fr;mairie-centre;15/01/2025', // 2: created + assigned
  'Martin;Paul;Accueil;;CCAS-SUD;2025-03-01', // 3: created (no email) + assigned
  'Petit;Jeanne;;;;', // 4: created, no assignment
  ';Sans nom;;;;', // 5: no nom
  'Sans prénom;;;;;', // 6: no prénom
  'Bad;Email;;pas-une-adresse;;', // 7: bad email
  'Inconnu;Point;;;nulle-part;01/01/2025', // 8: unknown point
  'Date;Impossible;;;mairie-centre;31/02/2025', // 9: impossible date
  'Double;Courriel;;LEA.DURAND@montrouval.fr;;', // 10: duplicate email in the file
  'Ferme;Point;;;ancien-poste;01/01/2025', // 11: closed point
  'Sans;Date;;;mairie-centre;', // 12: point without date
  ';;;nope;nulle-part;2025-13-01', // 13: every reason at once
].join('\r\n');

describe('agents CSV import', () => {
  it('reports every rejected line with all its reasons, and imports the valid ones', async () => {
    const report = await importAgentsCsv(db, ACTOR, FILE, false, NOW);
    expect(report).toMatchObject({
      dryRun: false,
      total: 12,
      created: 3,
      updated: 0,
      unchanged: 0,
      assignments: 2,
    });
    expect(report.rejected.map((r) => [r.line, r.reasons])).toEqual([
      [5, ['le nom est vide']],
      [6, ['le prénom est vide']],
      [7, ['le courriel « pas-une-adresse » n’est pas une adresse valide']],
      [8, ['aucun point d’accueil n’a le code « nulle-part »']],
      [9, ['la date d’affectation « 31/02/2025 » n’existe pas (attendu : jj/mm/aaaa ou aaaa-mm-jj)']],
      [10, ['le courriel « LEA.DURAND@montrouval.fr » figure déjà ligne 2']],
      [11, ['le point « Point ancien-poste » (ancien-poste) est fermé']],
      [12, ['indiquez la date d’affectation au point « mairie-centre » (colonne debut)']],
      [
        13,
        [
          'le nom est vide',
          'le prénom est vide',
          'le courriel « nope » n’est pas une adresse valide',
          'aucun point d’accueil n’a le code « nulle-part »',
          'la date d’affectation « 2025-13-01 » n’existe pas (attendu : jj/mm/aaaa ou aaaa-mm-jj)',
        ],
      ],
    ]);
    expect(report.rejected[0]?.raw).toBe(';Sans nom;;;;');

    const lea = await agentByEmail(db, 'lea.durand@montrouval.fr');
    expect(lea).toMatchObject({ nom: 'Durand', prenom: 'Léa', service: 'État civil', actif: true });
    expect(await assignmentsOf(db, lea?.id ?? 0, NOW)).toMatchObject([
      { point: { id: mairie }, debut: '2025-01-15', fin: null },
    ]);
    const names = (await db.all<{ nom: string }>(sql`SELECT nom FROM agents ORDER BY nom`)).map((r) => r.nom);
    expect(names).toEqual(['Durand', 'Martin', 'Petit']);
  });

  it('reads a « , » file the same way', async () => {
    const report = await importAgentsCsv(
      db,
      ACTOR,
      'nom,prenom,courriel,point,debut\nDurand,Léa,lea@montrouval.fr,mairie-centre,2025-01-15\nMartin,,x,,\n',
      false,
      NOW,
    );
    expect(report).toMatchObject({ total: 2, created: 1, assignments: 1 });
    expect(report.rejected).toEqual([
      {
        line: 3,
        raw: 'Martin,,x,,',
        reasons: ['le prénom est vide', 'le courriel « x » n’est pas une adresse valide'],
      },
    ]);
  });

  it('writes nothing on a dry run, and gives the same report', async () => {
    const auditBefore = (await auditRows(db)).length;
    const dry = await importAgentsCsv(db, ACTOR, FILE, true, NOW);
    expect(await db.value(sql`SELECT COUNT(*) FROM agents`)).toBe(0);
    expect(await db.value(sql`SELECT COUNT(*) FROM affectations`)).toBe(0);
    expect(await auditRows(db)).toHaveLength(auditBefore);
    const real = await importAgentsCsv(db, ACTOR, FILE, false, NOW);
    expect({ ...dry, dryRun: false }).toEqual(real);
  });

  it('updates an existing agent with the same email instead of duplicating it, and adds the assignment once', async () => {
    const existing = await makeAgent(db, 'DURAND', {
      prenom: 'Lea',
      service: 'Ancien service',
      courriel: 'Lea.Durand@montrouval.fr',
    });
    const unchanged = await makeAgent(db, 'Martin', {
      prenom: 'Paul',
      service: 'Accueil',
      courriel: 'paul@montrouval.fr',
    });
    await makeAssignment(db, unchanged, mairie, '2024-01-01');
    const auditBefore = (await auditRows(db)).length;
    const csv = [
      'nom;prenom;service;courriel;point;debut',
      'Durand;Léa;État civil;lea.durand@montrouval.fr;mairie-centre;15/01/2025',
      'Martin;Paul;;paul@montrouval.fr;mairie-centre;01/06/2025', // already assigned there: nothing to do
      'Nouveau;Agent;;nouveau@montrouval.fr;;',
    ].join('\n');

    const report = await importAgentsCsv(db, ACTOR, csv, false, NOW);
    expect(report).toMatchObject({
      total: 3,
      created: 1,
      updated: 1,
      unchanged: 1,
      assignments: 1,
      rejected: [],
    });
    expect(await db.value(sql`SELECT COUNT(*) FROM agents`)).toBe(3);
    expect(await agentByEmail(db, 'lea.durand@montrouval.fr')).toMatchObject({
      id: existing,
      nom: 'Durand',
      prenom: 'Léa',
      service: 'État civil',
    });
    // An empty service keeps the one known.
    expect((await agentByEmail(db, 'paul@montrouval.fr'))?.service).toBe('Accueil');
    expect(await assignmentsOf(db, unchanged, NOW)).toHaveLength(1);

    // Audit rows exactly for what changed: one update, one creation, one assignment.
    const rows = (await auditRows(db)).slice(auditBefore);
    expect(rows.map((r) => [r.objet, r.action, r.objet_id])).toEqual([
      ['agent', 'modification', String(existing)],
      ['affectation', 'creation', expect.any(String)],
      ['agent', 'creation', expect.any(String)],
    ]);

    // The same file again changes nothing and writes no audit row.
    const again = await importAgentsCsv(db, ACTOR, csv, false, NOW);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3, assignments: 0 });
    expect(await auditRows(db)).toHaveLength(auditBefore + 3);
  });

  it('counts only non-blank lines and reports unknown columns', async () => {
    const report = await importAgentsCsv(db, ACTOR, 'nom;prenom;matricule\n\nDurand;Léa;12\n;;\n', true, NOW);
    expect(report).toMatchObject({ total: 1, created: 1, ignoredColumns: ['matricule'] });
  });
});

describe('import dates', () => {
  it('reads French and ISO days and refuses impossible ones', () => {
    expect(parseImportDay('15/01/2025')).toBe('2025-01-15');
    expect(parseImportDay('5/3/2025')).toBe('2025-03-05');
    expect(parseImportDay('05.03.2025')).toBe('2025-03-05');
    expect(parseImportDay('2025-03-05')).toBe('2025-03-05');
    expect(parseImportDay('29/02/2024')).toBe('2024-02-29');
    expect(parseImportDay('29/02/2025')).toBeNull();
    expect(parseImportDay('2025-02-30')).toBeNull();
    expect(parseImportDay('03/15/2025')).toBeNull();
    expect(parseImportDay('hier')).toBeNull();
  });
});
