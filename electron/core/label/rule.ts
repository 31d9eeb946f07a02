// The label's rule, applied to the agents of one point on one day. Pure: the data comes from label-rule-data.ts,
// so the rule is tested without a database and the lists (points, what needs action) evaluate many points from
// two queries.
import type { Attended } from '../formations/training-validity';
import { isValidOn, latestAttended, validUntil } from '../formations/training-validity';
import { addMonthsToDay } from '../../../common/dates';
import { frenchDate } from '../../../common/french-date';
import type {
  AgentEvaluation,
  LabelEvaluation,
  LabelSettings,
  RuleTraining,
} from '../../../common/label/types';

/** An agent assigned to the point on the day, with every session of the counted type they attended. */
export interface AssignedAgent {
  agentId: number;
  nom: string;
  prenom: string;
  service: string;
  affecteDepuis: string;
  trainings: Attended[];
}

export function trainingState(trainings: readonly Attended[], day: string): RuleTraining {
  const latest = latestAttended(trainings, day);
  if (!latest) return { etat: 'jamais', date: null, valideJusquau: null };
  return {
    etat: isValidOn(latest, day) ? 'valide' : 'expiree',
    date: latest.date,
    valideJusquau: validUntil(latest),
  };
}

function months(count: number): string {
  return `${count} mois`;
}

function fullName(agent: { prenom: string; nom: string }): string {
  return `${agent.prenom} ${agent.nom}`.trim();
}

/** « Jean Dupont (jamais formé) », « Paul Martin (formation expirée depuis le 12 mars 2025) ». */
function untrainedName(agent: AgentEvaluation): string {
  const { formation } = agent;
  if (formation.etat === 'expiree' && formation.valideJusquau)
    return `${fullName(agent)} (formation expirée, valable jusqu'au ${frenchDate(formation.valideJusquau)})`;
  return `${fullName(agent)} (jamais formé)`;
}

function agentsWord(count: number): string {
  return count >= 2 ? `${count} agents` : `${count} agent`;
}

function evaluateAgent(
  agent: AssignedAgent,
  day: string,
  seniorSince: string,
  ancienneteMois: number,
): AgentEvaluation {
  const formation = trainingState(agent.trainings, day);
  const compte = agent.affecteDepuis <= seniorSince;
  const valid = formation.etat === 'valide';
  const verdict = valid ? 'forme' : compte ? 'non_forme' : 'integration';
  const integration = `en intégration (arrivé il y a moins de ${months(ancienneteMois)})`;
  const verdictLibelle = valid
    ? compte
      ? 'Formé'
      : `Formé, ${integration}`
    : compte
      ? formation.etat === 'expiree'
        ? 'Formation expirée : à former'
        : 'Non formé : à former'
      : `En intégration (arrivé il y a moins de ${months(ancienneteMois)})`;
  return {
    agentId: agent.agentId,
    nom: agent.nom,
    prenom: agent.prenom,
    service: agent.service,
    affecteDepuis: agent.affecteDepuis,
    compte,
    formation,
    verdict,
    verdictLibelle,
  };
}

/**
 * The rule on `day`: among the agents assigned for longer than the seniority threshold, at least `proportion` %
 * hold a valid training of the counted type, and at least `minimum` assigned agents (any seniority) hold one.
 */
export function evaluateRule(
  pointId: number,
  day: string,
  assigned: readonly AssignedAgent[],
  settings: LabelSettings,
  typeLibelle: string,
): LabelEvaluation {
  const { regle } = settings;
  const seniorSince = addMonthsToDay(day, -regle.ancienneteMois);
  const agents = assigned.map((agent) => evaluateAgent(agent, day, seniorSince, regle.ancienneteMois));
  const trained = agents.filter((a) => a.formation.etat === 'valide');
  const seniors = agents.filter((a) => a.compte);
  const seniorsTrained = seniors.filter((a) => a.formation.etat === 'valide');
  // Integers only: 2 of 3 agents against 67 % must not depend on rounding.
  const proportionAtteinte = seniorsTrained.length * 100 >= regle.proportion * seniors.length;
  const minimumAtteint = trained.length >= regle.minimum;

  const manques: string[] = [];
  const formation = `la formation « ${typeLibelle} »`;
  if (!proportionAtteinte) {
    const needed = Math.ceil((regle.proportion * seniors.length) / 100) - seniorsTrained.length;
    const missing = seniors.filter((a) => a.formation.etat !== 'valide').map(untrainedName);
    manques.push(
      `${regle.proportion} % des agents affectés depuis plus de ${months(regle.ancienneteMois)} doivent ` +
        `avoir suivi ${formation} en cours de validité : ${seniorsTrained.length} sur ${seniors.length} ` +
        `l'ont, il en manque ${needed}. Agents non formés : ${missing.join(', ')}.`,
    );
  }
  if (!minimumAtteint) {
    // Agents already named for the proportion are not named twice.
    const named = proportionAtteinte ? [] : seniors;
    const untrained = agents
      .filter((a) => a.formation.etat !== 'valide' && !named.includes(a))
      .map(untrainedName);
    manques.push(
      `Il faut au moins ${agentsWord(regle.minimum)} formés à ${formation} en cours de validité ; ` +
        `le point en compte ${trained.length}` +
        (untrained.length > 0 ? `. Agents affectés non formés : ${untrained.join(', ')}.` : '.'),
    );
  }
  return {
    pointId,
    date: day,
    regle: { ...regle },
    typeFormation: { code: settings.typeFormation, libelle: typeLibelle },
    agents,
    total: agents.length,
    formes: trained.length,
    anciens: seniors.length,
    anciensFormes: seniorsTrained.length,
    proportionAtteinte,
    minimumAtteint,
    respectee: proportionAtteinte && minimumAtteint,
    manques,
  };
}
