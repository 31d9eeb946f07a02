// The audit trail: who changed what, when, from what to what. Filters and page live in the address, so a
// filtered view can be bookmarked and found again with the browser's Back.
import type { FormEvent } from 'react';
import { useState } from 'react';
import type { AuditRow } from '../../../../common/audit/methods';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { plural } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { formatRoute } from '../../router';
import { actionLabel, changesOf, formatInstant, objectName, objetLabel } from './audit-format';
import { call } from '../../api';
import { CsvButton } from '../indicateurs/CsvButton';
import type { AuditFilters, FilterKey } from './audit-params';
import { auditInput, filtersOf, pageCount, pageOf, paramsFor } from './audit-params';
import '../auth/auth.css';

type Facets = { objets: string[]; actions: string[]; auteurs: string[] };

function Select({
  name,
  label,
  options,
  value,
  onChange,
  format = (option) => option,
}: {
  name: FilterKey;
  label: string;
  options: string[];
  value: string;
  onChange: (value: string) => void;
  format?: (option: string) => string;
}) {
  // A value from the address that the trail no longer holds still shows, so the filter is visible.
  const all = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <div className="form-field">
      <label htmlFor={`audit-${name}`} className="field-label">
        {label}
      </label>
      <select
        id={`audit-${name}`}
        className="select-input"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        data-testid={`audit-filter-${name}`}
      >
        <option value="">Tous</option>
        {all.map((option) => (
          <option key={option} value={option}>
            {format(option)}
          </option>
        ))}
      </select>
    </div>
  );
}

function Filters({ initial, facets }: { initial: AuditFilters; facets: Facets }) {
  const [filters, setFilters] = useState(initial);
  const set = (key: FilterKey) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    navigate({ name: 'audit', params: paramsFor(filters) });
  };
  const any = Object.values(initial).some(Boolean);
  return (
    <form
      className="card"
      role="search"
      aria-label="Filtrer le journal"
      onSubmit={onSubmit}
      data-testid="audit-filters"
    >
      <div className="audit-filters">
        <Select
          name="objet"
          label="Objet"
          options={facets.objets}
          value={filters.objet}
          onChange={set('objet')}
          format={objetLabel}
        />
        <Select
          name="action"
          label="Action"
          options={facets.actions}
          value={filters.action}
          onChange={set('action')}
          format={actionLabel}
        />
        <Select
          name="auteur"
          label="Auteur"
          options={facets.auteurs}
          value={filters.auteur}
          onChange={set('auteur')}
        />
        <div className="form-field">
          <label htmlFor="audit-du" className="field-label">
            Du
          </label>
          <input
            id="audit-du"
            type="date"
            className="text-input"
            value={filters.du}
            onChange={(event) => set('du')(event.target.value)}
            data-testid="audit-filter-du"
          />
        </div>
        <div className="form-field">
          <label htmlFor="audit-au" className="field-label">
            Au
          </label>
          <input
            id="audit-au"
            type="date"
            className="text-input"
            value={filters.au}
            onChange={(event) => set('au')(event.target.value)}
            data-testid="audit-filter-au"
          />
        </div>
        <div className="form-field">
          <label htmlFor="audit-q" className="field-label">
            Texte
          </label>
          <input
            id="audit-q"
            type="search"
            className="text-input"
            value={filters.q}
            onChange={(event) => set('q')(event.target.value)}
            aria-describedby="audit-q-hint"
            data-testid="audit-filter-q"
          />
          <p id="audit-q-hint" className="hint">
            Cherché dans le numéro et les valeurs.
          </p>
        </div>
      </div>
      <div className="form-actions">
        <button type="submit" className="button" data-testid="audit-apply">
          Filtrer
        </button>
        {any && <a href="#/audit">Effacer les filtres</a>}
      </div>
    </form>
  );
}

function Changes({ row }: { row: AuditRow }) {
  const changes = changesOf(row.avant, row.apres);
  if (changes.length === 0) return <span className="muted">—</span>;
  return (
    <ul className="changes">
      {changes.map((change) => (
        <li key={change.field}>
          <span className="change-field">{change.field}</span> :{' '}
          {change.before !== undefined && change.after !== undefined && change.before !== change.after ? (
            <>
              <del className="change-before">{change.before}</del>
              <span className="visually-hidden"> devient </span>
              <span aria-hidden="true"> → </span>
              <ins className="change-after">{change.after}</ins>
            </>
          ) : (
            <span>{change.after ?? change.before}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Pagination({ params, total }: { params: Params; total: number }) {
  const page = pageOf(params);
  const pages = pageCount(total);
  if (pages <= 1) return null;
  const go = (target: number) => formatRoute({ name: 'audit', params: paramsFor(filtersOf(params), target) });
  return (
    <nav className="pagination" aria-label="Pages du journal">
      {page > 1 && (
        <a href={go(page - 1)} data-testid="audit-previous">
          ← Page précédente
        </a>
      )}
      <span aria-current="page">
        Page {page} sur {pages}
      </span>
      {page < pages && (
        <a href={go(page + 1)} data-testid="audit-next">
          Page suivante →
        </a>
      )}
    </nav>
  );
}

export function AuditPage({ params }: { params: Params }) {
  const facets = useCall('audit.facets', {});
  const list = useCall('audit.list', auditInput(params), { keepPrevious: true });
  const heading = useFocusHeading<HTMLHeadingElement>(list.status !== 'loading');
  const initial = filtersOf(params);

  return (
    <PageMain>
      <h1 ref={heading} tabIndex={-1}>
        Journal d&apos;audit
      </h1>
      <p>Chaque modification des registres : qui, quand, quoi, avant et après.</p>
      {facets.status === 'ok' && (
        <Filters key={JSON.stringify(initial)} initial={initial} facets={facets.data} />
      )}
      {list.status === 'loading' && <Loading label="Chargement du journal…" />}
      {list.status === 'error' && <ErrorMessage error={list.error} />}
      {list.status === 'ok' && (
        <>
          <p role="status" className="result-count" data-testid="audit-count">
            {plural(list.data.total, 'modification')}
          </p>
          <CsvButton
            what="journal d'audit filtré"
            load={() => {
              const { limit: _limit, offset: _offset, ...filters } = auditInput(params);
              return call('audit.csv', filters);
            }}
            testId="audit-csv"
          />
          <p className="hint">Heures de Paris.</p>
          <div className="table-wrap">
            <table
              className="data-table"
              aria-label="Modifications, les plus récentes d'abord"
              data-testid="audit-table"
            >
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Auteur</th>
                  <th scope="col">Action</th>
                  <th scope="col">Objet</th>
                  <th scope="col">Changements</th>
                </tr>
              </thead>
              <tbody>
                {list.data.rows.map((row) => (
                  <tr key={row.id} data-testid="audit-row">
                    <td>{formatInstant(row.horodatage)}</td>
                    <td>{row.auteur}</td>
                    <td>{actionLabel(row.action)}</td>
                    <td data-testid="audit-objet">{objectName(row.objet, row.objetId, row.objetNom)}</td>
                    <td>
                      <Changes row={row} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination params={params} total={list.data.total} />
        </>
      )}
    </PageMain>
  );
}
