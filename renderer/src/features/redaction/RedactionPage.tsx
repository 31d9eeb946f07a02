// The editors' home: the commune's fiches and services, filtered by words, kind and state (the filters live in
// the URL), with what needs attention (drafts, fiches past their review date); and, for a query, the national
// fiches that a local fiche could complete.
import { SelectField, TextField } from '../../ui/forms/Field';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, isoDay, plural } from '../../ui/format';
import { useIndexStatus } from '../../ui/hooks/indexStatus';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { formatRoute } from '../../router';
import { isOverdue, withParam } from './redaction-format';
import { complementHref } from './NationalView';
import './redaction.css';

type KindFilter = 'fiche' | 'contact' | undefined;
type StatutFilter = 'publiee' | 'brouillon' | undefined;

function kindParam(value: string | undefined): KindFilter {
  return value === 'fiche' || value === 'contact' ? value : undefined;
}

function statutParam(value: string | undefined): StatutFilter {
  return value === 'publiee' || value === 'brouillon' ? value : undefined;
}

export function RedactionPage({ params }: { params: Params }) {
  const q = params.q ?? '';
  const kind = kindParam(params.type);
  const statut = statutParam(params.statut);
  const refresh = useIndexStatus().refreshKey;
  const list = useCall(
    'redaction.list',
    { q: q.trim() || undefined, kind, statut },
    { keepPrevious: true, refresh },
  );
  const heading = useFocusHeading<HTMLHeadingElement>(true);
  const today = isoDay(new Date());

  const setParam = (key: string, value: string) =>
    navigate({ name: 'redaction', params: withParam(params, key, value) }, { replace: true });

  return (
    <PageMain className="ed-page">
      <div className="page-toolbar">
        <h1 ref={heading} tabIndex={-1}>
          Rédaction
        </h1>
        <a
          href={formatRoute({ name: 'editeur', kind: 'contact', id: null, params: {} })}
          className="button-link"
          data-testid="redaction-new-contact"
        >
          Nouveau contact
        </a>
        <a
          href={formatRoute({ name: 'editeur', kind: 'fiche', id: null, params: {} })}
          className="button-link button-link-primary"
          data-testid="redaction-new-fiche"
        >
          Nouvelle fiche
        </a>
      </div>

      <form
        className="ed-filters"
        role="search"
        aria-label="Filtrer les fiches et les contacts"
        onSubmit={(event) => event.preventDefault()}
      >
        <TextField
          id="redaction-q"
          label="Titre, identifiant, responsable ou mot-clé"
          type="search"
          value={q}
          onChange={(event) => setParam('q', event.target.value)}
          autoComplete="off"
        />
        <SelectField
          id="redaction-type"
          label="Type"
          value={kind ?? ''}
          onChange={(event) => setParam('type', event.target.value)}
          placeholder="Fiches et contacts"
          options={[
            { value: 'fiche', label: 'Fiches' },
            { value: 'contact', label: 'Contacts' },
          ]}
        />
        <SelectField
          id="redaction-statut"
          label="Statut"
          value={statut ?? ''}
          onChange={(event) => setParam('statut', event.target.value)}
          placeholder="Tous"
          options={[
            { value: 'publiee', label: 'Publiées' },
            { value: 'brouillon', label: 'Brouillons' },
          ]}
        />
      </form>

      {list.status === 'loading' && <Loading label="Chargement des fiches…" />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && (
        <>
          <p role="status" data-testid="redaction-count">
            {plural(list.data.items.length, 'élément')}
          </p>
          {list.data.items.length > 0 && (
            <div className="table-wrap">
              <table className="ed-table" data-testid="redaction-table">
                <caption className="visually-hidden">Fiches locales et contacts de la commune</caption>
                <thead>
                  <tr>
                    <th scope="col">Titre</th>
                    <th scope="col">Type</th>
                    <th scope="col">État</th>
                    <th scope="col">Responsable</th>
                    <th scope="col">À revoir le</th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.items.map((item) => (
                    <tr key={`${item.kind}/${item.id}`} data-testid="redaction-row" data-id={item.id}>
                      <th scope="row">
                        <a href={formatRoute({ name: 'editeur', kind: item.kind, id: item.id, params: {} })}>
                          {item.titre}
                        </a>
                        <div className="muted">
                          <code>{item.path}</code>
                        </div>
                      </th>
                      <td>
                        {item.kind === 'fiche' ? (item.complete ? 'Complément local' : 'Fiche') : 'Contact'}
                      </td>
                      <td>
                        {item.statut === 'brouillon' && (
                          <span className="badge badge-warning" data-testid="badge-brouillon">
                            Brouillon
                          </span>
                        )}
                        {item.statut === 'publiee' && (
                          <span className="badge badge-open" data-testid="badge-publiee">
                            Publiée
                          </span>
                        )}{' '}
                        {isOverdue(item.a_revoir, today) && (
                          <span className="badge badge-closed" data-testid="badge-a-revoir">
                            À revoir
                          </span>
                        )}
                      </td>
                      <td>{item.responsable ?? <span className="muted">—</span>}</td>
                      <td>{item.a_revoir ? formatDate(item.a_revoir) : <span className="muted">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {list.data.national.length > 0 && (
            <section aria-labelledby="redaction-national" data-testid="redaction-national">
              <h2 id="redaction-national">Fiches nationales correspondantes</h2>
              <p className="hint">
                En lecture seule : ajoutez-y les précisions de la commune dans une fiche locale qui la
                complète.
              </p>
              <ul className="ed-chosen">
                {list.data.national.map((fiche) => (
                  <li key={fiche.id} data-testid="redaction-national-item">
                    <a href={formatRoute({ name: 'editeur', kind: 'fiche', id: fiche.id, params: {} })}>
                      {fiche.titre} <span className="muted">({fiche.id})</span>
                    </a>
                    <a
                      href={complementHref(fiche.id, fiche.titre)}
                      aria-label={`Ajouter un complément local à ${fiche.titre}`}
                    >
                      Ajouter un complément
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </PageMain>
  );
}
