// The dashboard on the hand-counted dataset of test-support.ts (marchFixture): every expected number below is
// counted from its list of entries, with the entries' numbers in the comments.
import { describe, expect, it } from 'vitest';
import { runRetention } from '../journal/retention';
import { sql } from '../store/db';
import { writeSetting } from '../store/settings';
import type { Names, TableauRequest } from './tableau';
import { tableau } from './tableau';
import { JUNE_2025, marchFixtureEachTest } from '../../../dev/test-support/indicateurs';
import type { Indicateur, Tableau } from '../../../common/indicateurs/types';

const NAMES: Names = {
  service: (id) => ({ mairie: 'Mairie de Montrouval' })[id],
  fiche: (id) => ({ passeport: 'Passeport', cni: "Carte nationale d'identité" })[id],
};
const MARCH: TableauRequest = { du: '2025-03-01', au: '2025-03-31', granularite: 'semaine' };

const march = marchFixtureEachTest();

function board(request: Partial<TableauRequest> = {}): Promise<Tableau> {
  return tableau(march.db, { ...MARCH, ...request }, NAMES, JUNE_2025);
}

function byCode(t: Tableau): Record<string, Indicateur> {
  return Object.fromEntries(t.indicateurs.map((i) => [i.code, i]));
}

function values(t: Tableau): Record<string, number | null> {
  return Object.fromEntries(t.indicateurs.map((i) => [i.code, i.valeur]));
}

