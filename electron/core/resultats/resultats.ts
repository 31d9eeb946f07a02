// The published results of a point or of the city: the last twelve months by default, or a calendar year.
// Counts and rates only — nothing here can name a citizen or an agent — so the method is public (the kiosk and
// the city's website may show it without a session).
import { addDaysToDay, addMonthsToDay, parisDay } from '../../../common/dates';
import { yearRange } from '../../../common/indicateurs/periods';
import type { Filtres } from '../../../common/indicateurs/types';
import { PROMESSES_LABEL } from '../../../common/resultats/methods';
import type { ResultatsPublics } from '../../../common/resultats/methods';
import { satisfactionRates, NOTES } from '../../../common/satisfaction/codes';
import { csvFile, csvTable } from '../csv';
import { NotFoundError } from '../errors';
import { rate } from '../indicateurs/coverage';
import { labelledPoints } from '../indicateurs/labelled-points';
import { outcomeCounts } from '../indicateurs/outcomes';
import { reclamationCounts } from '../reclamations/counts';
import { readReclamationSettings } from '../reclamations/settings';
import { satisfactionCounts } from '../satisfaction/counts';
import { sql, type Db } from '../store/db';

export const VILLE = 'Ensemble de la ville';

export async function publicResults(
  db: Db,
  input: { annee?: number; pointId?: number },
  now: Date,
): Promise<ResultatsPublics> {
  const today = parisDay(now);
  const range =
    input.annee === undefined
      ? { du: addDaysToDay(addMonthsToDay(today, -12), 1), au: today, complete: false }
      : yearRange(input.annee, today);
  const enCours = input.annee === undefined || !range.complete;
  let nom = VILLE;
  if (input.pointId !== undefined) {
    const point = await db.value<string>(sql`SELECT nom FROM points WHERE id = ${input.pointId}`);
    if (point === undefined) throw new NotFoundError('Ce point d’accueil n’existe pas.');
    nom = point;
  }
  const filtres: Filtres = {
    du: range.du,
    au: range.au,
    ...(input.pointId !== undefined && { pointId: input.pointId }),
  };
  const contacts = await outcomeCounts(db, filtres, 'mois');
  const notes = (await satisfactionCounts(db, filtres)).parNote;
  const rates = satisfactionRates(notes);
  const reclamations = await reclamationCounts(db, filtres, range.au);
  const labelled = await labelledPoints(db, range.au, filtres);
  const points = await db.all<{ id: number; nom: string }>(
    sql`SELECT id, nom FROM points WHERE ouvert = 1 ORDER BY lower(nom)`,
  );
  const delais = (await readReclamationSettings(db)).delais;
  const tenth = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    perimetre: { pointId: input.pointId ?? null, nom },
    du: range.du,
    au: range.au,
    enCours,
    genereLe: now.toISOString(),
    satisfaction: {
      reponses: NOTES.reduce((sum, note) => sum + notes[note], 0),
      taux: tenth(rates.taux),
      nette: tenth(rates.nette),
    },
    reclamations: {
      recues: reclamations.recues.reclamation + reclamations.recues.suggestion,
      repondues: reclamations.repondues,
      dansLesDelais: reclamations.dansLesDelais,
      tauxDelaisTenus: rate(reclamations.dansLesDelais, reclamations.repondues),
      delais,
    },
    accueil: {
      contacts: contacts.contacts,
      tauxPremierNiveau: rate(contacts.parIssue.repondu, contacts.contacts),
    },
    label: {
      labellise: input.pointId === undefined ? null : labelled.length > 0,
      pointsLabellises: labelled.length,
      pointsOuverts: input.pointId === undefined ? points.length : 1,
      promesses: PROMESSES_LABEL,
    },
    points,
  };
}

const percent = (value: number | null) => (value === null ? '' : String(value).replace('.', ','));

/** The same figures as a spreadsheet opens them: one line per figure. */
export function publicResultsCsv(r: ResultatsPublics): { filename: string; csv: string } {
  const rows: string[][] = [
    ['Taux de satisfaction (%)', percent(r.satisfaction.taux)],
    ['Satisfaction nette (points)', percent(r.satisfaction.nette)],
    ['Avis recueillis', String(r.satisfaction.reponses)],
    ['Réclamations et suggestions reçues', String(r.reclamations.recues)],
    ['Réponses dans le délai annoncé (%)', percent(r.reclamations.tauxDelaisTenus)],
    ['Délai annoncé pour une réclamation (jours)', String(r.reclamations.delais.reclamation)],
    ['Contacts', String(r.accueil.contacts)],
    ['Réponses au premier contact (%)', percent(r.accueil.tauxPremierNiveau)],
    [
      'Label',
      r.label.labellise === null
        ? `${r.label.pointsLabellises} points labellisés sur ${r.label.pointsOuverts}`
        : r.label.labellise
          ? 'labellisé'
          : 'non labellisé',
    ],
  ];
  const body = csvTable(['Indicateur', `${r.perimetre.nom} du ${r.du} au ${r.au}`], rows);
  const who = r.perimetre.pointId === null ? 'ville' : `point-${r.perimetre.pointId}`;
  return { filename: `resultats-${who}-${r.du}-${r.au}.csv`, csv: csvFile(body) };
}
