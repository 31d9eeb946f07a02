// CSV exports of the dashboard's tables and of the annual review (see ../csv.ts), with decimal commas.
import { csvFile, csvTable } from '../csv';
import { ACTION_LABELS, STATUT_LABELS } from '../../../common/label/types';
import { ENTITE_NAMES, TYPE_NAMES } from '../../../common/points/methods';
import { ISSUE_LABELS, ISSUES } from '../../../common/journal/codes';
import { WEEKDAYS } from '../../../common/knowledge/types';
import type {
  Bilan,
  FichierCsv,
  Indicateur,
  LigneIssue,
  LigneService,
  Objectif,
  PointLabellise,
  Tableau,
  TableTableau,
} from '../../../common/indicateurs/types';
import type { Unite } from '../../../common/indicateurs/codes';
import { asOf, comparedWith, reviewPeriod } from '../../../common/indicateurs/wording';

type Cell = string | number | null;

const STATUTS_OBJECTIF = { atteint: 'Atteint', proche: 'Proche', non_atteint: 'Non atteint' } as const;
const TENDANCES = { hausse: 'Hausse', baisse: 'Baisse', stable: 'Stable' } as const;

function cell(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}

function table(header: string[], rows: Cell[][]): string {
  const csv = csvTable(
    header,
    rows.map((row) => row.map(cell)),
  );
  // papaparse ends a table without rows with a line break; the sections join with their own.
  return csv.endsWith('\r\n') ? csv.slice(0, -2) : csv;
}

function file(filename: string, body: string): FichierCsv {
  return { filename, csv: csvFile(`${body}\r\n`) };
}

/** A code's French label, or the code itself when the vocabulary does not know it. */
function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return labels[code] ?? code;
}

const UNITES: Record<Unite, string> = { nombre: '', pourcentage: ' %', secondes: ' s' };

export function objectiveText(objectif: Objectif | null, unite: Unite): string {
  if (!objectif) return '';
  const sign = objectif.sens === 'au_moins' ? '≥' : '≤';
  return `${sign} ${cell(objectif.cible)}${UNITES[unite]} (marge ${cell(objectif.marge)})`;
}

function indicatorRows(indicateurs: Indicateur[]): Cell[][] {
  return indicateurs.map((i) => [
    i.libelle,
    i.valeur,
    UNITES[i.unite].trim(),
    objectiveText(i.objectif, i.unite),
    i.statut ? STATUTS_OBJECTIF[i.statut] : '',
    i.tendance.precedente,
    i.tendance.ecart,
    i.tendance.sens ? TENDANCES[i.tendance.sens] : '',
  ]);
}

const INDICATOR_HEADER = [
  'Indicateur',
  'Valeur',
  'Unité',
  'Objectif',
  'Statut',
  'Période précédente',
  'Écart',
  'Tendance',
];

function labelledRows(points: PointLabellise[]): Cell[][] {
  return points.map((p) => [
    p.nom,
    ENTITE_NAMES[p.entite],
    TYPE_NAMES[p.type],
    STATUT_LABELS[p.statut],
    p.depuis,
    p.expireLe,
  ]);
}

const LABELLED_HEADER = ['Point d’accueil', 'Entité', 'Type', 'Statut', 'Depuis le', 'Expire le'];

// The tables the dashboard and the annual review both export, with the same columns.
const issuesTable = (lines: LigneIssue[]) =>
  table(
    ['Issue', 'Contacts', 'Part (%)'],
    lines.map((l) => [l.libelle, l.nombre, l.taux]),
  );
const servicesTable = (lines: LigneService[]) =>
  table(
    ['Service', 'Identifiant', 'Orientations'],
    lines.map((l) => [l.nom, l.serviceId, l.nombre]),
  );

/** Each table of the dashboard, as CSV text. */
const TABLEAU_TABLES: Record<TableTableau, (tableau: Tableau) => string> = {
  indicateurs: (t) => table(INDICATOR_HEADER, indicatorRows(t.indicateurs)),
  volumes: (t) =>
    table(
      ['Période', 'Début', 'Fin', 'Contacts', ...ISSUES.map((issue) => ISSUE_LABELS[issue])],
      t.volumes.map((p) => [p.cle, p.debut, p.fin, p.contacts, ...ISSUES.map((issue) => p.parIssue[issue])]),
    ),
  issues: (t) => issuesTable(t.issues),
  motifs: (t) =>
    table(
      ['Motif de non-résolution', 'Contacts', 'Part des non résolus (%)'],
      t.motifs.map((l) => [l.libelle, l.nombre, l.taux]),
    ),
  services: (t) => servicesTable(t.services),
  affluence: (t) =>
    table(
      ['Jour', 'Heure', 'Contacts'],
      t.affluence.cellules.map((c) => [WEEKDAYS[c.jourSemaine - 1] ?? '', `${c.heure} h`, c.nombre]),
    ),
  fiches: (t) =>
    table(
      ['Fiche', 'Identifiant', 'Consultations'],
      t.fiches.lignes.map((l) => [l.titre, l.ficheId, l.nombre]),
    ),
  recherches_sans_resultat: (t) =>
    table(
      ['Recherche sans résultat', 'Nombre'],
      t.recherchesSansResultat.lignes.map((l) => [l.requete, l.nombre]),
    ),
  recherches_non_resolues: (t) =>
    table(
      ['Recherche (contact non résolu)', 'Nombre'],
      t.recherchesNonResolues.lignes.map((l) => [l.requete, l.nombre]),
    ),
  points_labellises: (t) => table(LABELLED_HEADER, labelledRows(t.pointsLabellises)),
};

