import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../audit/record';
import type { Db } from '../store/db';
import { Store } from '../store/store';
import type { PointFixture } from '../../../dev/test-support/registres';
import { insertPoint, trainedAgent } from '../../../dev/test-support/registres';
import type { LabelAction } from '../../../common/label/types';
import { decideLabel } from './decide';
import { labelRegister, registerCsv } from './register';

const NOW = new Date('2026-11-23T09:00:00Z');
const ACTOR: Actor = { compteId: null, identifiant: 'test' };

let store: Store;
let db: Db;

beforeEach(async () => {
  store = new Store(mkdtempSync(join(tmpdir(), 'label-register-')));
  db = store.db;
});

afterEach(async () => store.close());

async function pointWith(fields: PointFixture, actions: LabelAction[], on = '2026-01-15'): Promise<number> {
  const pointId = await insertPoint(db, fields);
  // Trained some months before the decisions.
  const trainedOn = `${Number(on.slice(0, 4)) - 1}-06-01`;
  await trainedAgent(db, pointId, '2020-01-01', trainedOn);
  await trainedAgent(db, pointId, '2020-01-01', trainedOn);
  for (const action of actions)
    await decideLabel(db, ACTOR, { pointId, action, motif: 'motif' }, new Date(`${on}T09:00:00Z`));
  return pointId;
}

const GRANT: LabelAction[] = ['demander', 'instruire', 'accorder'];

describe('the public register', () => {
  it('lists the labels in force only, and exports them as a CSV Excel reads', async () => {
    await pointWith(
      {
        nom: 'Mairie annexe Nord',
        entite: 'ville',
        type: 'mixte',
        voie: '2 rue du Nord',
        codePostal: '99150',
        commune: 'Montrouval',
        horaires: 'Lundi-vendredi; 8h30-12h',
      },
      GRANT,
    );
    await pointWith({ nom: 'CCAS – accueil Sud', entite: 'ccas', type: 'telephonique' }, [
      ...GRANT,
      'renouveler',
    ]);
    await pointWith({ nom: '=HYPERLINK("x")', entite: 'metropole' }, GRANT);
    await pointWith({ nom: 'Suspendu' }, [...GRANT, 'suspendre']);
    await pointWith({ nom: 'En instruction' }, ['demander', 'instruire']);
    await pointWith({ nom: 'Retiré' }, [...GRANT, 'retirer']);
    await pointWith({ nom: 'Expiré' }, GRANT, '2023-01-15');

    const rows = await labelRegister(db, NOW);
    expect(rows.map((r) => r.nom)).toEqual(['Mairie annexe Nord', '=HYPERLINK("x")', 'CCAS – accueil Sud']);
    expect(rows[0]).toMatchObject({
      adresse: '2 rue du Nord, 99150 Montrouval',
      labelliseLe: '2026-01-15',
      expireLe: '2029-01-15',
    });
    // Renewed on the day of the grant: the expiry moves on by 36 months, the grant's date stays.
    expect(rows[2]).toMatchObject({ labelliseLe: '2026-01-15', expireLe: '2032-01-15' });

    const { filename, csv } = await registerCsv(db, NOW);
    expect(filename).toBe('registre-label-infocite-2026-11-23.csv');
    expect(csv.startsWith('\uFEFFEntité;Nom;Type;Adresse;Horaires;Labellisé le;Expire le\r\n')).toBe(true);
    const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(4);
    expect(parsed.data[1]).toEqual([
      'Ville',
      'Mairie annexe Nord',
      'Accueil mixte',
      '2 rue du Nord, 99150 Montrouval',
      'Lundi-vendredi; 8h30-12h',
      '15/01/2026',
      '15/01/2029',
    ]);
    // A name that looks like a formula is neutralised.
    expect(parsed.data[2]?.[1]).toBe('\'=HYPERLINK("x")');
  });
});
