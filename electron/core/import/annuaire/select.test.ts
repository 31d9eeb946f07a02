import { describe, expect, it } from 'vitest';
import { departementOf, distanceKm, isInseeCode, selectForCommune, TERRITORIAL_KINDS } from './select';
import { record } from '../../../../dev/test-support/annuaire';

// A commune 25001 at (47.0, 6.0); 25002 is ~11 km north, 25003 ~56 km north; 39001 (Jura) ~2 km away.
const records = [
  record({ id: 'mairie-25001-01', lat: 47.0, lon: 6.0 }),
  record({ id: 'ccas-25001-01', lat: 47.001, lon: 6.001 }),
  record({ id: 'caf-25001-01', lat: 47.002, lon: 6.0 }),
  record({ id: 'caf-25003-01', lat: 47.5, lon: 6.0 }),
  record({ id: 'cpam-25002-01', lat: 47.1, lon: 6.0 }),
  record({ id: 'cpam-25003-01', lat: 47.5, lon: 6.0 }),
  record({ id: 'cpam-39001-01', lat: 47.02, lon: 6.0 }),
  record({ id: 'prefecture-25003-01', lat: 47.5, lon: 6.0 }),
  record({ id: 'sous_pref-25002-01', lat: 47.1, lon: 6.0 }),
  record({ id: 'mairie-25002-01', lat: 47.1, lon: 6.0 }),
  record({ id: 'epci-25002-01', lat: 47.1, lon: 6.0 }),
  record({ id: 'pole_emploi-25002-01' }),
  record({ id: 'pole_emploi-25003-01', lat: 47.5, lon: 6.0 }),
  record({ id: 'tresorerie-25002-01', lat: 47.1, lon: 6.0, street: ['BP 72156'] }),
  record({ id: 'tresorerie-25003-01', lat: 47.5, lon: 6.0 }),
];
const kind = (label: string) => {
  const found = TERRITORIAL_KINDS.find((entry) => entry.label === label);
  if (!found) throw new Error(label);
  return found;
};

describe('selectForCommune', () => {
  it('keeps every service of the commune and adds the nearest competent one of each kind it lacks', () => {
    const selection = selectForCommune(records, '25001', {
      kinds: [
        kind('Caisse d’allocations familiales (CAF)'),
        kind('Caisse primaire d’assurance maladie (CPAM)'),
      ],
    });
    expect(selection.local.map((r) => r.id)).toEqual(['caf-25001-01', 'ccas-25001-01', 'mairie-25001-01']);
    // Its own CAF is enough; the CPAM is the nearest in the Doubs, not the nearer one in the Jura.
    expect(selection.competent.map((c) => c.record.id)).toEqual(['cpam-25002-01']);
    expect(selection.competent[0]?.distanceKm).toBeCloseTo(11.1, 1);
    expect(selection.missing).toEqual([]);
  });

  it('lets the préfecture stand for the sous-préfecture and merges a service chosen twice', () => {
    const far = [records[0], records[7]].filter((r) => r !== undefined);
    const selection = selectForCommune(far, '25001', {
      kinds: [kind('Préfecture'), kind('Sous-préfecture')],
    });
    expect(selection.competent).toEqual([
      expect.objectContaining({ kinds: ['Préfecture', 'Sous-préfecture'] }),
    ]);
    const withSousPref = selectForCommune(records, '25001', {
      kinds: [kind('Préfecture'), kind('Sous-préfecture')],
    });
    expect(withSousPref.competent.map((c) => [c.record.id, c.kinds])).toEqual([
      ['prefecture-25003-01', ['Préfecture']],
      ['sous_pref-25002-01', ['Sous-préfecture']],
    ]);
  });

  it('skips candidates without coordinates or that cannot be imported, and names the kinds found nowhere', () => {
    const selection = selectForCommune(records, '25001', {
      kinds: [kind('Pôle emploi'), kind('Trésorerie'), kind('CARSAT (retraite)')],
      isUsable: (r) => !r.address.lines.every((line) => line.startsWith('BP')),
    });
    expect(selection.competent.map((c) => c.record.id)).toEqual([
      'pole_emploi-25003-01',
      'tresorerie-25003-01',
    ]);
    expect(selection.missing).toEqual(['CARSAT (retraite)']);
  });

  it('never adds mairies, CCAS or intercommunalités of other communes', () => {
    const selection = selectForCommune(records, '25001');
    const types = selection.competent.map((c) => c.record.type);
    expect(types).not.toContain('mairie');
    expect(types).not.toContain('ccas');
    expect(types).not.toContain('epci');
  });

  it('measures from the mairie, else from the middle of the commune’s services', () => {
    expect(selectForCommune(records, '25001').reference).toEqual({ lat: 47.0, lon: 6.0 });
    const noMairie = [
      record({ id: 'caf-25009-01', lat: 47.0, lon: 6.0 }),
      record({ id: 'pmi-25009-01', lat: 47.2, lon: 6.2 }),
    ];
    expect(selectForCommune(noMairie, '25009').reference).toEqual({ lat: 47.1, lon: 6.1 });
    const noCoordinates = selectForCommune([record({ id: 'mairie-25009-01' }), ...records], '25009');
    expect(noCoordinates).toMatchObject({ competent: [], reference: undefined });
    expect(noCoordinates.local).toHaveLength(1);
  });

  it('returns nothing for a commune absent from the export', () => {
    expect(selectForCommune(records, '25999')).toMatchObject({ local: [], competent: [] });
  });
});

describe('INSEE codes and distances', () => {
  it('accepts commune codes, Corsica included, and finds their département', () => {
    expect(['25056', '2A004', '2b033', '97411'].map(isInseeCode)).toEqual([true, true, true, true]);
    expect(['2505', '250560', '25000 ', 'Besançon'].map(isInseeCode)).toEqual([false, false, false, false]);
    expect(['25056', '2A004', '97411'].map(departementOf)).toEqual(['25', '2A', '974']);
  });

  it('computes great-circle distances', () => {
    // Besançon – Montbéliard: about 66 km as the crow flies.
    expect(distanceKm({ lat: 47.2378, lon: 6.0241 }, { lat: 47.5097, lon: 6.7984 })).toBeCloseTo(65.6, 0);
  });
});