/** One table of the dashboard as a CSV file. */
export function tableauCsv(tableau: Tableau, name: TableTableau): FichierCsv {
  const { du, au, canal } = tableau.filtres;
  const filename = `indicateurs-${name.replaceAll('_', '-')}-${du}-${au}${canal ? `-${canal}` : ''}.csv`;
  return file(filename, TABLEAU_TABLES[name](tableau));
}

/** The annual review as one CSV file: a title line, then each section's table, a blank line between them. */
export function bilanCsv(bilan: Bilan): FichierCsv {
  const sections: Array<[string, string]> = [
    ['Période', table(['Période'], [[reviewPeriod(bilan)]])],
    [
      `Volumes par mois (${bilan.annee})`,
      table(
        ['Mois', 'Contacts', ...ISSUES.map((issue) => ISSUE_LABELS[issue])],
        bilan.volumes.map((p) => [p.cle, p.contacts, ...ISSUES.map((issue) => p.parIssue[issue])]),
      ),
    ],
    [
      `Indicateurs et objectifs (comparés à ${comparedWith(bilan)})`,
      table(INDICATOR_HEADER, indicatorRows(bilan.indicateurs)),
    ],
    ['Issues des contacts', issuesTable(bilan.issues)],
    [
      'Motifs de non-résolution',
      table(
        ['Motif', 'Contacts', 'Part des non résolus (%)'],
        bilan.motifs.map((l) => [l.libelle, l.nombre, l.taux]),
      ),
    ],
    ['Services vers lesquels les usagers ont été orientés', servicesTable(bilan.services)],
    [`Registre du label ${asOf(bilan)}`, table(LABELLED_HEADER, labelledRows(bilan.label.registre))],
    [
      `Décisions de label en ${bilan.annee}`,
      table(
        ['Date', 'Point d’accueil', 'Décision', 'Statut', 'Expire le', 'Motif', 'Décidé par'],
        bilan.label.evenements.map((e) => [
          e.date,
          e.nom,
          labelOf(ACTION_LABELS, e.action),
          labelOf(STATUT_LABELS, e.statut),
          e.expireLe,
          e.motif,
          e.decideParNom,
        ]),
      ),
    ],
    [
      `Formations en ${bilan.annee} par type`,
      table(
        ['Formation', 'Sessions', 'Inscrits', 'Présents', 'Absents', 'Agents formés'],
        bilan.formation.parType.map((t) => [
          t.libelle,
          t.sessions,
          t.inscrits,
          t.presents,
          t.absents,
          t.agentsFormes,
        ]),
      ),
    ],
    [
      `Sessions de formation en ${bilan.annee}`,
      table(
        ['Date', 'Formation', 'Formateur', 'Lieu', 'Présents'],
        bilan.formation.sessions.map((s) => [s.date, s.libelle, s.formateur, s.lieu, s.presents]),
      ),
    ],
    [
      `Couverture de la formation ${asOf(bilan)}`,
      table(
        ['Formation', 'Agents affectés', 'Agents formés', 'Couverture (%)'],
        [
          [
            bilan.formation.couverture.typeFormation.libelle,
            bilan.formation.couverture.agents,
            bilan.formation.couverture.formes,
            bilan.formation.couverture.taux,
          ],
        ],
      ),
    ],
    [
      'Recherches sans résultat',
      table(
        ['Recherche', 'Nombre'],
        bilan.lacunes.recherchesSansResultat.map((l) => [l.requete, l.nombre]),
      ),
    ],
    [
      'Recherches des contacts non résolus',
      table(
        ['Recherche', 'Nombre'],
        bilan.lacunes.recherchesNonResolues.map((l) => [l.requete, l.nombre]),
      ),
    ],
    [
      'Plan d’action',
      table(
        bilan.planAction.colonnes,
        bilan.planAction.actions.map((action) => bilan.planAction.colonnes.map((c) => action[c] ?? '')),
      ),
    ],
  ];
  const body = sections.map(([title, csv]) => `${table([title], [])}\r\n${csv}`).join('\r\n\r\n');
  return file(`bilan-annuel-${bilan.annee}.csv`, body);
}
