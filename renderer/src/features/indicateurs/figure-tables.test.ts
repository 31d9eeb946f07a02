import { describe, expect, it } from 'vitest';
import type { LigneIssue, Periode } from '../../../../common/indicateurs/types';
import { formatRate, issuesTable, searchesTable, volumesTable } from './figure-tables';

// Intl's French grouping uses a narrow no-break space.
const nb = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ');

const ISSUES: LigneIssue[] = [
  { issue: 'repondu', libelle: 'Répondu (premier niveau)', nombre: 1200, taux: 75 },
  { issue: 'non_resolu', libelle: 'Non résolu', nombre: 400, taux: 25 },
];
const PAR_ISSUE = { oriente_fiche: 0, oriente_autre: 0, rendez_vous: 0, transmis: 0 };

describe('figure tables', () => {
  it('lays out the volumes by period, one column an issue', () => {
    const volumes: Periode[] = [
      {
        cle: '2025-03',
        debut: '2025-03-01',
        fin: '2025-03-31',
        contacts: 1600,
        parIssue: { ...PAR_ISSUE, repondu: 1200, non_resolu: 400 },
      },
    ];
    const { columns, rows } = volumesTable(volumes, ISSUES, 'mois', 'Mois');
    expect(columns).toEqual([
      { label: 'Mois' },
      { label: 'Contacts', num: true },
      { label: 'Répondu (premier niveau)', num: true },
      { label: 'Non résolu', num: true },
    ]);
    expect(rows.map((row) => row.map(nb))).toEqual([['mars 2025', '1 600', '1 200', '400']]);
  });

  it('counts and shares the issues, and counts the searches', () => {
    expect(issuesTable(ISSUES).rows.map((row) => row.map(nb))).toEqual([
      ['Répondu (premier niveau)', '1 200', '75 %'],
      ['Non résolu', '400', '25 %'],
    ]);
    expect(searchesTable([{ requete: 'permis de louer', nombre: 3 }]).rows).toEqual([
      ['permis de louer', '3'],
    ]);
    expect(formatRate(null)).toBe('–');
  });
});
