// One internal audit (#/controles/4). While open, its auditor (or a label manager) fills it in at the point, on
// a laptop or a tablet: each criterion conforme / non conforme / sans objet with a comment, a summary, and the
// graded findings; « Terminer » once every criterion has an answer. Finished, it reads as its report, printable
// (print stylesheet; « Enregistrer en PDF » as the annual review), and a label manager raises corrective
// actions from its findings or lifts them.
import { useState } from 'react';
import type { ControleView, Resultat } from '../../../../common/controles/types';
import { MODE_LABELS, RESULTAT_LABELS } from '../../../../common/controles/types';
import type { ApiError } from '../../api';
import { call, savePageAsPdf, toApiError } from '../../api';
import { ParentLink } from '../../ui/forms/ParentLink';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { ControleStatutBadge } from './ControleBadges';
import { ConstatsSection } from './ConstatsSection';
import { FillForm } from './FillForm';
import '../label/label.css';
import '../../ui/registres.css';
import './controles.css';

function Facts({ view }: { view: ControleView }) {
  return (
    <dl className="facts" data-testid="controle-facts">
      <div className="fact">
        <dt>Point d&apos;accueil</dt>
        <dd>{view.pointNom}</dd>
      </div>
      <div className="fact">
        <dt>Grille</dt>
        <dd>
          {view.grille.nom}, version {view.grille.version}
        </dd>
      </div>
      <div className="fact">
        <dt>Mode</dt>
        <dd>{MODE_LABELS[view.mode]}</dd>
      </div>
      <div className="fact">
        <dt>Auditeur</dt>
        <dd>
          {view.auditeur.prenom} {view.auditeur.nom}
        </dd>
      </div>
      <div className="fact">
        <dt>{view.realiseLe ? 'Réalisé le' : 'Prévu le'}</dt>
        <dd>{formatDate(view.realiseLe ?? view.prevuLe)}</dd>
      </div>
      <div className="fact">
        <dt>État</dt>
        <dd>
          <ControleStatutBadge statut={view.statut} />
        </dd>
      </div>
    </dl>
  );
}

function resultOf(view: ControleView, code: string): { resultat: Resultat | null; commentaire: string } {
  const found = view.reponses.find((r) => r.critere === code);
  return found ? found : { resultat: null, commentaire: '' };
}

/** The finished audit, criterion by criterion, as printed. */
function Report({ view }: { view: ControleView }) {
  const { resultats } = view;
  return (
    <section aria-labelledby="report-title" data-testid="controle-report">
      <h2 id="report-title">Résultats</h2>
      <p data-testid="controle-results">
        {resultats.conforme} critère(s) conforme(s), {resultats.non_conforme} non conforme(s),{' '}
        {resultats.sans_objet} sans objet
        {resultats.sansReponse > 0 ? `, ${resultats.sansReponse} sans réponse` : ''}.
      </p>
      {view.synthese && (
        <>
          <h3>Synthèse</h3>
          <p className="pre-line">{view.synthese}</p>
        </>
      )}
      {view.grille.themes.map((theme) => (
        <div key={theme.libelle} className="table-wrap controle-theme">
          <table className="label-table">
            <caption>{theme.libelle}</caption>
            <thead>
              <tr>
                <th scope="col">Critère</th>
                <th scope="col">Résultat</th>
                <th scope="col">Commentaire</th>
              </tr>
            </thead>
            <tbody>
              {theme.criteres.map((critere) => {
                const { resultat, commentaire } = resultOf(view, critere.code);
                return (
                  <tr key={critere.code} data-testid="report-row" data-resultat={resultat ?? ''}>
                    <th scope="row">{critere.libelle}</th>
                    <td>{resultat ? RESULTAT_LABELS[resultat] : 'Sans réponse'}</td>
                    <td>{commentaire || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  );
}

export function ControlePage({ id }: { id: number }) {
  const state = useCall('controles.get', { id });
  // The latest answer of a change made on this page, over the first load.
  const [changed, setChanged] = useState<ControleView | null>(null);
  const [pdfError, setPdfError] = useState<ApiError | null>(null);
  const [pdfSaved, setPdfSaved] = useState('');
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');

  if (state.status === 'loading')
    return (
      <PageMain className="label-page">
        <Loading label="Chargement de l’audit…" />
      </PageMain>
    );
  if (state.status === 'error')
    return (
      <PageMain className="label-page">
        <h1 ref={heading} tabIndex={-1}>
          Audit interne
        </h1>
        <ErrorMessage error={state.error} />
      </PageMain>
    );
  const view = changed ?? state.data;

  const savePdf = async () => {
    setPdfError(null);
    setPdfSaved('');
    try {
      const path = await savePageAsPdf(`audit-interne-${view.id}`);
      if (path) setPdfSaved(`Rapport enregistré : ${path}`);
    } catch (error) {
      setPdfError(toApiError(error));
    }
  };
  const reload = async () => setChanged(await call('controles.get', { id }));

  return (
    <PageMain className="label-page controle-page">
      <div className="no-print">
        <ParentLink href={view.peutGerer ? '#/controles' : '#/mes-audits'}>
          {view.peutGerer ? 'Audits internes' : 'Mes audits'}
        </ParentLink>
      </div>
      <h1 ref={heading} tabIndex={-1} data-testid="controle-title">
        {view.statut === 'termine' ? 'Rapport d’audit interne' : 'Audit interne'} — {view.pointNom}
      </h1>
      <Facts view={view} />
      {view.motifAnnulation && <p>Annulé : {view.motifAnnulation}</p>}
      {view.peutRemplir ? (
        <FillForm key={`${view.id}-${view.statut}`} view={view} onSaved={setChanged} />
      ) : (
        <>
          {view.statut === 'termine' && (
            <div className="controle-toolbar no-print">
              <button
                type="button"
                className="button"
                onClick={() => void savePdf()}
                data-testid="controle-pdf"
              >
                Enregistrer en PDF
              </button>
              <p role="status">{pdfSaved}</p>
            </div>
          )}
          {pdfError && <ErrorMessage error={pdfError} context="Le PDF n'a pas pu être enregistré." />}
          <Report view={view} />
        </>
      )}
      <ConstatsSection view={view} onChanged={setChanged} reload={reload} />
    </PageMain>
  );
}
