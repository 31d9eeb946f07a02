// The label manager's dashboard (#/tableau): the indicators of a period against their objectives and the
// previous period, and every figure behind them as a chart beside its table, each table exportable to CSV. The
// filters live in the URL, so a view can be bookmarked or sent to a colleague.
import { useMemo, useState } from 'react';
import type { PointEntite } from '../../../../common/points/methods';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../../common/points/methods';
import type { Tableau, TableTableau } from '../../../../common/indicateurs/types';
import type { Granularite } from '../../../../common/indicateurs/codes';
import { GRANULARITES } from '../../../../common/indicateurs/codes';
import type { JournalCanal } from '../../../../common/journal/codes';
import { CANAL_LABELS, JOURNAL_CANAUX } from '../../../../common/journal/codes';
import { call } from '../../api';
import { SelectField, TextField } from '../../ui/forms/Field';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate, formatDateRange } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { AffluenceTable } from './AffluenceTable';
import { ChartCanvas } from './ChartCanvas';
import { ISSUE_COLOURS, hasBars, rankingChart, rankingSize, volumesChart } from './charts';
import { CsvButton } from './CsvButton';
import type { DashboardFilters, DashboardRequest, Periode } from './tableau-params';
import {
  GRANULARITE_LABELS,
  PERIODES,
  PERIODE_LABELS,
  filtersOf,
  paramsOf,
  parisToday,
  requestOf,
} from './tableau-params';
import { DataTable } from './DataTable';
import { Figure } from './Figure';
import {
  formatCount as count,
  formatRate as rate,
  issuesTable,
  motifsTable,
  searchesTable,
  servicesTable,
  volumesTable,
} from './figure-tables';
import { IndicateursTable } from './IndicateursTable';
import { ObjectivesForm } from './ObjectifsForm';
import { dashboardPeriod } from '../../../../common/indicateurs/wording';
import type { Comparaison } from '../../../../common/indicateurs/periods';
import './indicateurs.css';

/** The trend column's header: what the period is compared with. */
const PREVIOUS_LABELS: Record<Comparaison, string> = {
  mois_precedents: 'Période précédente',
  meme_periode_annee_precedente: 'Même période, année précédente',
  meme_periode_mois_precedent: 'Mêmes jours, mois précédent',
  jours_precedents: 'Période précédente',
};

function Filters({
  filters,
  onChange,
}: {
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}) {
  const points = useCall('points.list', {});
  const postes = useCall('indicateurs.postes', {});
  const set = (change: Partial<DashboardFilters>) => onChange({ ...filters, ...change });
  return (
    <form
      className="figures-filters no-print"
      aria-label="Filtres du tableau de bord"
      onSubmit={(e) => e.preventDefault()}
    >
      <SelectField
        id="filtre-periode"
        label="Période"
        value={filters.periode}
        onChange={(event) => set({ periode: event.target.value as Periode })}
        options={PERIODES.map((periode) => ({ value: periode, label: PERIODE_LABELS[periode] }))}
      />
      {filters.periode === 'personnalisee' && (
        <>
          <TextField
            id="filtre-du"
            label="Du"
            type="date"
            value={filters.du}
            onChange={(event) => set({ du: event.target.value })}
          />
          <TextField
            id="filtre-au"
            label="Au"
            type="date"
            value={filters.au}
            onChange={(event) => set({ au: event.target.value })}
          />
        </>
      )}
      <SelectField
        id="filtre-entite"
        label="Entité"
        value={filters.entite ?? ''}
        onChange={(event) => set({ entite: (event.target.value || undefined) as PointEntite | undefined })}
        placeholder="Toutes"
        options={(Object.keys(ENTITE_NAMES) as PointEntite[]).map((entite) => ({
          value: entite,
          label: ENTITE_NAMES[entite],
        }))}
      />
      <SelectField
        id="filtre-point"
        label="Point d'accueil"
        value={filters.pointId ?? ''}
        onChange={(event) => set({ pointId: event.target.value ? Number(event.target.value) : undefined })}
        placeholder="Tous"
        options={
          points.status === 'ok'
            ? points.data.points
                .filter((point) => !filters.entite || point.entite === filters.entite)
                .map((point) => ({ value: String(point.id), label: point.nom }))
            : []
        }
      />
      {postes.status === 'ok' && postes.data.postes.length > 0 && (
        <SelectField
          id="filtre-poste"
          label="Poste"
          value={filters.posteId ?? ''}
          onChange={(event) => set({ posteId: event.target.value ? Number(event.target.value) : undefined })}
          placeholder="Tous"
          options={postes.data.postes
            .filter((poste) => filters.pointId === undefined || poste.pointId === filters.pointId)
            .map((poste) => ({ value: String(poste.id), label: poste.nom }))}
        />
      )}
      <SelectField
        id="filtre-canal"
        label="Canal"
        value={filters.canal ?? ''}
        onChange={(event) => set({ canal: (event.target.value || undefined) as JournalCanal | undefined })}
        placeholder="Tous"
        options={JOURNAL_CANAUX.map((canal) => ({ value: canal, label: CANAL_LABELS[canal] }))}
      />
      <SelectField
        id="filtre-granularite"
        label="Granularité"
        value={filters.granularite ?? ''}
        onChange={(event) =>
          set({ granularite: (event.target.value || undefined) as Granularite | undefined })
        }
        placeholder="Selon la période"
        options={GRANULARITES.map((granularite) => ({
          value: granularite,
          label: GRANULARITE_LABELS[granularite],
        }))}
      />
    </form>
  );
}

