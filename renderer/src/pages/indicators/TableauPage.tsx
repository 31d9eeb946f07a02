// The label manager's dashboard (#/tableau): the indicators of a period against their objectives and the
// previous period, and every figure behind them as a chart beside its table, each table exportable to CSV. The
// filters live in the URL, so a view can be bookmarked or sent to a colleague.
import { useMemo, useState } from 'react';
import type { PointEntite } from '../../../../electron/core/desks/label-types';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../../electron/core/desks/label-types';
import type { Tableau, TableTableau } from '../../../../electron/core/indicators/types';
import type { Granularite } from '../../../../electron/core/indicators/vocabulary';
import { GRANULARITES } from '../../../../electron/core/indicators/vocabulary';
import type { JournalCanal } from '../../../../electron/core/journal/codes';
import { CANAL_LABELS, JOURNAL_CANAUX } from '../../../../electron/core/journal/codes';
import { call } from '../../api';
import { PageMain } from '../../components/PageMain';
import { ErrorMessage, Loading } from '../../components/StatusMessages';
import { formatDate, formatDateRange } from '../../format';
import { useCall } from '../../hooks/useCall';
import { useFocusHeading } from '../../hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { AffluenceTable } from './AffluenceTable';
import { ChartCanvas } from './ChartCanvas';
import { ISSUE_COLOURS, rankingChart, volumesChart } from './charts';
import { CsvButton } from './CsvButton';
import type { DashboardFilters, DashboardRequest, Periode } from './dashboard-params';
import {
  GRANULARITE_LABELS,
  PERIODES,
  PERIODE_LABELS,
  filtersOf,
  paramsOf,
  parisToday,
  requestOf,
} from './dashboard-params';
import { DataTable } from './DataTable';
import { Figure } from './Figure';
import { formatValue, periodLabel } from './indicator-format';
import { IndicatorsTable } from './IndicatorsTable';
import { ObjectivesForm } from './ObjectivesForm';
import './indicators.css';

const COUNT = new Intl.NumberFormat('fr-FR');
const count = (value: number) => COUNT.format(value);
const rate = (value: number | null) => formatValue(value, 'pourcentage');

function Filters({
  filters,
  onChange,
}: {
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}) {
  const points = useCall('points.list', {});
  const set = (change: Partial<DashboardFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="figures-filters no-print"
      aria-label="Filtres du tableau de bord"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="figures-field">
        <label htmlFor="filtre-periode" className="field-label">
          Période
        </label>
        <select
          id="filtre-periode"
          className="figures-select"
          value={filters.periode}
          onChange={(event) => set({ periode: event.target.value as Periode })}
          data-testid="filtre-periode"
        >
          {PERIODES.map((periode) => (
            <option key={periode} value={periode}>
              {PERIODE_LABELS[periode]}
            </option>
          ))}
        </select>
      </div>
      {filters.periode === 'personnalisee' && (
        <>
          <div className="figures-field">
            <label htmlFor="filtre-du" className="field-label">
              Du
            </label>
            <input
              id="filtre-du"
              type="date"
              className="text-input"
              value={filters.du}
              onChange={(event) => set({ du: event.target.value })}
              data-testid="filtre-du"
            />
          </div>
          <div className="figures-field">
            <label htmlFor="filtre-au" className="field-label">
              Au
            </label>
            <input
              id="filtre-au"
              type="date"
              className="text-input"
              value={filters.au}
              onChange={(event) => set({ au: event.target.value })}
              data-testid="filtre-au"
            />
          </div>
        </>
      )}
      <div className="figures-field">
        <label htmlFor="filtre-entite" className="field-label">
          Entité
        </label>
        <select
          id="filtre-entite"
          className="figures-select"
          value={filters.entite ?? ''}
          onChange={(event) => set({ entite: (event.target.value || undefined) as PointEntite | undefined })}
          data-testid="filtre-entite"
        >
          <option value="">Toutes</option>
          {(Object.keys(ENTITE_NAMES) as PointEntite[]).map((entite) => (
            <option key={entite} value={entite}>
              {ENTITE_NAMES[entite]}
            </option>
          ))}
        </select>
      </div>
      <div className="figures-field">
        <label htmlFor="filtre-point" className="field-label">
          Point d&apos;accueil
        </label>
        <select
          id="filtre-point"
          className="figures-select"
          value={filters.pointId ?? ''}
          onChange={(event) => set({ pointId: event.target.value ? Number(event.target.value) : undefined })}
          data-testid="filtre-point"
        >
          <option value="">Tous</option>
          {points.status === 'ok' &&
            points.data.points
              .filter((point) => !filters.entite || point.entite === filters.entite)
              .map((point) => (
                <option key={point.id} value={point.id}>
                  {point.nom}
                </option>
              ))}
        </select>
      </div>
      <div className="figures-field">
        <label htmlFor="filtre-canal" className="field-label">
          Canal
        </label>
        <select
          id="filtre-canal"
          className="figures-select"
          value={filters.canal ?? ''}
          onChange={(event) => set({ canal: (event.target.value || undefined) as JournalCanal | undefined })}
          data-testid="filtre-canal"
        >
          <option value="">Tous</option>
          {JOURNAL_CANAUX.map((canal) => (
            <option key={canal} value={canal}>
              {CANAL_LABELS[canal]}
            </option>
          ))}
        </select>
      </div>
      <div className="figures-field">
        <label htmlFor="filtre-granularite" className="field-label">
          Granularité
        </label>
        <select
          id="filtre-granularite"
          className="figures-select"
          value={filters.granularite ?? ''}
          onChange={(event) =>
            set({ granularite: (event.target.value || undefined) as Granularite | undefined })
          }
          data-testid="filtre-granularite"
        >
          <option value="">Selon la période</option>
          {GRANULARITES.map((granularite) => (
            <option key={granularite} value={granularite}>
              {GRANULARITE_LABELS[granularite]}
            </option>
          ))}
        </select>
      </div>
    </form>
  );
}

