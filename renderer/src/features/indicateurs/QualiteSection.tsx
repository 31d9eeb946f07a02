// « Satisfaction et réclamations » (issue 15), in the dashboard and the annual review: the answers by face and
// by channel, and the complaints received, answered within the announced delay, and overdue.
import type { Qualite } from '../../../../common/indicateurs/types';
import { NOTE_LABELS, NOTES, SOURCE_LABELS, SOURCES } from '../../../../common/satisfaction/codes';
import { DataTable } from './DataTable';
import { formatCount as count, formatRate as rate } from './figure-tables';

export function QualiteSection({ qualite, headingLevel = 2 }: { qualite: Qualite; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const { satisfaction: s, reclamations: r } = qualite;
  return (
    <section aria-labelledby="qualite-title" className="figures-section bilan-section" data-testid="qualite">
      <Heading id="qualite-title">Satisfaction et réclamations</Heading>
      <p data-testid="qualite-reclamations">
        {count(r.reclamations)} réclamation(s) et {count(r.suggestions)} suggestion(s) reçues ;{' '}
        {count(r.repondues)} répondue(s), dont {count(r.dansLesDelais)} dans le délai annoncé (
        {rate(r.tauxDelaisTenus)}) ; {count(r.enCours)} en cours, dont {count(r.enRetard)} en retard.
      </p>
      <DataTable
        caption={`Avis des usagers (${count(s.reponses)})`}
        columns={[{ label: 'Réponse' }, { label: 'Nombre', num: true }]}
        rows={NOTES.map((note) => [NOTE_LABELS[note], count(s.parNote[note])])}
        testId="satisfaction-table"
      />
      <DataTable
        caption="Satisfaction par canal"
        columns={[
          { label: 'Canal' },
          { label: 'Avis', num: true },
          { label: 'Satisfaits', num: true },
          { label: 'Satisfaction nette', num: true },
        ]}
        rows={s.parCanal.map((line) => [
          line.libelle,
          count(line.reponses),
          rate(line.taux),
          rate(line.nette),
        ])}
        testId="satisfaction-canal-table"
        empty="aucun avis"
      />
      <p className="muted">
        Origine des avis :{' '}
        {SOURCES.map((source) => `${SOURCE_LABELS[source]} ${count(s.parSource[source])}`).join(' ; ')}.
      </p>
    </section>
  );
}
