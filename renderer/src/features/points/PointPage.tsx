// One reception point for the label manager: its details, its label, its agents against the rule, its history
// and the decision panel.
import { useState } from 'react';
import type { LabelEvent, LabelPointDetail } from '../../../../common/label/types';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../../common/points/methods';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { DecisionPanel } from '../label/DecisionPanel';
import { OpenBadge, RegulariserBadge, StatutBadge } from '../label/LabelBadges';
import { EVENT_LABELS, coverageText } from '../label/labelFormat';
import { AgentsEvaluation, RuleVerdict, ruleText } from '../label/RuleEvaluation';
import { PointControles } from '../controles/PointControles';

function address(point: LabelPointDetail['point']): string {
  const town = [point.codePostal, point.commune].filter(Boolean).join(' ');
  return [point.voie, point.complement, town].filter(Boolean).join(', ') || '—';
}

function Details({ detail }: { detail: LabelPointDetail }) {
  const { point } = detail;
  return (
    <dl className="facts" data-testid="point-details">
      <div className="fact">
        <dt>Entité</dt>
        <dd>{ENTITE_NAMES[point.entite]}</dd>
      </div>
      <div className="fact">
        <dt>Type d&apos;accueil</dt>
        <dd>{TYPE_NAMES[point.type]}</dd>
      </div>
      <div className="fact">
        <dt>Adresse</dt>
        <dd>{address(point)}</dd>
      </div>
      <div className="fact">
        <dt>Horaires</dt>
        <dd>{point.horaires || '—'}</dd>
      </div>
      <div className="fact">
        <dt>Fiche du service</dt>
        <dd>
          {point.contactId ? (
            <a href={`#/contact/${encodeURIComponent(point.contactId)}`}>Voir la fiche du service</a>
          ) : (
            'Aucune'
          )}
        </dd>
      </div>
      <div className="fact">
        <dt>Accueil</dt>
        <dd>
          <OpenBadge ouvert={point.ouvert} />
        </dd>
      </div>
      <div className="fact fact-wide">
        <dt>Label Info&apos;Cité</dt>
        <dd data-testid="point-label">
          <StatutBadge statut={detail.statut} />{' '}
          {detail.expireLe && (
            <span data-testid="point-expiry">
              {detail.statut === 'expire' ? 'expiré le ' : "valable jusqu'au "}
              {formatDate(detail.expireLe)}
            </span>
          )}{' '}
          {detail.aRegulariser && <RegulariserBadge />}
        </dd>
      </div>
    </dl>
  );
}

function HistoryItem({ event }: { event: LabelEvent }) {
  return (
    <li data-testid="history-item">
      <p className="label-event-head">
        <span>{formatDate(event.date)}</span>
        <span>{EVENT_LABELS[event.action]}</span>
        <StatutBadge statut={event.statut} />
      </p>
      <p>
        Par {event.decideParNom}
        {event.expireLe && (event.action === 'accorder' || event.action === 'renouveler')
          ? `, label valable jusqu'au ${formatDate(event.expireLe)}`
          : ''}
        .
      </p>
      {event.motif && <p>Motif : {event.motif}</p>}
      {event.evaluation && (
        <p className="muted">
          Au moment de la décision : {coverageText(event.evaluation.formes, event.evaluation.total)}.
        </p>
      )}
    </li>
  );
}

function History({ events }: { events: LabelEvent[] }) {
  if (events.length === 0) return <p>Aucune décision n&apos;a encore été prise sur ce point.</p>;
  // The latest decision first: it is the one that says where the point stands.
  return (
    <ol
      className="label-timeline"
      aria-label="Décisions, de la plus récente à la plus ancienne"
      data-testid="history"
    >
      {[...events].reverse().map((event) => (
        <HistoryItem key={event.id} event={event} />
      ))}
    </ol>
  );
}

export function PointPage({ id }: { id: number }) {
  const [version, setVersion] = useState(0);
  const state = useCall('label.point', { id }, { refresh: String(version) });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');

  if (state.status === 'loading')
    return (
      <PageMain className="label-page">
        <Loading label="Chargement du point d'accueil…" />
      </PageMain>
    );
  if (state.status === 'error')
    return (
      <PageMain className="label-page">
        <h1 ref={heading} tabIndex={-1}>
          Point d&apos;accueil
        </h1>
        <ErrorMessage error={state.error} />
        <p>
          <a href="#/points">Retour aux points d&apos;accueil</a>
        </p>
      </PageMain>
    );

  const detail = state.data;
  return (
    <PageMain className="label-page">
      <ParentLink href="#/points">Points d&apos;accueil</ParentLink>
      <div className="label-heading">
        <h1 ref={heading} tabIndex={-1} data-testid="point-title">
          {detail.point.nom}
        </h1>
        <StatutBadge statut={detail.statut} />
      </div>
      <p className="muted">
        Code {detail.point.code} · <a href={`#/points/${detail.point.id}/modifier`}>Modifier le point</a>
      </p>
      <Details detail={detail} />

      <h2>Agents et règle du label</h2>
      <p className="label-summary" data-testid="coverage">
        {coverageText(detail.evaluation.formes, detail.evaluation.total)}
        {detail.evaluation.anciens !== detail.evaluation.total &&
          ` (${detail.evaluation.anciensFormes} sur ${detail.evaluation.anciens} parmi ceux affectés depuis plus de ${detail.evaluation.regle.ancienneteMois} mois)`}
        .
      </p>
      <p className="hint">Règle : {ruleText(detail.evaluation)}</p>
      <RuleVerdict evaluation={detail.evaluation} when="aujourd'hui" />
      <AgentsEvaluation evaluation={detail.evaluation} />

      <DecisionPanel detail={detail} onDecided={() => setVersion((v) => v + 1)} />

      <PointControles pointId={detail.point.id} />

      <h2>Historique du label</h2>
      <History events={detail.historique} />
    </PageMain>
  );
}
