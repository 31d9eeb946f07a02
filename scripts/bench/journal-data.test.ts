import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Store } from '../../electron/core/store/store';
import { demoKnowledge, generateJournal } from './journal-data';

const stores: Store[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function fresh(): Store {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-journal-data-')));
  stores.push(store);
  return store;
}

describe('generateJournal', () => {
  it('writes a plausible, valid year: weekdays, desk hours, mostly answered, known codes', () => {
    const { db } = fresh();
    const summary = generateJournal(db, { entries: 5000, year: 2025, points: 4, seed: 3 });
    expect(summary).toMatchObject({ entries: 5000, firstId: 1, lastId: 5000 });
    expect(summary.pointIds).toHaveLength(4);
    const one = (sql: string) => db.prepare(sql).pluck().get();
    expect(one('SELECT count(*) FROM journal')).toBe(5000);
    expect(one("SELECT count(*) FROM journal WHERE jour NOT LIKE '2025-%'")).toBe(0);
    // strftime('%w'): 0 is Sunday, 6 Saturday.
    expect(one("SELECT count(*) FROM journal WHERE strftime('%w', jour) IN ('0', '6')")).toBe(0);
    expect(one("SELECT count(*) FROM journal WHERE jour IN ('2025-05-01', '2025-12-25')")).toBe(0);
    expect(one('SELECT min(heure) >= 8 AND max(heure) <= 17 FROM journal')).toBe(1);
    const answered = one("SELECT avg(issue = 'repondu') FROM journal") as number;
    expect(answered).toBeGreaterThan(0.65);
    expect(answered).toBeLessThan(0.75);
    expect(one('SELECT count(*) FROM journal WHERE horodatage < jour')).toBe(0);

    const knowledge = demoKnowledge();
    const contacts = new Set(knowledge.contacts.map((contact) => contact.id));
    const fiches = new Set(knowledge.fiches.map((fiche) => fiche.id));
    const themes = new Set(knowledge.themes.map((theme) => theme.id));
    const column = (sql: string) => db.prepare(sql).pluck().all() as string[];
    expect(
      column('SELECT DISTINCT service_id FROM journal WHERE service_id IS NOT NULL').every((id) =>
        contacts.has(id),
      ),
    ).toBe(true);
    expect(column('SELECT DISTINCT fiche_id FROM journal_fiches').every((id) => fiches.has(id))).toBe(true);
    expect(
      column('SELECT DISTINCT theme FROM journal WHERE theme IS NOT NULL').every((id) => themes.has(id)),
    ).toBe(true);
    expect(
      one(
        "SELECT count(*) FROM journal WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id IS NULL",
      ),
    ).toBe(0);
    expect(one('SELECT count(*) FROM recherches WHERE resultats = 0')).toBeGreaterThan(0);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('writes the same rows for the same seed, after the entries already there', () => {
    const a = fresh().db;
    const b = fresh().db;
    generateJournal(a, { entries: 500, year: 2024, points: 2, seed: 9 });
    generateJournal(b, { entries: 500, year: 2024, points: 2, seed: 9 });
    const rows = (db: typeof a) => db.prepare('SELECT * FROM journal ORDER BY id').all();
    expect(rows(a)).toEqual(rows(b));
    const more = generateJournal(a, { entries: 100, year: 2025, points: 2, seed: 10 });
    expect(more).toMatchObject({ firstId: 501, lastId: 600, pointIds: [1, 2] });
  });
});
