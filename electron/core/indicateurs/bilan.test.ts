// The annual review and the CSV exports on the hand-counted dataset of test-support.ts (marchFixture).
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { annualReview } from './bilan';
import { bilanCsv, tableauCsv } from './csv';
import type { Names } from './tableau';
import { tableau } from './tableau';
import { JUNE_2025, marchFixtureEachTest } from '../../../dev/test-support/indicateurs';
import type { Bilan } from '../../../common/indicateurs/types';

const NAMES: Names = { service: (id) => ({ mairie: 'Mairie de Montrouval' })[id], fiche: () => undefined };
/** 1 February 2026: 2025 is over, its review reads the label and training on 31 December. */
const FEBRUARY_2026 = new Date('2026-02-01T10:00:00Z');

const march = marchFixtureEachTest();

function review(): Promise<Bilan> {
  return annualReview(march.db, 2025, NAMES, FEBRUARY_2026);
}

function rows(csv: string): string[][] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(csv.slice(1), { delimiter: ';', skipEmptyLines: false }).data;
}

describe('bilan.annuel', () => {
  it('counts the year by month, against its objectives and 2024', async () => {
    const bilan = await review();
    expect(bilan).toMatchObject({
      annee: 2025,
      du: '2025-01-01',
      au: '2025-12-31',
      genereLe: FEBRUARY_2026.toISOString(),
    });
    // January: 15; February: 11–14; March: 1–10; April: 16.
    expect(bilan.volumes.map((p) => p.contacts)).toEqual([1, 4, 10, 1, 0, 0, 0, 0, 0, 0, 0, 0]);
    const values = Object.fromEntries(bilan.indicateurs.map((i) => [i.code, i.valeur]));
    // 16 contacts; answered 1, 2, 6, 10, 11, 12, 14 (43.75 %); oriented 3, 4 (12.5 %); unresolved 5, 9, 13,
    // 15, 16 (31.25 %). On 31 December: the Hôtel de ville labelled; agents 1, 2, 4, only 1 still trained.
    expect(values).toEqual({
      contacts: 16,
      taux_premier_niveau: 43.8,
      taux_orientation: 12.5,
      taux_non_resolu: 31.3,
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
    const of = (code: string) => bilan.indicateurs.find((i) => i.code === code);
    // 2024 had no contact; on 31 December 2024 all three points were labelled (the CCAS until 9 January) and
    // agents 1 and 2 of 1, 2, 4 were trained.
    expect(of('contacts')?.tendance).toEqual({
      du: '2024-01-01',
      au: '2024-12-31',
      precedente: 0,
      ecart: 16,
      sens: 'hausse',
    });
    expect(of('taux_premier_niveau')).toMatchObject({
      statut: 'non_atteint',
      tendance: { precedente: null, sens: null },
    });
    expect(of('points_labellises')?.tendance).toMatchObject({ precedente: 3, ecart: -2, sens: 'baisse' });
    expect(of('couverture_formation')?.tendance).toMatchObject({
      precedente: 66.7,
      ecart: -33.4,
      sens: 'baisse',
    });
    expect(bilan.services).toEqual([
      { serviceId: 'ccas', nom: 'ccas', nombre: 1 },
      { serviceId: 'mairie', nom: 'Mairie de Montrouval', nombre: 1 },
    ]);
    expect(bilan.motifs.map((m) => m.nombre)).toEqual([1, 1, 1, 2]);
  });

  it('gives the label register at year end, the year’s decisions, the training and the content gaps', async () => {
    const bilan = await review();
    expect(bilan.label.registre.map((p) => [p.pointId, p.statut, p.expireLe])).toEqual([
      [march.fixture.hotel, 'labellise', '2026-04-30'],
    ]);
    expect(bilan.label.evenements).toEqual([
      {
        id: expect.any(Number),
        pointId: march.fixture.allo,
        nom: 'Allô Mairie',
        action: 'suspendre',
        statut: 'suspendu',
        date: '2025-03-15',
        expireLe: null,
        motif: 'agents non formés',
        decideParNom: 'Gestionnaire de test',
      },
    ]);
    expect(bilan.label.parAction).toEqual([{ action: 'suspendre', nombre: 1 }]);
    // 2025's only session: « accueil » on 3 February, agent 4 present. Every type is listed.
    expect(
      bilan.formation.parType.map((t) => [
        t.code,
        t.sessions,
        t.inscrits,
        t.presents,
        t.absents,
        t.agentsFormes,
      ]),
    ).toEqual([
      ['infocite', 0, 0, 0, 0, 0],
      ['accueil', 1, 0, 1, 0, 1],
      ['posture', 0, 0, 0, 0, 0],
      ['numerique', 0, 0, 0, 0, 0],
      ['handicap', 0, 0, 0, 0, 0],
      ['auditeur_interne', 0, 0, 0, 0, 0],
    ]);
    expect(bilan.formation.sessions).toEqual([
      {
        id: expect.any(Number),
        date: '2025-02-03',
        type: 'accueil',
        libelle: 'Accueil / Services Publics+',
        formateur: 'Formateur de test',
        lieu: 'Salle du conseil',
        presents: 1,
      },
    ]);
    expect(bilan.formation.agentsFormes).toBe(1);
    expect(bilan.formation.couverture).toMatchObject({ jour: '2025-12-31', agents: 3, formes: 1 });
    // « permis de louer » found nothing on 10 and 12 March and 2 April.
    expect(bilan.lacunes.recherchesSansResultat).toEqual([
      { requete: 'permis de louer', nombre: 3 },
      { requete: 'composteur', nombre: 1 },
    ]);
    expect(bilan.lacunes.recherchesNonResolues).toEqual([
      { requete: 'carte grise', nombre: 1 },
      { requete: 'permis de louer', nombre: 1 },
    ]);
    expect(bilan.planAction).toEqual({
      colonnes: ['Constat', 'Action', 'Responsable', 'Échéance', 'Indicateur de suivi'],
      actions: [],
    });
  });

  it('stops a year in progress today and compares it with the same span of the year before', async () => {
    const bilan = await annualReview(march.db, 2025, NAMES, JUNE_2025);
    expect(bilan).toMatchObject({ au: '2025-06-01', complete: false });
    expect(bilan.precedente).toEqual({ du: '2024-01-01', au: '2024-06-01' });
    expect(bilan.indicateurs.find((i) => i.code === 'contacts')?.tendance).toMatchObject({
      du: '2024-01-01',
      au: '2024-06-01',
    });
    expect(bilan.volumes.map((p) => p.cle)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
    ]);
  });

  it('reads the current year’s states today, not on a future 31 December', async () => {
    // On 1 June 2025 agent 2's training (until 30 March) has already expired, agent 3 has left.
    expect((await annualReview(march.db, 2025, NAMES, JUNE_2025)).formation.couverture).toMatchObject({
      jour: '2025-06-01',
      agents: 3,
      formes: 1,
    });
  });
});

describe('CSV exports', () => {
  it('writes a dashboard table with a BOM, semicolons and decimal commas', async () => {
    const t = await tableau(
      march.db,
      { du: '2025-03-01', au: '2025-03-31', granularite: 'semaine' },
      NAMES,
      JUNE_2025,
    );
    const indicateurs = tableauCsv(t, 'indicateurs');
    expect(indicateurs.filename).toBe('indicateurs-indicateurs-2025-03-01-2025-03-31.csv');
    const lines = rows(indicateurs.csv);
    expect(lines[0]).toEqual([
      'Indicateur',
      'Valeur',
      'Unité',
      'Objectif',
      'Statut',
      'Période précédente',
      'Écart',
      'Tendance',
    ]);
    expect(lines[2]).toEqual([
      'Taux de réponse au premier niveau',
      '40',
      '%',
      '≥ 80 % (marge 5)',
      'Non atteint',
      '75',
      '-35',
      'Baisse',
    ]);
    expect(lines.find((line) => line[0] === 'Couverture des agents formés')).toEqual([
      'Couverture des agents formés',
      '33,3',
      '%',
      '≥ 90 % (marge 5)',
      'Non atteint',
      '50',
      '-16,7',
      'Baisse',
    ]);
    expect(rows(tableauCsv(t, 'volumes').csv)[2]).toEqual([
      '2025-03-03',
      '2025-03-03',
      '2025-03-09',
      '4',
      '2',
      '1',
      '1',
      '0',
      '0',
      '0',
    ]);
    expect(rows(tableauCsv(t, 'services').csv).slice(1, 3)).toEqual([
      ['ccas', 'ccas', '1'],
      ['Mairie de Montrouval', 'mairie', '1'],
    ]);
    expect(rows(tableauCsv(t, 'affluence').csv)[1]).toEqual(['lundi', '9 h', '3']);
    expect(rows(tableauCsv(t, 'recherches_sans_resultat').csv)[1]).toEqual(['permis de louer', '2']);
    expect(rows(tableauCsv(t, 'points_labellises').csv)[1]).toEqual([
      'Hôtel de ville',
      'Ville',
      'Accueil physique',
      'Labellisé',
      '2023-05-01',
      '2026-04-30',
    ]);
    // A text holding the separator or a quote is quoted, never split.
    const quoted = tableauCsv(
      { ...t, fiches: { note: '', lignes: [{ ficheId: 'x', titre: 'Carte; "grise"', nombre: 1 }] } },
      'fiches',
    );
    expect(rows(quoted.csv)[1]).toEqual(['Carte; "grise"', 'x', '1']);
  });

  it('writes the annual review section by section', async () => {
    const file = bilanCsv(await review());
    expect(file.filename).toBe('bilan-annuel-2025.csv');
    const lines = rows(file.csv);
    const section = (title: string) => lines.findIndex((line) => line[0] === title);
    expect(lines[0]).toEqual(['Période']);
    expect(lines[2]).toEqual(['Année complète, du 1er janvier au 31 décembre 2025.']);
    const volumes = section('Volumes par mois (2025)');
    expect(lines[volumes + 3]).toEqual(['2025-02', '4', '3', '0', '0', '0', '0', '1']);
    const register = section('Registre du label au 31 décembre 2025');
    expect(lines[register + 2]).toEqual([
      'Hôtel de ville',
      'Ville',
      'Accueil physique',
      'Labellisé',
      '2023-05-01',
      '2026-04-30',
    ]);
    const decisions = section('Décisions de label en 2025');
    expect(lines[decisions + 2]).toEqual([
      '2025-03-15',
      'Allô Mairie',
      'Suspendre le label',
      'Suspendu',
      '',
      'agents non formés',
      'Gestionnaire de test',
    ]);
    const gaps = section('Recherches sans résultat');
    expect(lines[gaps + 2]).toEqual(['permis de louer', '3']);
    const plan = section('Plan d’action');
    expect(lines[plan + 1]).toEqual(['Constat', 'Action', 'Responsable', 'Échéance', 'Indicateur de suivi']);
  });
});