describe('indicateurs.tableau', () => {
  it('counts March’s contacts by outcome, with rates, reasons and durations', async () => {
    const t = await board();
    // Entries 1–10. Answered: 1, 2, 6, 10 (40 %). Oriented: 3 (fiche), 4 (other) (20 %). Appointment: 7.
    // Passed on: 8. Unresolved: 5, 9 (20 %). Durations: 120+60+180+300+90+240+30 = 1020 s over the 7 timed
    // entries = 145.7 s. Labelled on 31 March: the Hôtel de ville only (CCAS expired in January, Allô Mairie
    // suspended on 15 March). Coverage on 31 March: agents 1, 2, 4 (3 left on 15 March, 5 inactive), of
    // whom 1 holds a valid training (2's ran out on 30 March): 33.3 %.
    expect(values(t)).toEqual({
      contacts: 10,
      taux_premier_niveau: 40,
      taux_orientation: 20,
      taux_non_resolu: 20,
      rendez_vous: 1,
      transmis: 1,
      duree_moyenne: 146,
      points_labellises: 1,
      couverture_formation: 33.3,
      // No rating and no complaint in this fixture (satisfaction.test.ts and reclamations.test.ts count them).
      taux_satisfaction: null,
      satisfaction_nette: null,
      taux_delais_reclamations: null,
    });
    expect(t.issues.map((l) => [l.issue, l.nombre, l.taux])).toEqual([
      ['repondu', 4, 40],
      ['oriente_fiche', 1, 10],
      ['oriente_autre', 1, 10],
      ['rendez_vous', 1, 10],
      ['transmis', 1, 10],
      ['non_resolu', 2, 20],
    ]);
    // 5: pas de fiche; 9: fiche incomplète — each half of the unresolved.
    expect(t.motifs.map((l) => [l.motif, l.nombre, l.taux])).toEqual([
      ['pas_de_fiche', 1, 50],
      ['fiche_incomplete', 1, 50],
      ['hors_competence', 0, 0],
      ['autre', 0, 0],
    ]);
    expect(t.motifs[0]?.libelle).toBe('Pas de fiche');
  });

  it('compares each indicator with February and its objective', async () => {
    const t = byCode(await board());
    // February: entries 11–14. Answered 11, 12, 14 (75 %), unresolved 13 (25 %), no duration. Labelled on
    // 28 February: Hôtel de ville and Allô Mairie. Coverage: agents 1, 2, 3, 4, trained 1 and 2: 50 %.
    expect(t.contacts?.tendance).toEqual({
      du: '2025-02-01',
      au: '2025-02-28',
      precedente: 4,
      ecart: 6,
      sens: 'hausse',
    });
    expect(t.taux_premier_niveau).toMatchObject({
      valeur: 40,
      objectif: { indicateur: 'taux_premier_niveau', cible: 80, sens: 'au_moins', marge: 5 },
      statut: 'non_atteint',
      tendance: { precedente: 75, ecart: -35, sens: 'baisse' },
    });
    expect(t.taux_non_resolu).toMatchObject({
      statut: 'non_atteint',
      tendance: { precedente: 25, ecart: -5, sens: 'baisse' },
    });
    expect(t.taux_orientation).toMatchObject({
      objectif: null,
      statut: null,
      tendance: { precedente: 0, ecart: 20 },
    });
    expect(t.duree_moyenne?.tendance).toMatchObject({ precedente: null, ecart: null, sens: null });
    expect(t.points_labellises).toMatchObject({
      valeur: 1,
      statut: 'non_atteint',
      tendance: { precedente: 2, ecart: -1, sens: 'baisse' },
    });
    expect(t.couverture_formation).toMatchObject({
      valeur: 33.3,
      tendance: { precedente: 50, ecart: -16.7, sens: 'baisse' },
    });
    expect(t.contacts).toMatchObject({ libelle: 'Contacts', unite: 'nombre', objectif: null, statut: null });
  });

  it('gives the volumes by week, by day and by month, empty periods included', async () => {
    // Weeks from Monday: 1–4 in the week of 3 March, 5–7 in that of 10 March, 8 on the 20th, 9–10 on the 31st.
    expect((await board()).volumes.map((p) => [p.cle, p.debut, p.fin, p.contacts])).toEqual([
      ['2025-02-24', '2025-03-01', '2025-03-02', 0],
      ['2025-03-03', '2025-03-03', '2025-03-09', 4],
      ['2025-03-10', '2025-03-10', '2025-03-16', 3],
      ['2025-03-17', '2025-03-17', '2025-03-23', 1],
      ['2025-03-24', '2025-03-24', '2025-03-30', 0],
      ['2025-03-31', '2025-03-31', '2025-03-31', 2],
    ]);
    const days = (await board({ granularite: 'jour' })).volumes;
    expect(days).toHaveLength(31);
    expect(days.find((p) => p.cle === '2025-03-03')).toMatchObject({
      contacts: 3,
      parIssue: { repondu: 2, oriente_fiche: 1, non_resolu: 0 },
    });
    expect((await board({ granularite: 'mois' })).volumes).toEqual([
      {
        cle: '2025-03',
        debut: '2025-03-01',
        fin: '2025-03-31',
        contacts: 10,
        parIssue: {
          repondu: 4,
          oriente_fiche: 1,
          oriente_autre: 1,
          rendez_vous: 1,
          transmis: 1,
          non_resolu: 2,
        },
      },
    ]);
  });

  it('lists the services oriented to, the affluence grid, the fiches and the searches', async () => {
    const t = await board();
    // 3 → mairie, 4 → ccas (7's appointment with the mairie is not an orientation). The CCAS is not a contact
    // the names know: its id stands.
    expect(t.services).toEqual([
      { serviceId: 'ccas', nom: 'ccas', nombre: 1 },
      { serviceId: 'mairie', nom: 'Mairie de Montrouval', nombre: 1 },
    ]);
    // Mondays 3, 10 and 31 March; Tuesdays 4 and 11; Thursday 20.
    expect(t.affluence.cellules).toEqual([
      { jourSemaine: 1, heure: 9, nombre: 3 }, // 1, 2, 5
      { jourSemaine: 1, heure: 10, nombre: 1 }, // 3
      { jourSemaine: 1, heure: 17, nombre: 2 }, // 9, 10
      { jourSemaine: 2, heure: 11, nombre: 2 }, // 6, 7
      { jourSemaine: 2, heure: 14, nombre: 1 }, // 4
      { jourSemaine: 4, heure: 16, nombre: 1 }, // 8
    ]);
    expect(t.affluence.sansHeure).toBe(0);
    expect(t.affluence.note).toContain('n’ont pas d’heure');
    // passeport: 1, 2, 3, 7; cni: 2, 6, 9 (16's is in April).
    expect(t.fiches.lignes).toEqual([
      { ficheId: 'passeport', titre: 'Passeport', nombre: 4 },
      { ficheId: 'cni', titre: "Carte nationale d'identité", nombre: 3 },
    ]);
    // Nothing found: « permis de louer » on the 10th and 12th (the 2 April one is out), « composteur ».
    expect(t.recherchesSansResultat.lignes).toEqual([
      { requete: 'permis de louer', nombre: 2 },
      { requete: 'composteur', nombre: 1 },
    ]);
    // Typed during unresolved contacts: 5 (« permis de louer ») and 9 (« carte grise »).
    expect(t.recherchesNonResolues.lignes).toEqual([
      { requete: 'carte grise', nombre: 1 },
      { requete: 'permis de louer', nombre: 1 },
    ]);
    expect(t.pointsLabellises).toEqual([
      {
        pointId: march.fixture.hotel,
        nom: 'Hôtel de ville',
        entite: 'ville',
        type: 'physique',
        statut: 'labellise',
        depuis: '2023-05-01',
        expireLe: '2026-04-30',
      },
    ]);
    expect(t.couverture).toMatchObject({ jour: '2025-03-31', agents: 3, formes: 1, taux: 33.3 });
    expect((await board({ limite: 1 })).fiches.lignes.map((l) => l.ficheId)).toEqual(['passeport']);
  });

  it('filters by point, entité and channel', async () => {
    // Allô Mairie: 6, 7, 8. Its only agent (3) left on 15 March: no coverage to compute.
    const allo = await board({ pointId: march.fixture.allo });
    expect(values(allo)).toMatchObject({
      contacts: 3,
      taux_premier_niveau: 33.3,
      rendez_vous: 1,
      transmis: 1,
      points_labellises: 0,
      couverture_formation: null,
    });
    expect(byCode(allo).couverture_formation?.statut).toBeNull();
    expect(allo.fiches.lignes.map((l) => [l.ficheId, l.nombre])).toEqual([
      ['cni', 1],
      ['passeport', 1],
    ]);
    expect(allo.filtres).toEqual({ ...MARCH, pointId: march.fixture.allo });

    // The CCAS: 4 and 5; its searches that found nothing: « permis de louer » (10th), « composteur ».
    const ccas = await board({ entite: 'ccas' });
    expect(values(ccas)).toMatchObject({ contacts: 2, taux_orientation: 50, taux_non_resolu: 50 });
    expect(ccas.recherchesSansResultat.lignes).toEqual([
      { requete: 'composteur', nombre: 1 },
      { requete: 'permis de louer', nombre: 1 },
    ]);
    expect(ccas.couverture).toMatchObject({ agents: 1, formes: 0, taux: 0 });

    // By telephone: 6, 7, 8; no search linked to them found nothing.
    const phone = await board({ canal: 'telephone' });
    expect(values(phone)).toMatchObject({ contacts: 3, taux_premier_niveau: 33.3 });
    expect(phone.recherchesSansResultat.lignes).toEqual([]);
    expect(phone.recherchesSansResultat.note).toContain('rattachées à un contact de ce canal');
    // By e-mail: 9 alone, unresolved, with its search.
    const mail = await board({ canal: 'courriel' });
    expect(values(mail)).toMatchObject({ contacts: 1, taux_non_resolu: 100 });
    expect(mail.recherchesNonResolues.lignes).toEqual([{ requete: 'carte grise', nombre: 1 }]);
  });

  it('filters by desk: a desk that served one point shows exactly that point’s figures', async () => {
    const db = march.db;
    const desk = async (nom: string, pointId: number) =>
      Number(
        await db.value<number>(
          sql`INSERT INTO postes (nom, point_id, cree_le) VALUES (${nom}, ${pointId}, '2025-01-01T08:00:00.000Z')
              RETURNING id`,
        ),
      );
    const alloDesk = await desk('Allô Mairie 1', march.fixture.allo);
    await db.run(sql`UPDATE journal SET poste_id = ${alloDesk} WHERE point_id = ${march.fixture.allo}`);
    await db.run(sql`UPDATE recherches SET poste_id = ${alloDesk} WHERE point_id = ${march.fixture.allo}`);
    const byPoint = await board({ pointId: march.fixture.allo });
    const byDesk = await board({ posteId: alloDesk });
    const figures = (t: Tableau) => ({
      values: values(t),
      issues: t.issues,
      motifs: t.motifs,
      services: t.services,
      volumes: t.volumes,
      affluence: t.affluence.cellules,
      fiches: t.fiches.lignes,
      sansResultat: t.recherchesSansResultat.lignes,
      nonResolues: t.recherchesNonResolues.lignes,
    });
    const { couverture_formation: _c, points_labellises: _p, ...deskValues } = figures(byDesk).values;
    const { couverture_formation: _c2, points_labellises: _p2, ...pointValues } = figures(byPoint).values;
    expect(deskValues).toEqual(pointValues);
    expect({ ...figures(byDesk), values: null }).toEqual({ ...figures(byPoint), values: null });
    expect(values(byDesk).contacts).toBe(3);
    expect(byDesk.filtres).toEqual({ ...MARCH, posteId: alloDesk });
    // Another desk, with no entry, counts nothing; and the channel filter still applies within a desk.
    expect(values(await board({ posteId: await desk('Vide', march.fixture.allo) })).contacts).toBe(0);
    expect(values(await board({ posteId: alloDesk, canal: 'courriel' })).contacts).toBe(0);
  });

  it('adds the whole months and the edge days of a long range', async () => {
    // 15 January – 31 March: 15 (28 January, with « acte »), 11–14, 1–10.
    const t = await board({ du: '2025-01-15', au: '2025-03-31', granularite: 'mois' });
    expect(values(t).contacts).toBe(15);
    expect(t.fiches.lignes.map((l) => [l.ficheId, l.nombre])).toEqual([
      ['passeport', 4],
      ['cni', 3],
      ['acte', 1],
    ]);
    expect(t.volumes.map((p) => p.contacts)).toEqual([1, 4, 10]);
    // 28 January was a Tuesday, 10 February a Monday.
    const cell = (day: number, hour: number) =>
      t.affluence.cellules.find((c) => c.jourSemaine === day && c.heure === hour)?.nombre;
    expect(cell(2, 10)).toBe(2); // 13 and 15
    expect(cell(1, 9)).toBe(4); // 1, 2, 5 and 11
    // No whole month: days only. 15 February – 10 March: 1–5.
    expect(values(await board({ du: '2025-02-15', au: '2025-03-10' })).contacts).toBe(5);
  });

  it('keeps every total after retention folds the entries into daily counts', async () => {
    const before = await board();
    const beforeYear = await board({ du: '2025-01-01', au: '2025-12-31', granularite: 'mois' });
    await writeSetting(march.db, 'journal.retention_mois', 1);
    // 1 June 2025 minus one month: everything before 1 May is folded and deleted.
    expect(await runRetention(march.db, JUNE_2025)).toMatchObject({ aggregated: 16 });
    expect(await march.db.value(sql`SELECT count(*) FROM journal`)).toBe(0);
    const after = await board();
    expect(after.indicateurs).toEqual(before.indicateurs);
    expect(after.volumes).toEqual(before.volumes);
    expect(after.issues).toEqual(before.issues);
    expect(after.motifs).toEqual(before.motifs);
    expect(after.services).toEqual(before.services);
    expect((await board({ du: '2025-01-01', au: '2025-12-31', granularite: 'mois' })).indicateurs).toEqual(
      beforeYear.indicateurs,
    );
    // What only the detailed log had is gone, and said so: the hours, the fiches, the searches.
    expect(after.affluence).toMatchObject({ cellules: [], sansHeure: 10 });
    expect(after.fiches.lignes).toEqual([]);
    expect(after.recherchesSansResultat.lignes).toEqual([]);
  });
});

