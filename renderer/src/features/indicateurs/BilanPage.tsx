// The annual review (#/bilan?annee=2025): a printable report of a calendar year — volumes, indicators against
// their objectives and the previous year, the label's register and decisions, the training done, the content
// gaps — and an action plan typed in the page. Saved as a PDF by Chromium's print (Electron's printToPDF in the
// app, the print dialog in the preview); the same figures export to CSV.
import type { FormEvent, ReactNode } from 'react';
import { useMemo, useState } from 'react';
import { asOf, comparedWith, reviewPeriod } from '../../../../common/indicateurs/wording';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../../common/points/methods';
import { STATUT_LABELS } from '../../../../common/label/types';
import type { LabelAction, LabelStatut } from '../../../../common/label/types';
import type { Bilan } from '../../../../common/indicateurs/types';
import type { ApiError } from '../../api';
import { call, savePageAsPdf, toApiError } from '../../api';
import { TextField } from '../../ui/forms/Field';
import { PageMain } from '../../ui/PageMain';
import { ErrorMessage, Loading } from '../../ui/StatusMessages';
import { formatDate } from '../../ui/format';
import { useCall } from '../../ui/hooks/useCall';
import { useFocusHeading } from '../../ui/hooks/useFocusHeading';
import { navigate } from '../../navigation';
import type { Params } from '../../router';
import { ACTION_NAMES, yearOf } from './bilan-format';
import { ChartCanvas } from './ChartCanvas';
import { volumesChart } from './charts';
import { CsvButton } from './CsvButton';
import { parisToday } from './tableau-params';
import { DataTable } from './DataTable';
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
import { ControlesBilan } from '../controles/ControlesBilan';
import { PlanEditor } from './PlanEditor';
import './indicateurs.css';
import { QualiteSection } from './QualiteSection';

function statutName(statut: string): string {
  return STATUT_LABELS[statut as LabelStatut] ?? statut;
}

function actionName(action: string): string {
  return ACTION_NAMES[action as LabelAction] ?? action;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="bilan-section" aria-labelledby={`${id}-title`} data-testid={`bilan-${id}`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {children}
    </section>
  );
}

function Review({ bilan }: { bilan: Bilan }) {
  const chart = useMemo(() => volumesChart(bilan.volumes, 'mois'), [bilan]);
  const contacts = bilan.volumes.reduce((sum, period) => sum + period.contacts, 0);
  const indicateur = (code: string) => bilan.indicateurs.find((i) => i.code === code);
  const premierNiveau = indicateur('taux_premier_niveau');
  const { couverture } = bilan.formation;

  return (
    <>
      <Section id="volumes" title="1. Volumes">
        <ul className="bilan-keyfigures" data-testid="bilan-keyfigures">
          <li>
            <strong data-testid="bilan-contacts">{count(contacts)}</strong> contacts enregistrés
          </li>
          <li>
            <strong>{rate(premierNiveau?.valeur ?? null)}</strong> de réponses au premier niveau
          </li>
          <li>
            <strong>{count(bilan.label.registre.length)}</strong> points labellisés {asOf(bilan)}
          </li>
          <li>
            <strong>{count(bilan.formation.agentsFormes)}</strong> agents formés dans l&apos;année
          </li>
        </ul>
        <ChartCanvas
          config={chart}
          label={`Histogramme des contacts de ${bilan.annee} par mois et par issue ; les chiffres sont dans le tableau qui suit.`}
          testId="bilan-chart-volumes"
          size="large"
        />
        <DataTable
          caption={`Contacts par mois en ${bilan.annee}`}
          {...volumesTable(bilan.volumes, bilan.issues, 'mois', 'Mois')}
          testId="bilan-volumes-table"
        />
      </Section>

      <Section id="indicateurs" title="2. Indicateurs et objectifs">
        <IndicateursTable
          indicateurs={bilan.indicateurs}
          caption={`Indicateurs de ${bilan.annee} comparés à leurs objectifs et à ${comparedWith(bilan)}`}
          previousLabel={bilan.complete ? String(bilan.annee - 1) : `Même période ${bilan.annee - 1}`}
        />
        <DataTable caption="Issues des contacts" {...issuesTable(bilan.issues)} testId="bilan-issues-table" />
        <DataTable
          caption="Contacts non résolus par motif"
          {...motifsTable(bilan.motifs)}
          testId="bilan-motifs-table"
        />
        <DataTable
          caption="Services vers lesquels les contacts ont été orientés"
          {...servicesTable(bilan.services)}
          testId="bilan-services-table"
        />
      </Section>

      <Section id="label" title="3. Le label Info'Cité">
        <DataTable
          caption={`Registre des points labellisés ${asOf(bilan)}`}
          columns={[
            { label: "Point d'accueil" },
            { label: 'Entité' },
            { label: 'Type' },
            { label: 'Statut' },
            { label: 'Depuis le' },
            { label: 'Expire le' },
          ]}
          rows={bilan.label.registre.map((point) => [
            point.nom,
            ENTITE_NAMES[point.entite],
            TYPE_NAMES[point.type],
            statutName(point.statut),
            formatDate(point.depuis),
            point.expireLe ? formatDate(point.expireLe) : '–',
          ])}
          testId="bilan-registre-table"
          empty="aucun point labellisé"
        />
        <DataTable
          caption="Décisions de l'année par type"
          columns={[{ label: 'Décision' }, { label: 'Nombre', num: true }]}
          rows={bilan.label.parAction.map((row) => [actionName(row.action), count(row.nombre)])}
          testId="bilan-actions-table"
          empty="aucune décision dans l'année"
        />
        <DataTable
          caption="Évolutions du registre dans l'année"
          columns={[
            { label: 'Date' },
            { label: "Point d'accueil" },
            { label: 'Décision' },
            { label: 'Statut' },
            { label: 'Expire le' },
            { label: 'Motif' },
            { label: 'Décidé par' },
          ]}
          rows={bilan.label.evenements.map((event) => [
            formatDate(event.date),
            event.nom,
            actionName(event.action),
            statutName(event.statut),
            event.expireLe ? formatDate(event.expireLe) : '–',
            event.motif ?? '–',
            event.decideParNom,
          ])}
          testId="bilan-evenements-table"
          empty="aucune décision dans l'année"
        />
      </Section>

      <Section id="formation" title="4. Formation des agents">
        <p data-testid="bilan-couverture">
          {count(bilan.formation.agentsFormes)} agents ont suivi au moins une formation en {bilan.annee}. Au{' '}
          {formatDate(couverture.jour)}, {count(couverture.formes)} agents sur {count(couverture.agents)}{' '}
          affectés avaient une formation « {couverture.typeFormation.libelle} » valide (
          {rate(couverture.taux)}).
        </p>
        <DataTable
          caption="Formations par type"
          columns={[
            { label: 'Type' },
            { label: 'Sessions', num: true },
            { label: 'Inscrits', num: true },
            { label: 'Présents', num: true },
            { label: 'Absents', num: true },
            { label: 'Agents formés', num: true },
          ]}
          rows={bilan.formation.parType.map((type) => [
            type.libelle,
            count(type.sessions),
            count(type.inscrits),
            count(type.presents),
            count(type.absents),
            count(type.agentsFormes),
          ])}
          testId="bilan-formation-types-table"
        />
        <DataTable
          caption="Sessions de l'année"
          columns={[
            { label: 'Date' },
            { label: 'Formation' },
            { label: 'Formateur' },
            { label: 'Lieu' },
            { label: 'Présents', num: true },
          ]}
          rows={bilan.formation.sessions.map((session) => [
            formatDate(session.date),
            session.libelle,
            session.formateur,
            session.lieu,
            count(session.presents),
          ])}
          testId="bilan-sessions-table"
          empty="aucune session dans l'année"
        />
      </Section>

      <Section id="lacunes" title="5. Lacunes de la base de connaissances">
        <p className="hint">{bilan.lacunes.note}</p>
        <DataTable
          caption="Recherches sans résultat"
          {...searchesTable(bilan.lacunes.recherchesSansResultat)}
          testId="bilan-sans-resultat-table"
          empty="aucune"
        />
        <DataTable
          caption="Recherches des contacts non résolus"
          {...searchesTable(bilan.lacunes.recherchesNonResolues)}
          testId="bilan-non-resolues-table"
          empty="aucune"
        />
      </Section>

      <QualiteSection qualite={bilan.qualite} />

      <Section id="plan" title="6. Plan d'action">
        <PlanEditor annee={bilan.annee} initial={bilan.plan} />
      </Section>

      <ControlesBilan annee={bilan.annee} plan={bilan.plan} />
    </>
  );
}