function Figures({ data, request }: { data: Tableau; request: DashboardRequest }) {
  const { granularite } = data.filtres;
  const csv = (table: TableTableau) => () => call('indicateurs.csv', { ...request, table });
  const exportOf = (table: TableTableau, what: string) => (
    <CsvButton what={what} load={csv(table)} testId={`csv-${table}`} />
  );
  const charts = useMemo(
    () => ({
      volumes: volumesChart(data.volumes, granularite),
      issues: rankingChart(
        data.issues.map((line) => ({
          label: line.libelle,
          value: line.nombre,
          colour: ISSUE_COLOURS[line.issue],
        })),
        'Contacts',
      ),
      motifs: rankingChart(
        data.motifs.map((line) => ({ label: line.libelle, value: line.nombre })),
        'Contacts non résolus',
      ),
      services: rankingChart(
        data.services.map((line) => ({ label: line.nom, value: line.nombre })),
        'Orientations',
      ),
      fiches: rankingChart(
        data.fiches.lignes.map((line) => ({ label: line.titre, value: line.nombre })),
        'Contacts',
      ),
      recherches: rankingChart(
        data.recherchesSansResultat.lignes.map((line) => ({ label: line.requete, value: line.nombre })),
        'Recherches',
      ),
    }),
    [data, granularite],
  );
  const total = data.issues.reduce((sum, line) => sum + line.nombre, 0);

  return (
    <>
      <section aria-labelledby="indicateurs-title" className="figures-section">
        <h2 id="indicateurs-title">Indicateurs</h2>
        <IndicatorsTable
          indicateurs={data.indicateurs}
          caption={`Indicateurs ${formatDateRange(data.filtres.du, data.filtres.au)}, comparés à la période précédente`}
          previousLabel="Période précédente"
        />
        {exportOf('indicateurs', 'indicateurs')}
      </section>

      <section aria-labelledby="contacts-title" className="figures-section">
        <h2 id="contacts-title">Contacts</h2>
        <Figure
          id="volumes"
          title="Contacts dans le temps"
          stacked
          chart={
            <ChartCanvas
              config={charts.volumes}
              label={`Histogramme des contacts ${GRANULARITE_LABELS[granularite].toLowerCase()}, par issue ; les chiffres sont dans le tableau qui suit.`}
              testId="chart-volumes"
              tall
            />
          }
          actions={exportOf('volumes', 'contacts dans le temps')}
        >
          <DataTable
            caption={`Contacts ${GRANULARITE_LABELS[granularite].toLowerCase()}`}
            columns={[
              { label: 'Période' },
              { label: 'Contacts', num: true },
              ...data.issues.map((line) => ({ label: line.libelle, num: true })),
            ]}
            rows={data.volumes
              .filter((period) => period.contacts > 0 || data.volumes.length <= 31)
              .map((period) => [
                periodLabel(period.cle, granularite),
                count(period.contacts),
                ...data.issues.map((line) => count(period.parIssue[line.issue])),
              ])}
            testId="volumes-table"
          />
        </Figure>
        <Figure
          id="issues"
          title="Issues des contacts"
          chart={
            <ChartCanvas
              config={charts.issues}
              label="Barres des contacts par issue ; les chiffres sont dans le tableau à côté."
              testId="chart-issues"
            />
          }
          actions={exportOf('issues', 'issues des contacts')}
        >
          <DataTable
            caption={`Issues des ${count(total)} contacts`}
            columns={[{ label: 'Issue' }, { label: 'Contacts', num: true }, { label: 'Part', num: true }]}
            rows={data.issues.map((line) => [line.libelle, count(line.nombre), rate(line.taux)])}
            testId="issues-table"
          />
        </Figure>
        <Figure
          id="motifs"
          title="Motifs des contacts non résolus"
          chart={
            <ChartCanvas
              config={charts.motifs}
              label="Barres des contacts non résolus par motif ; les chiffres sont dans le tableau à côté."
              testId="chart-motifs"
            />
          }
          actions={exportOf('motifs', 'motifs des contacts non résolus')}
        >
          <DataTable
            caption="Contacts non résolus par motif"
            columns={[{ label: 'Motif' }, { label: 'Contacts', num: true }, { label: 'Part', num: true }]}
            rows={data.motifs.map((line) => [line.libelle, count(line.nombre), rate(line.taux)])}
            testId="motifs-table"
          />
        </Figure>
        <Figure
          id="services"
          title="Services vers lesquels les contacts ont été orientés"
          chart={
            data.services.length > 0 ? (
              <ChartCanvas
                config={charts.services}
                label="Barres des orientations par service ; les chiffres sont dans le tableau à côté."
                testId="chart-services"
              />
            ) : undefined
          }
          actions={exportOf('services', 'services vers lesquels les contacts ont été orientés')}
        >
          <DataTable
            caption="Orientations par service"
            columns={[{ label: 'Service' }, { label: 'Orientations', num: true }]}
            rows={data.services.map((line) => [line.nom, count(line.nombre)])}
            testId="services-table"
          />
        </Figure>
        <Figure
          id="affluence"
          title="Affluence"
          note="Les cases les plus foncées sont les heures les plus chargées."
          actions={exportOf('affluence', 'affluence par jour et par heure')}
        >
          <AffluenceTable affluence={data.affluence} />
        </Figure>
      </section>

      <section aria-labelledby="contenu-title" className="figures-section">
        <h2 id="contenu-title">Base de connaissances</h2>
        <Figure
          id="fiches"
          title="Fiches les plus consultées"
          note={data.fiches.note}
          chart={
            data.fiches.lignes.length > 0 ? (
              <ChartCanvas
                config={charts.fiches}
                label="Barres des fiches les plus consultées ; les chiffres sont dans le tableau à côté."
                testId="chart-fiches"
                tall
              />
            ) : undefined
          }
          actions={exportOf('fiches', 'fiches les plus consultées')}
        >
          <DataTable
            caption="Fiches consultées pendant les contacts"
            columns={[{ label: 'Fiche' }, { label: 'Contacts', num: true }]}
            rows={data.fiches.lignes.map((line) => [line.titre, count(line.nombre)])}
            testId="fiches-table"
          />
        </Figure>
        <Figure
          id="recherches-sans-resultat"
          title="Recherches sans résultat"
          note={data.recherchesSansResultat.note}
          chart={
            data.recherchesSansResultat.lignes.length > 0 ? (
              <ChartCanvas
                config={charts.recherches}
                label="Barres des recherches sans résultat ; les chiffres sont dans le tableau à côté."
                testId="chart-recherches"
              />
            ) : undefined
          }
          actions={exportOf('recherches_sans_resultat', 'recherches sans résultat')}
        >
          <DataTable
            caption="Recherches sans résultat"
            columns={[{ label: 'Recherche' }, { label: 'Fois', num: true }]}
            rows={data.recherchesSansResultat.lignes.map((line) => [line.requete, count(line.nombre)])}
            testId="recherches-sans-resultat-table"
          />
        </Figure>
        <Figure
          id="recherches-non-resolues"
          title="Recherches des contacts non résolus"
          note={data.recherchesNonResolues.note}
          actions={exportOf('recherches_non_resolues', 'recherches des contacts non résolus')}
        >
          <DataTable
            caption="Recherches qui ont fini en « non résolu »"
            columns={[{ label: 'Recherche' }, { label: 'Fois', num: true }]}
            rows={data.recherchesNonResolues.lignes.map((line) => [line.requete, count(line.nombre)])}
            testId="recherches-non-resolues-table"
          />
        </Figure>
      </section>

      <section aria-labelledby="label-title" className="figures-section">
        <h2 id="label-title">Label et formation</h2>
        <p data-testid="couverture">
          Agents formés (« {data.couverture.typeFormation.libelle} » en cours de validité) au{' '}
          {formatDate(data.couverture.jour)} : {count(data.couverture.formes)} sur{' '}
          {count(data.couverture.agents)} agents affectés ({rate(data.couverture.taux)}).
        </p>
        <Figure
          id="points-labellises"
          title="Points labellisés"
          actions={exportOf('points_labellises', 'points labellisés')}
        >
          <DataTable
            caption={`Points labellisés au ${formatDate(data.couverture.jour)}`}
            columns={[
              { label: "Point d'accueil" },
              { label: 'Entité' },
              { label: 'Type' },
              { label: 'Depuis le' },
              { label: 'Expire le' },
            ]}
            rows={data.pointsLabellises.map((point) => [
              point.nom,
              ENTITE_NAMES[point.entite],
              TYPE_NAMES[point.type],
              formatDate(point.depuis),
              point.expireLe ? formatDate(point.expireLe) : '–',
            ])}
            testId="points-labellises-table"
            empty="aucun point labellisé"
          />
        </Figure>
      </section>
    </>
  );
}

