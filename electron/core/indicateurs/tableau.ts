// The dashboard (indicateurs.tableau): every figure of a period under the filters, each indicator against its
// objective and against the previous period of the same length.
import { parisDay } from '../../../common/dates';
import type { Issue } from '../../../common/journal/codes';
import { ISSUE_LABELS, ISSUES, MOTIF_LABELS, MOTIFS } from '../../../common/journal/codes';
import type { Db } from '../store/db';
import { coverage, rate } from './coverage';
import {
  affluence,
  emptySearches,
  ficheCounts,
  FICHES_NOTE,
  RECHERCHES_CANAL_NOTE,
  RECHERCHES_NOTE,
  unresolvedSearches,
} from './detail';
import { labelledPoints } from './labelled-points';
import { qualiteOf } from './qualite';
import type { ReclamationCounts } from '../reclamations/counts';
import { reclamationCounts } from '../reclamations/counts';
import type { SatisfactionCounts } from '../satisfaction/counts';
import { satisfactionCounts } from '../satisfaction/counts';
import { satisfactionRates } from '../../../common/satisfaction/codes';
import { indicator, listObjectives } from './objectifs';
import type { OutcomeCounts } from './outcomes';
import { orientationCounts, outcomeCounts, zeroByIssue } from './outcomes';
import { comparisonRange, isIncomplete, periodsOf } from '../../../common/indicateurs/periods';
import type {
  Couverture,
  Filtres,
  Indicateur,
  LigneIssue,
  LigneMotif,
  LigneService,
  Periode,
  PointLabellise,
  Tableau,
} from '../../../common/indicateurs/types';
import type { Granularite, IndicateurCode } from '../../../common/indicateurs/codes';
import { INDICATEURS } from '../../../common/indicateurs/codes';

/** Names from the knowledge base; an id it no longer knows is shown as is. */
export interface Names {
  service(id: string): string | undefined;
  fiche(id: string): string | undefined;
}

export const NO_NAMES: Names = { service: () => undefined, fiche: () => undefined };

export interface TableauRequest extends Filtres {
  granularite: Granularite;
  /** Rows of the ranked tables (fiches, searches); 20 by default. */
  limite?: number;
}

export const DEFAULT_LIMIT = 20;

/** What the indicators are computed from, for one period. */
export interface Measure {
  counts: OutcomeCounts;
  labelled: PointLabellise[];
  coverage: Couverture;
  satisfaction: SatisfactionCounts;
  reclamations: ReclamationCounts;
}

/**
 * The label and the training are states, not counts: read at the end of the period, or today when the period
 * runs into the future (tomorrow's assignments are not known yet).
 */
export function stateDay(au: string, now: Date): string {
  const today = parisDay(now);
  return au < today ? au : today;
}

export async function measure(
  db: Db,
  filtres: Filtres,
  granularite: Granularite,
  now: Date,
): Promise<Measure> {
  const day = stateDay(filtres.au, now);
  const points = { entite: filtres.entite, pointId: filtres.pointId };
  return {
    counts: await outcomeCounts(db, filtres, granularite),
    labelled: await labelledPoints(db, day, points),
    coverage: await coverage(db, day, points),
    satisfaction: await satisfactionCounts(db, filtres),
    reclamations: await reclamationCounts(db, filtres, day),
  };
}

export function valuesOf(m: Measure): Record<IndicateurCode, number | null> {
  const { contacts, parIssue, dureeTotaleS, dureeNombre } = m.counts;
  const percent = (part: number): number | null => (contacts === 0 ? null : (part / contacts) * 100);
  const satisfaction = satisfactionRates(m.satisfaction.parNote);
  const { repondues, dansLesDelais } = m.reclamations;
  return {
    contacts,
    taux_premier_niveau: percent(parIssue.repondu),
    taux_orientation: percent(parIssue.oriente_fiche + parIssue.oriente_autre),
    taux_non_resolu: percent(parIssue.non_resolu),
    rendez_vous: parIssue.rendez_vous,
    transmis: parIssue.transmis,
    duree_moyenne: dureeNombre === 0 ? null : dureeTotaleS / dureeNombre,
    points_labellises: m.labelled.length,
    couverture_formation: m.coverage.agents === 0 ? null : (m.coverage.formes / m.coverage.agents) * 100,
    taux_satisfaction: satisfaction.taux,
    satisfaction_nette: satisfaction.nette,
    taux_delais_reclamations: repondues === 0 ? null : (dansLesDelais / repondues) * 100,
  };
}

