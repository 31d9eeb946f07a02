// The tables the dashboard and the annual review both show (volumes, issues, motifs, services, searches): their
// columns and formatted rows are built here once, so the two pages cannot drift apart. Each page keeps its own
// caption, test id and empty text. Pure, tested under Node.
import type {
  LigneIssue,
  LigneMotif,
  LigneRecherche,
  LigneService,
  Periode,
} from '../../../../common/indicateurs/types';
import type { Granularite } from '../../../../common/indicateurs/codes';
import type { Column } from './DataTable';
import { formatValue, periodLabel } from './indicateur-format';

const COUNT = new Intl.NumberFormat('fr-FR');
/** « 1 234 »: a count of contacts, sessions, agents. */
export const formatCount = (value: number): string => COUNT.format(value);
/** « 82,5 % », « – » over no contact. */
export const formatRate = (value: number | null): string => formatValue(value, 'pourcentage');

export interface TableData {
  columns: Column[];
  rows: string[][];
}

/** Contacts per period, then per issue (one column an issue, in the order of `issues`). */
export function volumesTable(
  volumes: Periode[],
  issues: LigneIssue[],
  granularite: Granularite,
  periodHeader: string,
): TableData {
  return {
    columns: [
      { label: periodHeader },
      { label: 'Contacts', num: true },
      ...issues.map((line) => ({ label: line.libelle, num: true })),
    ],
    rows: volumes.map((period) => [
      periodLabel(period.cle, granularite),
      formatCount(period.contacts),
      ...issues.map((line) => formatCount(period.parIssue[line.issue])),
    ]),
  };
}

export function issuesTable(issues: LigneIssue[]): TableData {
  return {
    columns: [{ label: 'Issue' }, { label: 'Contacts', num: true }, { label: 'Part', num: true }],
    rows: issues.map((line) => [line.libelle, formatCount(line.nombre), formatRate(line.taux)]),
  };
}

export function motifsTable(motifs: LigneMotif[]): TableData {
  return {
    columns: [{ label: 'Motif' }, { label: 'Contacts', num: true }, { label: 'Part', num: true }],
    rows: motifs.map((line) => [line.libelle, formatCount(line.nombre), formatRate(line.taux)]),
  };
}

export function servicesTable(services: LigneService[]): TableData {
  return {
    columns: [{ label: 'Service' }, { label: 'Orientations', num: true }],
    rows: services.map((line) => [line.nom, formatCount(line.nombre)]),
  };
}

/** Searches typed at the desk (with no result, or ending unresolved), with how many times. */
export function searchesTable(lines: LigneRecherche[]): TableData {
  return {
    columns: [{ label: 'Recherche' }, { label: 'Fois', num: true }],
    rows: lines.map((line) => [line.requete, formatCount(line.nombre)]),
  };
}
