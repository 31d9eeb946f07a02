import { describe, expect, it } from 'vitest';
import { parseAddress } from './address';
import type { RawAddress } from './records';

// Every case below is a real `writeAddress` of the Doubs export (annuaire-doubs-2016.jsonl).
const address = (lines: string[], postalCode: string, locality: string, banCommune?: string): RawAddress => ({
  lines,
  postalCode,
  locality,
  banCommune,
});

describe('parseAddress', () => {
  it('keeps a single street line and drops « Cedex » from the commune', () => {
    expect(parseAddress(address(['2 rue Mégevand'], '25034', 'Besançon Cedex'))).toEqual({
      ok: true,
      adresse: { voie: '2 rue Mégevand', code_postal: '25034', commune: 'Besançon' },
    });
  });

  it('puts a BP line in the complement and drops a numbered « Cedex 6 »', () => {
    expect(parseAddress(address(['25 rue Gambetta', 'BP 26367'], '25018', 'Besançon Cedex 6'))).toEqual({
      ok: true,
      adresse: { voie: '25 rue Gambetta', complement: 'BP 26367', code_postal: '25018', commune: 'Besançon' },
    });
  });

  it('finds the street among a BP and a building, whatever their order, boxes last in the complement', () => {
    const result = parseAddress(
      address(
        ['BP 1169', 'Direction départementale des territoires', '6 rue du Roussillon'],
        '25003',
        'Besançon Cedex',
      ),
    );
    expect(result).toEqual({
      ok: true,
      adresse: {
        voie: '6 rue du Roussillon',
        complement: 'Direction départementale des territoires, BP 1169',
        code_postal: '25003',
        commune: 'Besançon',
      },
    });
    expect(
      parseAddress(address(['La City', 'CS 91785', '3 avenue Louise-Michel'], '25044', 'Besançon Cedex')),
    ).toMatchObject({
      adresse: { voie: '3 avenue Louise-Michel', complement: 'La City, CS 91785' },
    });
  });

  it('splits a BP written on the street line', () => {
    expect(
      parseAddress(
        address(['Palais de Justice', '1 rue Mégevand BP 159'], '25014', 'BESANCON CEDEX', 'Besançon'),
      ),
    ).toEqual({
      ok: true,
      adresse: {
        voie: '1 rue Mégevand',
        complement: 'Palais de Justice, BP 159',
        code_postal: '25014',
        commune: 'Besançon',
      },
    });
  });

  it('reads street numbers with a comma, « bis », a letter or a range', () => {
    const voie = (line: string) => {
      const result = parseAddress(address(['Le Major', line], '25042', 'Besançon Cedex'));
      return result.ok ? result.adresse.voie : result.reason;
    };
    expect(voie('83, rue de Dôle')).toBe('83 rue de Dôle');
    expect(voie('11 bis, rue Nicolas-Bruand')).toBe('11 bis rue Nicolas-Bruand');
    expect(voie('21 A, rue Alain-Savary')).toBe('21 A rue Alain-Savary');
    expect(voie('1A rue du Général-Herr')).toBe('1A rue du Général-Herr');
    expect(voie('69-71, rue de la République')).toBe('69-71 rue de la République');
  });

  it('takes a way without number before a place name, and capitalises it', () => {
    expect(
      parseAddress(address(['cité judiciaire', 'rue Mozart'], '25209', 'MONTBELIARD CEDEX', 'Montbéliard')),
    ).toEqual({
      ok: true,
      adresse: {
        voie: 'Rue Mozart',
        complement: 'cité judiciaire',
        code_postal: '25209',
        commune: 'Montbéliard',
      },
    });
    expect(parseAddress(address(['Le Bourg'], '25250', 'Bretigney'))).toMatchObject({
      adresse: { voie: 'Le Bourg' },
    });
    expect(parseAddress(address(['BP 27', '15 Grande rue'], '25800', 'Épenoy'))).toMatchObject({
      adresse: { voie: '15 Grande rue', complement: 'BP 27' },
    });
  });

  it('falls back on a place name when no line names a way', () => {
    expect(
      parseAddress(address(['Centre des finances publiques Chamars', 'BP 1497'], '25008', 'Besançon Cedex')),
    ).toEqual({
      ok: true,
      adresse: {
        voie: 'Centre des finances publiques Chamars',
        complement: 'BP 1497',
        code_postal: '25008',
        commune: 'Besançon',
      },
    });
    expect(parseAddress(address(['Les Rives de la Loue', 'BP3'], '25440', 'Quingey'))).toMatchObject({
      adresse: { voie: 'Les Rives de la Loue', complement: 'BP 3' },
    });
  });

  it('keeps care-of lines and Cidex in the complement, never as the voie', () => {
    expect(
      parseAddress(address(['Chez M. Le Maire', '6, chemin d’Ougney'], '25110', 'Séchin')),
    ).toMatchObject({
      adresse: { voie: '6 chemin d’Ougney', complement: 'Chez M. Le Maire' },
    });
    expect(parseAddress(address(['10 rue du Doubs', 'Cidex 1 bis'], '25250', 'La Prétière'))).toMatchObject({
      adresse: { voie: '10 rue du Doubs', complement: 'Cidex 1 bis' },
    });
  });

  it('spells the commune as the Base Adresse Nationale when the names match, else rebuilds capitals', () => {
    const commune = (locality: string, ban?: string) => {
      const result = parseAddress(address(['Rue Principale'], '25110', locality, ban));
      return result.ok ? result.adresse.commune : result.reason;
    };
    expect(commune('Besancon Cedex', 'Besançon')).toBe('Besançon');
    expect(commune('PONT LES MOULINS', 'Pont-les-Moulins')).toBe('Pont-les-Moulins');
    expect(commune('VELLEROT LES BELVOIR')).toBe('Vellerot les Belvoir');
    expect(commune("L'ISLE SUR LE DOUBS")).toBe("L'Isle sur le Doubs");
    expect(commune('Besançon  Cedex')).toBe('Besançon');
    // A BAN commune of another name (the geocoder went astray) is not used.
    expect(commune('Audincourt', 'Montbéliard')).toBe('Audincourt');
  });

  it('refuses an address with only a postal box, no postal code or no commune', () => {
    expect(parseAddress(address(['BP 46192'], '25015', 'Besançon Cedex 6'))).toEqual({
      ok: false,
      reason: 'adresse sans voie (seulement « BP 46192 »)',
    });
    expect(parseAddress(address([], '25015', 'Besançon'))).toEqual({
      ok: false,
      reason: 'adresse sans voie',
    });
    expect(parseAddress({ lines: ['2 rue Mégevand'], locality: 'Besançon' })).toEqual({
      ok: false,
      reason: 'code postal absent',
    });
    expect(parseAddress(address(['2 rue Mégevand'], '2500', 'Besançon'))).toEqual({
      ok: false,
      reason: 'code postal invalide (« 2500 »)',
    });
    expect(parseAddress(address(['2 rue Mégevand'], '25000', 'Cedex'))).toMatchObject({ ok: false });
  });

  it('takes the postal code from the locality when the field is missing', () => {
    expect(parseAddress({ lines: ['2 rue Mégevand'], locality: '25034 Besançon Cedex' })).toMatchObject({
      adresse: { code_postal: '25034', commune: 'Besançon' },
    });
  });
});
