// The label's rule applied to a point, agent by agent: who counts, who is trained, and what is missing.
import type { LabelEvaluation } from '../../../../common/label/types';
import { formatDate } from '../../ui/format';
import { coverageText, trainingText } from './labelFormat';

const VERDICT_BADGES = {
  forme: 'badge-open',
  non_forme: 'badge-closed',
  integration: 'badge-warning',
} as const;

/** « Au moins 2 agents formés, et 100 % des agents affectés depuis plus de 3 mois. » */
export function ruleText(evaluation: LabelEvaluation): string {
  const { minimum, proportion, ancienneteMois } = evaluation.regle;
  return (
    `Au moins ${minimum} ${minimum >= 2 ? 'agents formés' : 'agent formé'} à la formation ` +
    `« ${evaluation.typeFormation.libelle} » en cours de validité, et ${proportion} % des agents affectés ` +
    `depuis plus de ${ancienneteMois} mois.` +
    (evaluation.controle
      ? ` Un audit interne terminé depuis moins de ${evaluation.controle.moisMax} mois, sans non-conformité majeure ouverte.`
      : '')
  );
}

/** Met or not, with what is missing; `when` says on which day (« aujourd'hui », « au 3 mars 2026 »). */
export function RuleVerdict({ evaluation, when }: { evaluation: LabelEvaluation; when: string }) {
  return (
    <div
      className={evaluation.respectee ? 'alert alert-success label-rule' : 'alert alert-error label-rule'}
      data-testid="rule-verdict"
      data-respectee={evaluation.respectee}
    >
      <p className="alert-title">
        {evaluation.respectee ? `Règle respectée ${when}` : `Règle non respectée ${when}`} :{' '}
        {coverageText(evaluation.formes, evaluation.total)}.
      </p>
      {evaluation.manques.length > 0 && (
        <ul>
          {evaluation.manques.map((manque) => (
            <li key={manque}>{manque}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function AgentsEvaluation({ evaluation }: { evaluation: LabelEvaluation }) {
  if (evaluation.agents.length === 0)
    return <p data-testid="agents-none">Aucun agent n&apos;est affecté à ce point aujourd&apos;hui.</p>;
  return (
    <div className="table-wrap">
      <table className="label-table" data-testid="agents-table">
        <caption>
          Agents affectés et formation « {evaluation.typeFormation.libelle} » au {formatDate(evaluation.date)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Service</th>
            <th scope="col">Affecté depuis le</th>
            <th scope="col">Compté dans la règle</th>
            <th scope="col">Formation</th>
            <th scope="col">Évaluation</th>
          </tr>
        </thead>
        <tbody>
          {evaluation.agents.map((agent) => (
            <tr key={agent.agentId} data-testid="agent-row" data-verdict={agent.verdict}>
              <th scope="row">
                <a href={`#/agents/${agent.agentId}`}>
                  {agent.prenom} {agent.nom}
                </a>
              </th>
              <td>{agent.service || '—'}</td>
              <td>{formatDate(agent.affecteDepuis)}</td>
              <td>
                {agent.compte
                  ? 'Oui'
                  : `Non : arrivé il y a moins de ${evaluation.regle.ancienneteMois} mois`}
              </td>
              <td>{trainingText(agent.formation)}</td>
              <td>
                <span className={`badge ${VERDICT_BADGES[agent.verdict]}`}>{agent.verdictLibelle}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
