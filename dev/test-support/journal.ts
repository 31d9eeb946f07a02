// A fresh database with a reception point bound to the installation, and the sample knowledge base's codes:
// what every test of the log starts from.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '../../electron/core/audit/record';
import { INSTALLATION_POINT_KEY } from '../../electron/core/points/installation-point';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import { sql, type Db } from '../../electron/core/store/db';
import { writeSetting } from '../../electron/core/store/settings';
import { Store } from '../../electron/core/store/store';
import { sampleContent } from './content';
import { insertPoint } from './registres';
import type { KnowledgeRefs } from '../../electron/core/journal/refs';
import { knowledgeRefs } from '../../electron/core/journal/refs';

/** Monday 23 November 2026, 10:00 in Paris. */
export const NOW = new Date('2026-11-23T09:00:00Z');

export interface JournalFixture {
  store: Store;
  db: Db;
  pointId: number;
  refs: KnowledgeRefs;
  /** Two staff accounts. */
  alice: Actor;
  bruno: Actor;
}

let sample: ReturnType<typeof parseKnowledge> | undefined;

/** The sample content's fiches (passeport, cni → mairie; encombrants → dechets-service; acte, logement). */
export function sampleRefs(): KnowledgeRefs {
  sample ??= parseKnowledge(sampleContent());
  return knowledgeRefs(sample);
}

async function insertAccount(db: Db, identifiant: string): Promise<Actor> {
  const compteId = await db.value<number>(
    sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
        VALUES (${identifiant}, ${identifiant}, 'x', ${NOW.toISOString()}) RETURNING id`,
  );
  if (compteId === undefined) throw new Error('comptes insert returned no id');
  return { compteId, identifiant };
}

/** Binds the installation to a point (what an administrator does in the settings). */
export async function bindInstallation(db: Db, pointId: number): Promise<void> {
  await writeSetting(db, INSTALLATION_POINT_KEY, pointId);
}

export async function journalFixture(
  options: { type?: 'physique' | 'telephonique' | 'mixte' | 'numerique'; bound?: boolean } = {},
): Promise<JournalFixture> {
  const store = new Store(mkdtempSync(join(tmpdir(), 'infocite-journal-')));
  const db = store.db;
  const pointId = await insertPoint(db, { type: options.type ?? 'physique' });
  if (options.bound !== false) await bindInstallation(db, pointId);
  return {
    store,
    db,
    pointId,
    refs: sampleRefs(),
    alice: await insertAccount(db, 'alice'),
    bruno: await insertAccount(db, 'bruno'),
  };
}
