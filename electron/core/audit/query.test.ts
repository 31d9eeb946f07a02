import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from '../store/db';
import { Store } from '../store/store';
import { auditCsv } from './csv';
import { auditFacets, listAudit } from './query';
import { recordAudit } from './record';

let store: Store;
let dir: string;
const page = { limit: 50, offset: 0 };

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'audit-'));
  store = new Store(dir);
  const db = store.db;
  const write = (
    at: string,
    auteur: string,
    action: string,
    objet: string,
    objetId: number,
    apres: unknown,
  ) =>
    db.transaction((tx) =>
      recordAudit(tx, { compteId: 1, identifiant: auteur }, { action, objet, objetId, apres }, new Date(at)),
    );
  // 23:30 UTC on 14 January is already 15 January in Paris.
  await write('2026-01-14T22:30:00Z', 'admin', 'creation', 'compte', 1, { nom: 'Léa Durand' });
  await write('2026-01-14T23:30:00Z', 'admin', 'creation', 'point', 7, { nom: 'Mairie annexe 50%_' });
  await write('2026-01-16T10:00:00Z', 'gestion', 'accorder', 'label', 7, { statut: 'labellise' });
  await write('2026-01-17T10:00:00Z', 'gestion', 'modification', 'point', 7, { nom: 'Mairie annexe' });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the audit trail’s reading', () => {
  it('lists newest first with before and after parsed, and counts all', async () => {
    const { rows, total } = await listAudit(store.db, page);
    expect(total).toBe(4);
    expect(rows.map((row) => row.action)).toEqual(['modification', 'accorder', 'creation', 'creation']);
    expect(rows[0]).toMatchObject({
      auteur: 'gestion',
      objet: 'point',
      objetId: '7',
      avant: null,
      apres: { nom: 'Mairie annexe' },
    });
  });

  it('filters by kind, action, author and Paris days, and pages', async () => {
    expect((await listAudit(store.db, { ...page, objet: 'point' })).total).toBe(2);
    expect((await listAudit(store.db, { ...page, objet: 'point', action: 'creation' })).total).toBe(1);
    expect((await listAudit(store.db, { ...page, auteur: 'gestion' })).rows.map((r) => r.objet)).toEqual([
      'point',
      'label',
    ]);
    const fifteenth = await listAudit(store.db, { ...page, du: '2026-01-15', au: '2026-01-15' });
    expect(fifteenth.rows.map((r) => r.objet)).toEqual(['point']);
    expect((await listAudit(store.db, { ...page, au: '2026-01-14' })).rows.map((r) => r.objet)).toEqual([
      'compte',
    ]);
    expect((await listAudit(store.db, { ...page, du: '2026-01-16' })).total).toBe(2);
    const second = await listAudit(store.db, { limit: 1, offset: 1 });
    expect(second).toMatchObject({ total: 4, rows: [{ action: 'accorder' }] });
  });

  it('looks for text in the record id and values, % and _ being plain characters', async () => {
    expect((await listAudit(store.db, { ...page, q: 'durand' })).rows.map((r) => r.objet)).toEqual([
      'compte',
    ]);
    expect((await listAudit(store.db, { ...page, q: 'annexe' })).total).toBe(2);
    expect((await listAudit(store.db, { ...page, q: '50%_' })).total).toBe(1);
    expect((await listAudit(store.db, { ...page, q: '%' })).total).toBe(1);
    expect((await listAudit(store.db, { ...page, q: 'labellise' })).rows.map((r) => r.objet)).toEqual([
      'label',
    ]);
  });

  it('gives the filters’ values from the trail itself', async () => {
    expect(await auditFacets(store.db)).toEqual({
      objets: ['compte', 'label', 'point'],
      actions: ['accorder', 'creation', 'modification'],
      auteurs: ['admin', 'gestion'],
    });
  });
});

describe('the audit trail named and exported', () => {
  beforeEach(async () => {
    await store.db.run(
      sql`INSERT INTO comptes (id, identifiant, nom, mot_de_passe, cree_le) VALUES (1, 'marie', 'Marie Dupont', 'x', '2026-01-01T00:00:00Z')`,
    );
    await store.db.run(
      sql`INSERT INTO points (id, code, nom, entite, type, cree_le) VALUES (7, 'annexe', 'Mairie annexe', 'ville', 'physique', '2026-01-01')`,
    );
  });

  it('names the record each row is about, as it is now', async () => {
    const { rows } = await listAudit(store.db, page);
    expect(rows.map((row) => [row.objet, row.objetNom])).toEqual([
      ['point', 'Mairie annexe'],
      ['label', 'Mairie annexe'],
      ['point', 'Mairie annexe'],
      ['compte', 'Marie Dupont'],
    ]);
  });

  it('exports the filtered rows to CSV in Paris time, named, with accents and readable changes', async () => {
    const file = await auditCsv(store.db, { objet: 'label' }, '2026-01-20');
    expect(file.filename).toBe('journal-audit-2026-01-20.csv');
    expect(file.lignes).toBe(1);
    expect(file.csv.startsWith('\uFEFFDate (heure de Paris);Auteur;Action;Objet;Changements;')).toBe(true);
    expect(file.csv).toContain(
      '16 janvier 2026 à 11:00;gestion;Label accordé;label de la Mairie annexe;statut : Labellisé;2026-01-16T10:00:00.000Z',
    );
    const all = await auditCsv(store.db, {}, '2026-01-20');
    expect(all.lignes).toBe(4);
    // 23:30 UTC on 14 January is 00:30 on 15 January in Paris.
    expect(all.csv).toContain(
      '15 janvier 2026 à 00:30;admin;Création;point Mairie annexe;nom : Mairie annexe 50%_',
    );
    expect(all.csv).toContain('compte de Marie Dupont');
  });
});