describe('a period compared like with like', () => {
  it('compares a year so far with the same span of last year, and says it is incomplete', async () => {
    // On 1 June 2025, « Cette année » is 1 January – 1 June 2025.
    const t = await board({ du: '2025-01-01', au: '2025-06-01', granularite: 'mois' });
    expect(t.periode).toEqual({
      incomplete: true,
      precedente: { du: '2024-01-01', au: '2024-06-01' },
      comparaison: 'meme_periode_annee_precedente',
    });
    expect(byCode(t).contacts?.tendance).toMatchObject({ du: '2024-01-01', au: '2024-06-01' });
  });

  it('says a closed period is complete', async () => {
    expect((await board()).periode).toEqual({
      incomplete: false,
      precedente: { du: '2025-02-01', au: '2025-02-28' },
      comparaison: 'mois_precedents',
    });
  });
});

describe('searches cut mid-typing', () => {
  it('are left out of the searches without result', async () => {
    for (const q of ['bonjour, je', 'bonjour, je', 'carte d', 'xylophone'])
      await march.db.run(
        sql`INSERT INTO recherches (horodatage, jour, requete, resultats)
            VALUES ('2025-03-20T09:00:00.000Z', '2025-03-20', ${q}, 0)`,
      );
    const lines = (await board()).recherchesSansResultat.lignes.map((line) => line.requete);
    expect(lines).toContain('xylophone');
    expect(lines).not.toContain('bonjour, je');
    expect(lines).not.toContain('carte d');
  });
});
