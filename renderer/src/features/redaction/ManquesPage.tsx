// What agents could not find: the searches with no result and the contacts that ended « non résolu », grouped by
// similar query and counted, each turned in one click into a draft fiche, a keyword of a fiche or a synonym; and
// the fiches agents flagged as not useful, with their reasons. The period lives in the URL (#/manques?du=…&au=…).
import type { FormEvent } from 'react';
import { useState } from 'react';
import { addMonthsToDay } from '../../../../common/dates';
import type { BacklogFiche } from '../../../../common/redaction/types';
import type { BacklogGroup, ManqueStatut } from '../../../../common/redaction/manques';
import { MANQUE_STATUT_LABELS, MANQUE_STATUTS } from '../../../../common/redaction/manques';
import type { FeedbackMotif } from '../../../../common/redaction/codes';
import { FEEDBACK_MOTIF_LABELS } from '../../../../common/redaction/codes';
import { call, toApiError } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, isoDay, plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { formatRoute } from '../../router';
import { withParam } from './redaction-format';
import { complementHref } from './NationalView';
import { searchFiches } from './pickers';
import { SearchPicker } from './SearchPicker';
import { hasRole, useSession } from '../auth/session';
import './redaction.css';

type Panel = 'keyword' | 'synonym' | null;
type Outcome = { kind: 'success' | 'error'; text: string } | null;

function slugOf(cle: string): string {
  return cle.replace(/[^a-zA-Z0-9_-]+/g, '-') || 'vide';
}

const STATUT_OPTIONS = MANQUE_STATUTS.map((statut) => ({
  value: statut,
  label: MANQUE_STATUT_LABELS[statut],
}));

function QueryGroup({ group }: { group: BacklogGroup }) {
  // A label manager may follow a gap as a corrective action (actions.* are theirs: the core checks).
  const { info } = useSession();
  const manager = hasRole(info, 'gestionnaire');
  const query = group.exemples[0] ?? group.cle;
  const [statut, setStatut] = useState<ManqueStatut>(group.statut);
  const [panel, setPanel] = useState<Panel>(null);
  const [expression, setExpression] = useState('');
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const id = `manque-${slugOf(group.cle)}`;

  const run = async (action: () => Promise<string | void>) => {
    if (busy) return;
    setBusy(true);
    setOutcome(null);
    try {
      const text = await action();
      if (text) setOutcome({ kind: 'success', text });
    } catch (error) {
      setOutcome({ kind: 'error', text: toApiError(error).message });
    } finally {
      setBusy(false);
    }
  };

  const createDraft = () =>
    run(async () => {
      const draft = await call('manques.createDraft', { query });
      navigate({ name: 'editeur', kind: 'fiche', id: draft.id, params: {} });
    });

  const addKeyword = (ficheId: string, titre: string) =>
    run(async () => {
      await call('manques.addKeyword', { ficheId, query });
      setPanel(null);
      return `« ${query} » est maintenant un mot-clé de la fiche « ${titre} ».`;
    });

  const addSynonym = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(async () => {
      const answer = await call('manques.addSynonym', { query, expression });
      setPanel(null);
      setExpression('');
      return `Synonymes enregistrés : ${answer.groupe.join(', ')}.`;
    });
  };

  const changeStatus = (next: ManqueStatut) => {
    const previous = statut;
    setStatut(next);
    void run(async () => {
      try {
        await call('manques.setStatus', { cle: group.cle, statut: next });
      } catch (error) {
        setStatut(previous);
        throw error;
      }
      return `Statut : ${MANQUE_STATUT_LABELS[next].toLowerCase()}.`;
    });
  };

  const toggle = (next: Panel) => {
    setOutcome(null);
    setPanel((current) => (current === next ? null : next));
  };

  return (
    <li className="card" data-testid="manque-group" data-cle={group.cle} data-statut={statut}>
      <h3 id={`${id}-title`}>« {query} »</h3>
      <div className="manque-statut">
        <SelectField
          id={`${id}-statut`}
          label="Statut"
          options={STATUT_OPTIONS}
          value={statut}
          disabled={busy}
          onChange={(event) => changeStatus(event.target.value as ManqueStatut)}
          data-testid="manque-statut"
        />
      </div>
      {group.trouveMaintenant && (
        <p className="alert alert-info" data-testid="manque-trouve">
          Trouve maintenant :{' '}
          <a href={formatRoute({ name: 'fiche', id: group.trouveMaintenant.ficheId })}>
            {group.trouveMaintenant.titre}
          </a>
        </p>
      )}
      {group.exemples.length > 1 && (
        <p>
          Aussi tapé :{' '}
          <span data-testid="manque-exemples">
            {group.exemples
              .slice(1)
              .map((e) => `« ${e} »`)
              .join(', ')}
          </span>
        </p>
      )}
      <p data-testid="manque-counts">
        {plural(group.total, 'fois', 'fois')} : {plural(group.sansResultat, 'recherche')} sans résultat,{' '}
        {plural(group.nonResolu, 'contact')} non résolu{group.nonResolu >= 2 ? 's' : ''} ; dernière le{' '}
        {formatDate(group.derniere.slice(0, 10))}
      </p>
      <div className="ed-actions">
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void createDraft()}
          data-testid="manque-draft"
          aria-describedby={`${id}-title`}
        >
          Créer un brouillon
        </button>
        <button
          type="button"
          className="button button-small button-outline"
          aria-expanded={panel === 'keyword'}
          aria-describedby={`${id}-title`}
          onClick={() => toggle('keyword')}
          data-testid="manque-keyword"
        >
          Ajouter comme mot-clé d&apos;une fiche
        </button>
        <button
          type="button"
          className="button button-small button-outline"
          aria-expanded={panel === 'synonym'}
          aria-describedby={`${id}-title`}
          onClick={() => toggle('synonym')}
          data-testid="manque-synonym"
        >
          Ajouter comme synonyme de…
        </button>
        {manager && (
          <a
            className="button button-small button-outline"
            href={formatRoute({
              name: 'action',
              id: null,
              params: { origine: 'manque', origineId: group.cle, quoi: `Compléter la base : « ${query} »` },
            })}
            aria-describedby={`${id}-title`}
            data-testid="manque-action"
          >
            Suivre comme action corrective
          </a>
        )}
      </div>
      {panel === 'keyword' && (
        <div className="ed-inline-panel">
          <SearchPicker
            id={`${id}-fiche`}
            label={`Fiche locale qui recevra le mot-clé « ${query} »`}
            hint="Une fiche nationale ne se modifie pas : ajoutez plutôt un synonyme."
            search={(q) => searchFiches(q, true)}
            actionLabel={(option) => `Ajouter « ${query} » aux mots-clés de ${option.label}`}
            onPick={(option) => void addKeyword(option.id, option.label)}
          />
        </div>
      )}
      {panel === 'synonym' && (
        <form className="ed-inline-panel" onSubmit={addSynonym} noValidate>
          <TextField
            id={`${id}-expression`}
            label={`Expression équivalente à « ${query} »`}
            hint="Un mot déjà connu de la base (par exemple « carte d'identité ») : la recherche trouvera les mêmes fiches."
            value={expression}
            onChange={(event) => setExpression(event.target.value)}
            autoComplete="off"
          />
          <button
            type="submit"
            className="button button-small"
            disabled={busy}
            data-testid="manque-synonym-save"
          >
            Ajouter le synonyme
          </button>
        </form>
      )}
      {outcome && (
        <p
          className={outcome.kind === 'success' ? 'alert alert-success' : 'alert alert-error'}
          role={outcome.kind === 'success' ? 'status' : 'alert'}
          data-testid="manque-outcome"
        >
          {outcome.text}
        </p>
      )}
    </li>
  );
}