export function BilanPage({ params }: { params: Params }) {
  const [today] = useState(() => parisToday(new Date()));
  const annee = yearOf(params.annee, today);
  const [typed, setTyped] = useState(String(annee));
  const [pdfError, setPdfError] = useState<ApiError | null>(null);
  const [pdfSaved, setPdfSaved] = useState('');
  const state = useCall('bilan.annuel', { annee });
  const heading = useFocusHeading<HTMLHeadingElement>(state.status !== 'loading');

  const choose = (event: FormEvent) => {
    event.preventDefault();
    navigate({ name: 'bilan', params: { annee: String(yearOf(typed, today)) } }, { replace: true });
  };

  const savePdf = async () => {
    setPdfError(null);
    setPdfSaved('');
    try {
      const path = await savePageAsPdf(`bilan-annuel-${annee}`);
      if (path) setPdfSaved(`Bilan enregistré : ${path}`);
    } catch (error) {
      setPdfError(toApiError(error));
    }
  };

  return (
    <PageMain className="figures-page bilan-page">
      <h1 ref={heading} tabIndex={-1} data-testid="bilan-title">
        Bilan annuel {annee} de l&apos;accueil Info&apos;Cité
      </h1>
      {state.status === 'ok' && (
        <>
          <p className="hint">Établi le {formatDate(state.data.genereLe.slice(0, 10))}.</p>
          <p
            className={state.data.complete ? 'hint' : 'alert alert-info bilan-incomplete'}
            data-testid="bilan-periode"
          >
            {reviewPeriod(state.data)}
          </p>
        </>
      )}
      <div className="bilan-toolbar no-print">
        <form onSubmit={choose} aria-label="Choix de l'année">
          <TextField
            id="bilan-annee"
            label="Année"
            inputMode="numeric"
            value={typed}
            onChange={(event) => setTyped(event.target.value)}
          />
          <button type="submit" className="button button-outline">
            Afficher
          </button>
        </form>
        <button type="button" className="button" onClick={() => void savePdf()} data-testid="bilan-pdf">
          Enregistrer en PDF
        </button>
        <CsvButton what={`bilan ${annee}`} load={() => call('bilan.csv', { annee })} testId="bilan-csv" />
      </div>
      <p role="status" className="figures-status no-print">
        {pdfSaved}
      </p>
      {pdfError && <ErrorMessage error={pdfError} context="Le PDF n'a pas pu être enregistré." />}
      {state.status === 'loading' && <Loading label="Préparation du bilan…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ok' && <Review key={annee} bilan={state.data} />}
    </PageMain>
  );
}
