// The annual review (bilan annuel): every figure of a calendar year, the indicators against their objectives and
// the previous year, the label's register and decisions, the training done and the content gaps, with an
// action plan the label manager saves with it (plan.ts).
import { sql, type Db } from '../store/db';
import type { Names } from './tableau';
import { qualiteOf } from './qualite';
import { indicatorsOf, issueLines, measure, motifLines, serviceLines, volumesOf } from './tableau';
import { parisDay } from '../../../common/dates';
import { comparisonRange, yearRange } from '../../../common/indicateurs/periods';
import { getPlan, planRows } from './plan';
import { emptySearches, RECHERCHES_NOTE, unresolvedSearches } from './detail';
import type {
  Bilan,
  EvenementLabel,
  FormationParType,
  SessionBilan,
} from '../../../common/indicateurs/types';

/** How many searches each list of the content gaps shows. */
export const GAP_LIMIT = 50;

export const PLAN_ACTION_COLONNES = ['Constat', 'Action', 'Responsable', 'Échéance', 'Indicateur de suivi'];

async function labelEvents(db: Db, du: string, au: string): Promise<EvenementLabel[]> {
  return db.all<EvenementLabel>(
    sql`SELECT e.id, e.point_id AS "pointId", p.nom, e.action, e.statut, e.date, e.expire_le AS "expireLe",
               e.motif, e.decide_par_nom AS "decideParNom"
        FROM label_evenements e JOIN points p ON p.id = e.point_id
        WHERE e.date BETWEEN ${du} AND ${au} ORDER BY e.date, e.id`,
  );
}

/** Every training type, with the year's sessions and attendance (zeros for a type not taught). */
async function trainingByType(db: Db, du: string, au: string): Promise<FormationParType[]> {
  return db.all<FormationParType>(
    sql`SELECT t.code, t.libelle,
               count(DISTINCT s.id) AS sessions,
               count(pr.agent_id) FILTER (WHERE pr.statut = 'inscrit') AS inscrits,
               count(pr.agent_id) FILTER (WHERE pr.statut = 'present') AS presents,
               count(pr.agent_id) FILTER (WHERE pr.statut = 'absent') AS absents,
               count(DISTINCT pr.agent_id) FILTER (WHERE pr.statut = 'present') AS "agentsFormes"
        FROM types_formation t
        LEFT JOIN sessions_formation s ON s.type = t.code AND s.date BETWEEN ${du} AND ${au}
        LEFT JOIN presences pr ON pr.session_id = s.id
        GROUP BY t.code, t.libelle, t.ordre ORDER BY t.ordre, t.libelle`,
  );
}

async function sessionsOf(db: Db, du: string, au: string): Promise<SessionBilan[]> {
  return db.all<SessionBilan>(
    sql`SELECT s.id, s.date, s.type, t.libelle, s.formateur, s.lieu,
               (SELECT count(*) FROM presences pr WHERE pr.session_id = s.id AND pr.statut = 'present') AS presents
        FROM sessions_formation s JOIN types_formation t ON t.code = s.type
        WHERE s.date BETWEEN ${du} AND ${au} ORDER BY s.date, s.id`,
  );
}

export async function annualReview(db: Db, annee: number, names: Names, now: Date): Promise<Bilan> {
  // A year in progress stops today and compares with the same span of the year before, never with a whole year.
  const { complete, ...filtres } = yearRange(annee, parisDay(now));
  const { du, au } = comparisonRange(filtres.du, filtres.au);
  const before = { du, au };
  const current = await measure(db, filtres, 'mois', now);
  const previous = await measure(db, before, 'mois', now);
  const plan = await getPlan(db, annee);
  const evenements = await labelEvents(db, filtres.du, filtres.au);
  const parAction = new Map<string, number>();
  for (const event of evenements) parAction.set(event.action, (parAction.get(event.action) ?? 0) + 1);
  const agentsFormes =
    (await db.value<number>(
      sql`SELECT count(DISTINCT pr.agent_id) FROM presences pr JOIN sessions_formation s ON s.id = pr.session_id
          WHERE pr.statut = 'present' AND s.date BETWEEN ${filtres.du} AND ${filtres.au}`,
    )) ?? 0;
  return {
    annee,
    ...filtres,
    complete,
    precedente: before,
    genereLe: now.toISOString(),
    volumes: volumesOf(current.counts, filtres, 'mois'),
    indicateurs: await indicatorsOf(db, current, previous, before),
    issues: issueLines(current.counts),
    motifs: motifLines(current.counts),
    services: await serviceLines(db, filtres, names),
    label: {
      registre: current.labelled,
      evenements,
      parAction: [...parAction].map(([action, nombre]) => ({ action, nombre })),
    },
    formation: {
      parType: await trainingByType(db, filtres.du, filtres.au),
      sessions: await sessionsOf(db, filtres.du, filtres.au),
      agentsFormes,
      couverture: current.coverage,
    },
    lacunes: {
      recherchesSansResultat: await emptySearches(db, filtres, GAP_LIMIT),
      recherchesNonResolues: await unresolvedSearches(db, filtres, GAP_LIMIT),
      note: RECHERCHES_NOTE,
    },
    qualite: qualiteOf(current.satisfaction, current.reclamations),
    planAction: { colonnes: PLAN_ACTION_COLONNES, actions: planRows(plan) },
    plan,
  };
}
