// The installation's settings: one JSON value per key, each read through its schema with a default.
import type { z } from 'zod';
import { sql, type Db } from './db';

export async function readSetting<S extends z.ZodType>(
  db: Db,
  key: string,
  schema: S,
  fallback: z.output<S>,
): Promise<z.output<S>> {
  const raw = await db.value<string>(sql`SELECT valeur FROM reglages WHERE cle = ${key}`);
  if (raw === undefined) return fallback;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return fallback;
  }
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

/** Writes a setting; the caller audits it in the same transaction. */
export async function writeSetting(db: Db, key: string, value: unknown): Promise<void> {
  await db.run(
    sql`INSERT INTO reglages (cle, valeur) VALUES (${key}, ${JSON.stringify(value)})
        ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur`,
  );
}