export function TableauPage({ params }: { params: Params }) {
  const filters = filtersOf(params);
  const [today] = useState(() => parisToday(new Date()));
  const [version, setVersion] = useState(0);
  const request = requestOf(filters, today);
  const ready = !('incomplete' in request);
  const state = useCall(
    'indicateurs.tableau',
    ready ? request : { du: today, au: today, granularite: 'jour' },
    {
      enabled: ready,
      refresh: String(version),
      keepPrevious: true,
    },
  );
  const heading = useFocusHeading<HTMLHeadingElement>(true);

  const update = (next: DashboardFilters) =>
    navigate({ name: 'tableau', params: paramsOf(next) }, { replace: true });

  return (
    <PageMain className="figures-page">
      <h1 ref={heading} tabIndex={-1}>
        Tableau de bord
      </h1>
      <Filters filters={filters} onChange={update} />
      {!ready && (
        <p className="alert alert-info" role="status">
          {request.incomplete}
        </p>
      )}
      {ready && (
        <p className="figures-period" role="status" data-testid="tableau-periode">
          {state.status === 'ok' && !state.stale && `Contacts ${formatDateRange(request.du, request.au)}.`}
        </p>
      )}
      {ready && state.status === 'loading' && <Loading label="Calcul des indicateurs…" />}
      {ready && state.status === 'error' && <ErrorMessage error={state.error} />}
      {ready && state.status === 'ok' && <Figures data={state.data} request={request} />}
      <ObjectivesForm onChanged={() => setVersion((value) => value + 1)} />
    </PageMain>
  );
}