type Bar = { label: string; value: number; colour?: string };

/** A ranking's chart and the counts it draws: the counts say whether there is anything to draw. */
function ranking(rows: Bar[], seriesLabel: string) {
  return { config: rankingChart(rows, seriesLabel), values: rows.map((row) => row.value) };
}

function Figures({ data, request }: { data: Tableau; request: DashboardRequest }) {
  const { granularite } = data.filtres;
  const exportOf = (table: TableTableau, what: string) => (
    <CsvButton
      what={what}
      load={() => call('indicateurs.csv', { ...request, table })}
      testId={`csv-${table}`}
    />
  );
  const charts = useMemo(
    () => ({
      volumes: volumesChart(data.volumes, granularite),
      issues: ranking(
        data.issues.map((line) => ({
          label: line.libelle,
          value: line.nombre,
          colour: ISSUE_COLOURS[line.issue],
        })),
        'Contacts',
      ),
      motifs: ranking(
        data.motifs.map((line) => ({ label: line.libelle, value: line.nombre })),
        'Contacts non résolus',
      ),
      services: ranking(
        data.services.map((line) => ({ label: line.nom, value: line.nombre })),
        'Orientations',
      ),
      fiches: ranking(
        data.fiches.lignes.map((line) => ({ label: line.titre, value: line.nombre })),
        'Contacts',
      ),
      recherches: ranking(
        data.recherchesSansResultat.lignes.map((line) => ({ label: line.requete, value: line.nombre })),
        'Recherches',
      ),
    }),
    [data, granularite],
  );
  const total = data.issues.reduce((sum, line) => sum + line.nombre, 0);
  /** A ranking's bars, sized to its rows; none when every bar would be empty. */
  const bars = ({ config, values }: ReturnType<typeof ranking>, what: string, testId: string) =>
    hasBars(values) ? (
      <ChartCanvas
        config={config}
        label={`Barres ${what} ; les chiffres sont dans le tableau à côté.`}
        testId={testId}
        size={rankingSize(values.length)}
      />
    ) : undefined;
  const periodes = GRANULARITE_LABELS[granularite].toLowerCase();

  return (
    <>
      <section aria-labelledby="indicateurs-title" className="figures-section">
        <h2 id="indicateurs-title">Indicateurs</h2>
        <IndicateursTable
          indicateurs={data.indicateurs}
          caption={`Indicateurs ${formatDateRange(data.filtres.du, data.filtres.au)}, comparés ${formatDateRange(data.periode.precedente.du, data.periode.precedente.au)}`}
          previousLabel={PREVIOUS_LABELS[data.periode.comparaison]}
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
            hasBars(data.volumes.map((period) => period.contacts)) ? (
              <ChartCanvas
                config={charts.volumes}
                label={`Histogramme des contacts ${periodes}, par issue ; les chiffres sont dans le tableau qui suit.`}
                testId="chart-volumes"
                size="large"
              />
            ) : undefined
          }
          actions={exportOf('volumes', 'contacts dans le temps')}
        >
          <DataTable
            caption={`Contacts ${periodes} (périodes sans contact omises)`}
            {...volumesTable(
              data.volumes.filter((period) => period.contacts > 0),
              data.issues,
              granularite,
              'Période',
            )}
            testId="volumes-table"
          />
        </Figure>
        <Figure
          id="issues"
          title="Issues des contacts"
          chart={bars(charts.issues, 'des contacts par issue', 'chart-issues')}
          actions={exportOf('issues', 'issues des contacts')}
        >
          <DataTable
            caption={`Issues des ${count(total)} contacts`}
            {...issuesTable(data.issues)}
            testId="issues-table"
          />
        </Figure>
        <Figure
          id="motifs"
          title="Motifs des contacts non résolus"
          chart={bars(charts.motifs, 'des contacts non résolus par motif', 'chart-motifs')}
          actions={exportOf('motifs', 'motifs des contacts non résolus')}
        >
          <DataTable
            caption="Contacts non résolus par motif"
            {...motifsTable(data.motifs)}
            testId="motifs-table"
          />
        </Figure>
        <Figure
          id="services"
          title="Services vers lesquels les contacts ont été orientés"
          chart={bars(charts.services, 'des orientations par service', 'chart-services')}
          actions={exportOf('services', 'services vers lesquels les contacts ont été orientés')}
        >
          <DataTable
            caption="Orientations par service"
            {...servicesTable(data.services)}
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
          chart={bars(charts.fiches, 'des fiches les plus consultées', 'chart-fiches')}
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
          chart={bars(charts.recherches, 'des recherches sans résultat', 'chart-recherches')}
          actions={exportOf('recherches_sans_resultat', 'recherches sans résultat')}
        >
          <DataTable
            caption="Recherches sans résultat"
            {...searchesTable(data.recherchesSansResultat.lignes)}
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
            {...searchesTable(data.recherchesNonResolues.lignes)}
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
      {ready && state.status === 'ok' && !state.stale && (
        <p
          className={state.data.periode.incomplete ? 'alert alert-info' : 'hint'}
          data-testid="tableau-comparaison"
        >
          {dashboardPeriod(state.data.filtres, state.data.periode)}
        </p>
      )}
      {ready && state.status === 'loading' && <Loading label="Calcul des indicateurs…" />}
      {ready && state.status === 'error' && <ErrorMessage error={state.error} />}
      {ready && state.status === 'ok' && <Figures data={state.data} request={request} />}
      <ObjectivesForm onChanged={() => setVersion((value) => value + 1)} />
    </PageMain>
  );
}
