// The public register: the points whose label is in force today, as rows and as a CSV file for Excel.
import { oneLineAddress } from '../address';
import { csvFile, csvTable } from '../csv';
import { parisDay } from '../../../common/dates';
import type { Db } from '../store/db';
import { latestGrantDates } from './events';
import { isLabelled } from './lifecycle';
import { pointStates } from './label-points';
import type { RegisterRow } from '../../../common/label/types';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../common/points/methods';

/** Labelled or renewed points, not expired (a suspended label is not in force); Ville, Métropole, CCAS, other. */
export async function labelRegister(db: Db, now: Date): Promise<RegisterRow[]> {
  const grants = await latestGrantDates(db);
  const rows: RegisterRow[] = [];
  for (const { point, statut, expireLe } of await pointStates(db, now)) {
    if (!isLabelled(statut) || expireLe === null) continue;
    rows.push({
      pointId: point.id,
      entite: point.entite,
      nom: point.nom,
      type: point.type,
      adresse: oneLineAddress(point),
      horaires: point.horaires,
      // A label in force has at least one labelled event, so a grant date.
      labelliseLe: grants.get(point.id) ?? '',
      expireLe,
    });
  }
  const order = Object.keys(ENTITE_NAMES);
  return rows.sort(
    (a, b) => order.indexOf(a.entite) - order.indexOf(b.entite) || a.nom.localeCompare(b.nom, 'fr'),
  );
}

/** « 2026-11-23 » → « 23/11/2026 », the form Excel reads as a date in French. */
function excelDate(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}

export async function registerCsv(db: Db, now: Date): Promise<{ filename: string; csv: string }> {
  const rows = (await labelRegister(db, now)).map((row) => ({
    Entité: ENTITE_NAMES[row.entite],
    Nom: row.nom,
    Type: TYPE_NAMES[row.type],
    Adresse: row.adresse,
    Horaires: row.horaires,
    'Labellisé le': excelDate(row.labelliseLe),
    'Expire le': excelDate(row.expireLe),
  }));
  const csv = csvTable(
    ['Entité', 'Nom', 'Type', 'Adresse', 'Horaires', 'Labellisé le', 'Expire le'],
    rows.map((row) => Object.values(row)),
  );
  return { filename: `registre-label-infocite-${parisDay(now)}.csv`, csv: csvFile(csv) };
}
