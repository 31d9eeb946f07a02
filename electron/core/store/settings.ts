// The installation's settings: one JSON value per key, each read through its schema with a default.
import type { z } from 'zod';
import type { Db } from './db';

export function readSetting<S extends z.ZodType>(
  db: Db,
  key: string,
  schema: S,
  fallback: z.output<S>,
): z.output<S> {
  const raw = db.prepare('SELECT valeur FROM reglages WHERE cle = ?').pluck().get(key) as string | undefined;
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
export function writeSetting(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO reglages (cle, valeur) VALUES (?, ?) ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur',
  ).run(key, JSON.stringify(value));
}
