// CSV exports of the dashboard's tables and of the annual review: « ; » separated, decimal commas and a BOM,
// which is what a French spreadsheet opens as is. papaparse quotes what needs quoting.
import Papa from 'papaparse';
import { ACTION_LABELS, ENTITE_NAMES, STATUT_LABELS, TYPE_NAMES } from '../desks/label-types';
import { ISSUE_LABELS, ISSUES } from '../journal/codes';
import type { Bilan, FichierCsv, Indicateur, Objectif, PointLabellise, Tableau, TableTableau } from './types';
import type { Unite } from './vocabulary';

type Cell = string | number | null;

const STATUTS_OBJECTIF = { atteint: 'Atteint', proche: 'Proche', non_atteint: 'Non atteint' } as const;
const TENDANCES = { hausse: 'Hausse', baisse: 'Baisse', stable: 'Stable' } as const;
const JOURS = ['', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

function cell(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value).replace('.', ',') : value;
}

function table(header: string[], rows: Cell[][]): string {
  const csv = Papa.unparse(
    { fields: header, data: rows.map((row) => row.map(cell)) },
    { delimiter: ';', newline: '\r\n' },
  );
  // papaparse ends a table without rows with a line break; the sections join with their own.
  return csv.endsWith('\r\n') ? csv.slice(0, -2) : csv;
}

function file(filename: string, body: string): FichierCsv {
  return { filename, csv: `\uFEFF${body}\r\n` };
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

/** One table of the dashboard as a CSV file. */
export function tableauCsv(tableau: Tableau, name: TableTableau): FichierCsv {
  const { du, au, canal } = tableau.filtres;
  const filename = `indicateurs-${name.replaceAll('_', '-')}-${du}-${au}${canal ? `-${canal}` : ''}.csv`;
  switch (name) {
    case 'indicateurs':
      return file(filename, table(INDICATOR_HEADER, indicatorRows(tableau.indicateurs)));
    case 'volumes':
      return file(
        filename,
        table(
          ['Période', 'Début', 'Fin', 'Contacts', ...ISSUES.map((issue) => ISSUE_LABELS[issue])],
          tableau.volumes.map((p) => [
            p.cle,
            p.debut,
            p.fin,
            p.contacts,
            ...ISSUES.map((issue) => p.parIssue[issue]),
          ]),
        ),
      );
    case 'issues':
      return file(
        filename,
        table(
          ['Issue', 'Contacts', 'Part (%)'],
          tableau.issues.map((l) => [l.libelle, l.nombre, l.taux]),
        ),
      );
    case 'motifs':
      return file(
        filename,
        table(
          ['Motif de non-résolution', 'Contacts', 'Part des non résolus (%)'],
          tableau.motifs.map((l) => [l.libelle, l.nombre, l.taux]),
        ),
      );
    case 'services':
      return file(
        filename,
        table(
          ['Service', 'Identifiant', 'Orientations'],
          tableau.services.map((l) => [l.nom, l.serviceId, l.nombre]),
        ),
      );
    case 'affluence':
      return file(
        filename,
        table(
          ['Jour', 'Heure', 'Contacts'],
          tableau.affluence.cellules.map((c) => [JOURS[c.jourSemaine] ?? '', `${c.heure} h`, c.nombre]),
        ),
      );
    case 'fiches':
      return file(
        filename,
        table(
          ['Fiche', 'Identifiant', 'Consultations'],
          tableau.fiches.lignes.map((l) => [l.titre, l.ficheId, l.nombre]),
        ),
      );
    case 'recherches_sans_resultat':
      return file(
        filename,
        table(
          ['Recherche sans résultat', 'Nombre'],
          tableau.recherchesSansResultat.lignes.map((l) => [l.requete, l.nombre]),
        ),
      );
    case 'recherches_non_resolues':
      return file(
        filename,
        table(
          ['Recherche (contact non résolu)', 'Nombre'],
          tableau.recherchesNonResolues.lignes.map((l) => [l.requete, l.nombre]),
        ),
      );
    case 'points_labellises':
      return file(filename, table(LABELLED_HEADER, labelledRows(tableau.pointsLabellises)));
  }
}

/** The annual review as one CSV file: a title line, then each section's table, a blank line between them. */
export function bilanCsv(bilan: Bilan): FichierCsv {
  const sections: Array<[string, string]> = [
    [
      `Volumes par mois (${bilan.annee})`,
      table(
        ['Mois', 'Contacts', ...ISSUES.map((issue) => ISSUE_LABELS[issue])],
        bilan.volumes.map((p) => [p.cle, p.contacts, ...ISSUES.map((issue) => p.parIssue[issue])]),
      ),
    ],
    [
      `Indicateurs et objectifs (comparés à ${bilan.annee - 1})`,
      table(INDICATOR_HEADER, indicatorRows(bilan.indicateurs)),
    ],
    [
      'Issues des contacts',
      table(
        ['Issue', 'Contacts', 'Part (%)'],
        bilan.issues.map((l) => [l.libelle, l.nombre, l.taux]),
      ),
    ],
    [
      'Motifs de non-résolution',
      table(
        ['Motif', 'Contacts', 'Part des non résolus (%)'],
        bilan.motifs.map((l) => [l.libelle, l.nombre, l.taux]),
      ),
    ],
    [
      'Services vers lesquels les usagers ont été orientés',
      table(
        ['Service', 'Identifiant', 'Orientations'],
        bilan.services.map((l) => [l.nom, l.serviceId, l.nombre]),
      ),
    ],
    [
      `Registre du label au 31 décembre ${bilan.annee}`,
      table(LABELLED_HEADER, labelledRows(bilan.label.registre)),
    ],
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
      'Couverture de la formation au 31 décembre',
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
    ['Plan d’action', table(bilan.planAction.colonnes, [])],
  ];
  const body = sections.map(([title, csv]) => `${table([title], [])}\r\n${csv}`).join('\r\n\r\n');
  return file(`bilan-annuel-${bilan.annee}.csv`, body);
}
