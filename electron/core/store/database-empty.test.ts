// Issue 17: an empty database file is refused like a corrupt one, never taken for a new installation (whose
// first visitor would set up the administrator's account).
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DatabaseVersionError, openDatabase } from './database';
import { DATABASE_FILE, Store } from './store';

const temporary: string[] = [];
afterEach(() => {
  for (const dir of temporary.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('an empty database file', () => {
  it('is refused with the corrupt-file message style, and left as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'infocite-db-'));
    temporary.push(dir);
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, '');
    expect(() => new Store(dir)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(file, { backupDir: join(dir, 'sauvegardes') })).toThrow(
      `La base de données ${file} ne peut pas être ouverte : le fichier est vide (0 octet), il a sans doute été tronqué. Restaurez une sauvegarde ; le fichier n'a pas été modifié.`,
    );
    expect(statSync(file).size).toBe(0);
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('is not confused with a missing file, which is a new installation', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infocite-db-'));
    temporary.push(dir);
    const store = new Store(dir);
    expect(statSync(join(dir, DATABASE_FILE)).size).toBeGreaterThan(0);
    await store.close();
  });
});