function motifs(fiche: BacklogFiche): string {
  return (Object.entries(fiche.motifs) as Array<[FeedbackMotif, number]>)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([motif, count]) => `${FEEDBACK_MOTIF_LABELS[motif]} (${count})`)
    .join(', ');
}

function FichesNotUseful({ fiches }: { fiches: readonly BacklogFiche[] }) {
  if (fiches.length === 0)
    return <p className="muted">Aucune fiche signalée comme peu utile sur la période.</p>;
  return (
    <div className="table-wrap">
      <table className="ed-table" data-testid="manques-fiches">
        <caption className="visually-hidden">
          Fiches jugées peu utiles par les agents, avec leurs raisons
        </caption>
        <thead>
          <tr>
            <th scope="col">Fiche</th>
            <th scope="col">Pas utile</th>
            <th scope="col">Utile</th>
            <th scope="col">Raisons</th>
            <th scope="col">
              <span className="visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {fiches.map((fiche) => (
            <tr key={fiche.ficheId} data-testid="manque-fiche">
              <th scope="row">
                {fiche.origine === null ? (
                  fiche.titre
                ) : (
                  <a href={formatRoute({ name: 'fiche', id: fiche.ficheId })}>{fiche.titre}</a>
                )}
                {fiche.origine === 'national' && <span className="muted"> (nationale)</span>}
              </th>
              <td>{fiche.nonUtile}</td>
              <td>{fiche.utile}</td>
              <td>{motifs(fiche) || <span className="muted">—</span>}</td>
              <td>
                {fiche.origine === 'local' && (
                  <a href={formatRoute({ name: 'editeur', kind: 'fiche', id: fiche.ficheId, params: {} })}>
                    Modifier<span className="visually-hidden"> {fiche.titre}</span>
                  </a>
                )}
                {fiche.origine === 'national' && (
                  <a href={complementHref(fiche.ficheId, fiche.titre)}>
                    Ajouter un complément<span className="visually-hidden"> à {fiche.titre}</span>
                  </a>
                )}
                {fiche.origine === null && <span className="muted">Fiche supprimée</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ManquesPage({ params }: { params: Params }) {
  const du = params.du;
  const au = params.au;
  const statut = MANQUE_STATUTS.find((value) => value === params.statut);
  const page = params.page !== undefined && /^[1-9]\d{0,3}$/.test(params.page) ? Number(params.page) : 1;
  const backlog = useCall(
    'manques.list',
    { du, au, ...(statut ? { statut } : {}), page },
    { keepPrevious: true },
  );
  const toPage = (next: number) =>
    navigate(
      { name: 'manques', params: withParam(params, 'page', next === 1 ? '' : String(next)) },
      { replace: true },
    );
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const today = isoDay(new Date());
  // A new filter starts again at the first page.
  const setParam = (key: string, value: string) =>
    navigate(
      { name: 'manques', params: withParam(withParam(params, 'page', ''), key, value) },
      { replace: true },
    );
  const period = (from: string | undefined) =>
    navigate({ name: 'manques', params: from ? { du: from, au: today } : {} }, { replace: true });

  return (
    <PageMain className="ed-page">
      <h1 ref={heading} tabIndex={-1}>
        Ce que les agents n’ont pas trouvé
      </h1>
      <form className="ed-filters" aria-label="Période" onSubmit={(event) => event.preventDefault()}>
        <TextField
          id="manques-du"
          label="Du"
          type="date"
          value={du ?? ''}
          onChange={(event) => setParam('du', event.target.value)}
        />
        <TextField
          id="manques-au"
          label="Au"
          type="date"
          value={au ?? ''}
          onChange={(event) => setParam('au', event.target.value)}
        />
        <div className="ed-presets">
          <button type="button" className="link-button" onClick={() => period(addMonthsToDay(today, -1))}>
            Le dernier mois
          </button>
          <button type="button" className="link-button" onClick={() => period(addMonthsToDay(today, -3))}>
            Les trois derniers mois
          </button>
          <button type="button" className="link-button" onClick={() => period(undefined)}>
            Toute la période
          </button>
        </div>
      </form>
      {backlog.status === 'loading' && <Loading label="Chargement…" />}
      {backlog.status === 'error' && <ErrorMessage error={backlog.error} />}
      {backlog.status === 'ok' && (
        <>
          <section aria-labelledby="manques-requetes">
            <h2 id="manques-requetes">Recherches restées sans réponse</h2>
            <div className="ed-filters">
              <SelectField
                id="manques-statut"
                label="Statut"
                placeholder="Tous"
                options={MANQUE_STATUTS.map((value) => ({
                  value,
                  label: `${MANQUE_STATUT_LABELS[value]} (${backlog.data.parStatut[value]})`,
                }))}
                value={statut ?? ''}
                onChange={(event) => setParam('statut', event.target.value)}
                data-testid="manques-filtre-statut"
              />
            </div>
            <p role="status" data-testid="manques-count">
              {backlog.data.total === 0
                ? 'Aucune recherche restée sans réponse sur la période.'
                : `${plural(backlog.data.total, 'recherche différente', 'recherches différentes')}, regroupées quand elles disent la même chose (accents, pluriels et ordre des mots ignorés). Les recherches interrompues en cours de frappe ne sont pas comptées.`}
            </p>
            {backlog.data.requetes.length > 0 && (
              <ul className="ed-cards" data-testid="manques-requetes">
                {backlog.data.requetes.map((group) => (
                  <QueryGroup key={`${group.cle}-${group.statut}`} group={group} />
                ))}
              </ul>
            )}
            {backlog.data.pages > 1 && (
              <nav className="ed-actions" aria-label="Pages des recherches" data-testid="manques-pages">
                <button
                  type="button"
                  className="button button-small button-outline"
                  disabled={backlog.data.page <= 1}
                  onClick={() => toPage(backlog.data.page - 1)}
                  data-testid="manques-precedent"
                >
                  Précédent
                </button>
                <span data-testid="manques-page">
                  Page {backlog.data.page} sur {backlog.data.pages}
                </span>
                <button
                  type="button"
                  className="button button-small button-outline"
                  disabled={backlog.data.page >= backlog.data.pages}
                  onClick={() => toPage(backlog.data.page + 1)}
                  data-testid="manques-suivant"
                >
                  Suivant
                </button>
              </nav>
            )}
          </section>
          <section aria-labelledby="manques-fiches-title">
            <h2 id="manques-fiches-title">Fiches jugées peu utiles</h2>
            <FichesNotUseful fiches={backlog.data.fiches.filter((fiche) => fiche.nonUtile > 0)} />
          </section>
        </>
      )}
    </PageMain>
  );
}
