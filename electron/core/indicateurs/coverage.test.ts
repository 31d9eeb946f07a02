import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { validUntil } from '../formations/training-validity';
import { sql, type RawBuilder } from '../store/db';
import type { Store } from '../store/store';
import {
  assign,
  attend,
  insertAgent,
  insertPoint,
  insertSession,
  trainedAgent,
} from '../../../dev/test-support/registres';
import { coverage, validUntilSql } from './coverage';
import { freshStore } from '../../../dev/test-support/indicateurs';

let store: Store;
beforeEach(() => {
  store = freshStore();
});
afterEach(async () => {
  await store.close();
});

describe('trained-agent coverage', () => {
  it('computes validUntil in SQL exactly as training-validity.ts does, month ends included', async () => {
    const db = store.db;
    await db.run(sql`CREATE TEMP TABLE essais (date TEXT, mois INTEGER)`);
    // Every day of 2023 and 2024 (month ends, 29 February) with short and long validities.
    const essais: RawBuilder<unknown>[] = [];
    for (let time = Date.UTC(2023, 0, 1); time <= Date.UTC(2024, 11, 31); time += 86_400_000)
      for (const mois of [1, 6, 24, 36])
        essais.push(sql`(${new Date(time).toISOString().slice(0, 10)}, ${mois})`);
    await db.transaction(async (tx) => {
      for (const essai of essais) await tx.run(sql`INSERT INTO essais VALUES ${essai}`);
    });
    const rows = await db.all<{ date: string; mois: number; jusquau: string }>(
      sql`SELECT date, mois, ${validUntilSql('date', 'mois')} AS jusquau FROM essais`,
    );
    expect(rows).toHaveLength(731 * 4);
    for (const row of rows) expect(row.jusquau).toBe(validUntil({ date: row.date, validiteMois: row.mois }));
    // The case SQLite alone gets wrong: 31 January + 1 month is 28 February, not 3 March.
    expect(rows.find((r) => r.date === '2023-01-31' && r.mois === 1)?.jusquau).toBe('2023-02-27');
  });

  it('counts active assigned agents and those with a valid Info’Cité training, by point and entité', async () => {
    const db = store.db;
    const hotel = await insertPoint(db, { entite: 'ville' });
    const ccas = await insertPoint(db, { entite: 'ccas' });
    await trainedAgent(db, hotel, '2024-01-01', '2024-06-01'); // valid until 31 May 2026
    await trainedAgent(db, hotel, '2024-01-01', '2023-03-31'); // valid until 30 March 2025
    await trainedAgent(db, hotel, '2024-01-01', '2025-01-10', {}, 'accueil'); // another training
    await trainedAgent(db, ccas, '2024-01-01', null);
    await trainedAgent(db, hotel, '2024-01-01', '2024-06-01', { actif: false }); // has left: not counted
    const twice = await insertAgent(db); // assigned to both points: one agent
    await assign(db, twice, hotel, '2024-01-01');
    await assign(db, twice, ccas, '2024-01-01');
    await attend(db, await insertSession(db, 'infocite', '2024-09-01'), twice);
    const absent = await insertAgent(db);
    await assign(db, absent, ccas, '2024-01-01');
    await attend(db, await insertSession(db, 'infocite', '2024-09-01'), absent, 'absent');

    // 30 March: agents 1, 2, 3, 4, twice, absent = 6; trained 1, 2, twice = 3.
    expect(await coverage(db, '2025-03-30', {})).toMatchObject({ agents: 6, formes: 3, taux: 50 });
    // 31 March: agent 2's training has expired.
    expect(await coverage(db, '2025-03-31', {})).toMatchObject({
      jour: '2025-03-31',
      typeFormation: { code: 'infocite', libelle: "Utilisation de la base Info'Cité" },
      agents: 6,
      formes: 2,
      taux: 33.3,
    });
    // The CCAS: agent 4, twice, absent; only twice is trained.
    expect(await coverage(db, '2025-03-31', { entite: 'ccas' })).toMatchObject({
      agents: 3,
      formes: 1,
      taux: 33.3,
    });
    expect(await coverage(db, '2025-03-31', { pointId: hotel })).toMatchObject({
      agents: 4,
      formes: 2,
      taux: 50,
    });
    // Before anyone was assigned.
    expect(await coverage(db, '2023-12-31', {})).toMatchObject({ agents: 0, formes: 0, taux: null });
  });
});
