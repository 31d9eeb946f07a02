// Keeping fiches current: the local fiches past their review date or due soon, by responsable, the most late
// first. « Marquer comme vérifiée » moves the date forward and records who checked and when.
import { useState } from 'react';
import type { ReviewGroup, ReviewItem } from '../../../../common/redaction/types';
import { call, toApiError } from '../../api';
import { SelectField } from '../../ui/forms/Field';
import { FormMessage } from '../../ui/forms/FormMessage';
import { sentence } from '../../ui/forms/checkForm';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, plural } from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { formatRoute } from '../../router';
import { reviewLabel } from './redaction-format';
import './redaction.css';

const WINDOWS = [30, 60, 90];

/** The responsables whose fiches are the most late come first. */
function byLateness(groups: readonly ReviewGroup[]): ReviewGroup[] {
  const latest = (group: ReviewGroup) => Math.min(...group.fiches.map((fiche) => fiche.joursRestants));
  return [...groups].sort((a, b) => latest(a) - latest(b));
}

export function RevisionPage() {
  const [withinDays, setWithinDays] = useState(30);
  const [round, setRound] = useState(0);
  const refresh = useIndexStatus().refreshKey;
  const list = useCall(
    'revision.list',
    { withinDays },
    { keepPrevious: true, refresh: `${refresh}#${round}` },
  );
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);

  const verify = async (fiche: ReviewItem) => {
    if (busy) return;
    setBusy(fiche.id);
    setMessage(null);
    try {
      const result = await call('revision.markVerified', { id: fiche.id });
      if (result.status === 'saved') {
        setMessage({
          kind: 'success',
          text: `« ${fiche.titre} » est vérifiée : à revoir le ${formatDate(result.a_revoir)}.`,
        });
        setRound((n) => n + 1);
      } else if (result.status === 'invalid') {
        setMessage({
          kind: 'error',
          text: `« ${fiche.titre} » n'a pas pu être marquée : ${result.problems.map((p) => sentence(p.message)).join(' ')} Corrigez-la dans l'éditeur.`,
        });
      } else {
        setMessage({
          kind: 'error',
          text: `« ${fiche.titre} » a changé ou disparu sur le disque entre-temps : rechargez la page.`,
        });
        setRound((n) => n + 1);
      }
    } catch (error) {
      setMessage({ kind: 'error', text: toApiError(error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <PageMain className="ed-page">
      <h1 ref={heading} tabIndex={-1}>
        Fiches à revoir
      </h1>
      <p>
        Les fiches locales dont la date « à revoir le » est passée ou arrive bientôt, par responsable. Une
        fois la fiche relue, « Marquer comme vérifiée » repousse sa date de relecture et garde qui l&apos;a
        vérifiée.
      </p>
      <form className="ed-filters" onSubmit={(event) => event.preventDefault()} aria-label="Période">
        <SelectField
          id="revision-within"
          label="Échéance"
          value={String(withinDays)}
          onChange={(event) => setWithinDays(Number(event.target.value))}
          options={WINDOWS.map((days) => ({
            value: String(days),
            label: `En retard ou dans les ${days} jours`,
          }))}
        />
      </form>
      <FormMessage kind={message?.kind} testId="revision-message">
        {message?.text}
      </FormMessage>
      {list.status === 'loading' && <Loading label="Chargement des fiches à revoir…" />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' &&
        (list.data.groups.length === 0 ? (
          <p className="alert alert-success" role="status" data-testid="revision-empty">
            Aucune fiche à revoir dans les {list.data.withinDays} jours.
          </p>
        ) : (
          byLateness(list.data.groups).map((group) => {
            const fiches = [...group.fiches].sort((a, b) => a.joursRestants - b.joursRestants);
            const late = fiches.filter((fiche) => fiche.joursRestants < 0).length;
            const headingId = `revision-${group.responsable ?? 'sans'}`.replace(/[^a-zA-Z0-9_-]+/g, '-');
            return (
              <section
                key={group.label}
                className="ed-group"
                aria-labelledby={headingId}
                data-testid="revision-group"
              >
                <h2 id={headingId}>
                  {group.label}{' '}
                  <span className="muted">
                    ({plural(fiches.length, 'fiche')}
                    {late > 0 && `, dont ${late} en retard`})
                  </span>
                </h2>
                <div className="table-wrap">
                  <table className="ed-table ed-review-table">
                    <caption className="visually-hidden">Fiches à revoir : {group.label}</caption>
                    <thead>
                      <tr>
                        <th scope="col">Fiche</th>
                        <th scope="col">À revoir le</th>
                        <th scope="col">Échéance</th>
                        <th scope="col">Dernière vérification</th>
                        <th scope="col">
                          <span className="visually-hidden">Action</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {fiches.map((fiche) => (
                        <tr key={fiche.id} data-testid="revision-row" data-id={fiche.id}>
                          <th scope="row">
                            <a
                              href={formatRoute({ name: 'editeur', kind: 'fiche', id: fiche.id, params: {} })}
                            >
                              {fiche.titre}
                            </a>
                            {fiche.statut === 'brouillon' && (
                              <>
                                {' '}
                                <span className="badge badge-warning">Brouillon</span>
                              </>
                            )}
                          </th>
                          <td>{formatDate(fiche.a_revoir)}</td>
                          <td>
                            <span
                              className={
                                fiche.joursRestants < 0 ? 'badge badge-closed' : 'badge badge-warning'
                              }
                              data-testid="revision-due"
                            >
                              {reviewLabel(fiche.joursRestants)}
                            </span>
                          </td>
                          <td>
                            {fiche.verifie_le ? (
                              `le ${formatDate(fiche.verifie_le)}${fiche.verifie_par ? ` par ${fiche.verifie_par}` : ''}`
                            ) : (
                              <span className="muted">—</span>
                            )}
                          </td>
                          <td>
                            <button
                              type="button"
                              className="button button-small"
                              disabled={busy !== null}
                              onClick={() => void verify(fiche)}
                              aria-label={`Marquer « ${fiche.titre} » comme vérifiée`}
                              data-testid="revision-verify"
                            >
                              Marquer comme vérifiée
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            );
          })
        ))}
    </PageMain>
  );
}