/** Every indicator of `current` against its objective, with `previous` as its trend. */
export async function indicatorsOf(
  db: Db,
  current: Measure,
  previous: Measure,
  previousPeriod: { du: string; au: string },
): Promise<Indicateur[]> {
  const objectives = await listObjectives(db);
  const now = valuesOf(current);
  const before = valuesOf(previous);
  return INDICATEURS.map((code) => indicator(code, now[code], before[code], previousPeriod, objectives));
}

export function issueLines(counts: OutcomeCounts): LigneIssue[] {
  return ISSUES.map((issue) => ({
    issue,
    libelle: ISSUE_LABELS[issue],
    nombre: counts.parIssue[issue],
    taux: rate(counts.parIssue[issue], counts.contacts),
  }));
}

export function motifLines(counts: OutcomeCounts): LigneMotif[] {
  return MOTIFS.map((motif) => ({
    motif,
    libelle: MOTIF_LABELS[motif],
    nombre: counts.parMotif[motif],
    taux: rate(counts.parMotif[motif], counts.parIssue.non_resolu),
  }));
}

export function volumesOf(counts: OutcomeCounts, filtres: Filtres, granularite: Granularite): Periode[] {
  return periodsOf(filtres.du, filtres.au, granularite).map((period) => {
    const parIssue: Record<Issue, number> = { ...(counts.parPeriode.get(period.cle) ?? zeroByIssue()) };
    const contacts = ISSUES.reduce((sum, issue) => sum + parIssue[issue], 0);
    return { ...period, contacts, parIssue };
  });
}

export async function serviceLines(db: Db, filtres: Filtres, names: Names): Promise<LigneService[]> {
  return (await orientationCounts(db, filtres)).map((row) => ({
    ...row,
    nom: names.service(row.serviceId) ?? row.serviceId,
  }));
}

/** Only the filters that were given, so the answer echoes the request. */
function cleanFilters(request: TableauRequest): Tableau['filtres'] {
  const { du, au, entite, pointId, posteId, canal, granularite } = request;
  return {
    du,
    au,
    granularite,
    ...(entite !== undefined && { entite }),
    ...(pointId !== undefined && { pointId }),
    ...(posteId !== undefined && { posteId }),
    ...(canal !== undefined && { canal }),
  };
}

export async function tableau(db: Db, request: TableauRequest, names: Names, now: Date): Promise<Tableau> {
  const filtres = cleanFilters(request);
  const limite = request.limite ?? DEFAULT_LIMIT;
  const { comparaison, ...previousDays } = comparisonRange(filtres.du, filtres.au);
  const before = { ...filtres, ...previousDays };
  const current = await measure(db, filtres, filtres.granularite, now);
  const previous = await measure(db, before, 'mois', now);
  const searchNote = RECHERCHES_NOTE + (filtres.canal === undefined ? '' : RECHERCHES_CANAL_NOTE);
  return {
    filtres,
    periode: {
      incomplete: isIncomplete(filtres.au, parisDay(now)),
      precedente: previousDays,
      comparaison,
    },
    indicateurs: await indicatorsOf(db, current, previous, { du: before.du, au: before.au }),
    volumes: volumesOf(current.counts, filtres, filtres.granularite),
    issues: issueLines(current.counts),
    motifs: motifLines(current.counts),
    services: await serviceLines(db, filtres, names),
    affluence: await affluence(db, filtres, current.counts.contacts),
    fiches: {
      note: FICHES_NOTE,
      lignes: (await ficheCounts(db, filtres, limite)).map((row) => ({
        ...row,
        titre: names.fiche(row.ficheId) ?? row.ficheId,
      })),
    },
    recherchesSansResultat: { note: searchNote, lignes: await emptySearches(db, filtres, limite) },
    recherchesNonResolues: { note: RECHERCHES_NOTE, lignes: await unresolvedSearches(db, filtres, limite) },
    pointsLabellises: current.labelled,
    couverture: current.coverage,
    qualite: qualiteOf(current.satisfaction, current.reclamations),
  };
}
