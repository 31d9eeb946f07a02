// The annual review's internal audits and corrective actions: the audits of the year with their findings, the
// actions created in the year, those carried over (created before the year and still open when it began — an
// open action is never copied, it is read again each year until it is closed), and what was done.
import type { ControlesBilan } from '../../../common/controles/methods';
import { GRAVITES } from '../../../common/controles/types';
import { isOpenAction, listActions } from '../actions/actions';
import type { Db } from '../store/db';
import { listControles } from './controles';

export async function controlesBilan(db: Db, annee: number, now: Date): Promise<ControlesBilan> {
  const du = `${annee}-01-01`;
  const au = `${annee}-12-31`;
  const controles = (await listControles(db, { annee })).filter((c) => c.statut !== 'annule');
  const constats = Object.fromEntries(GRAVITES.map((g) => [g, 0])) as ControlesBilan['constats'];
  for (const controle of controles)
    if (controle.statut === 'termine') for (const g of GRAVITES) constats[g] += controle.constats[g];
  const all = await listActions(db, {}, now);
  const nouvelles = all.filter((a) => a.creeLe >= du && a.creeLe <= au);
  const reportees = all.filter((a) => a.creeLe < du && (a.closeLe === null || a.closeLe >= du));
  const faites = all.filter(
    (a) => a.statut === 'faite' && a.closeLe !== null && a.closeLe >= du && a.closeLe <= au,
  ).length;
  const ouvertes = [...nouvelles, ...reportees].filter((a) => isOpenAction(a.statut)).length;
  const lignesSuivies = all
    .filter((a) => a.origine === 'bilan' && a.origineId?.startsWith(`${annee}:`))
    .map((a) => Number(a.origineId?.slice(String(annee).length + 1)))
    .filter((n) => Number.isInteger(n) && n >= 0);
  return { annee, controles, constats, nouvelles, reportees, faites, ouvertes, lignesSuivies };
}
