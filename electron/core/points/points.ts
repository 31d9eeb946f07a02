// Reception points: where citizens are received (a desk, a phone line, a website). A point with history is
// never deleted: it is closed (ouvert = false), so its assignments, its log and its label history stay readable.
import type { PointFields, PointRecord, PointSummary } from '../../../common/points/methods';
import { fold, matchesQuery } from '../../../common/text';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { ConflictError, NotFoundError } from '../errors';
import { sql, type Db } from '../store/db';

interface PointRow extends Omit<PointRecord, 'ouvert'> {
  ouvert: number;
}

function toRecord(row: PointRow): PointRecord {
  return { ...row, ouvert: row.ouvert === 1 };
}

function summary(record: PointRecord): PointSummary {
  const { id, code, nom, entite, type, commune, ouvert } = record;
  return { id, code, nom, entite, type, commune, ouvert };
}

export interface PointFilter {
  q?: string;
  entite?: PointSummary['entite'];
  ouvert?: boolean;
}

/** Points for lists and pickers, by name; `q` looks in the code, the name and the commune. */
export async function listPoints(db: Db, filter: PointFilter = {}): Promise<PointSummary[]> {
  const rows = await db.all<PointRow>(sql`SELECT * FROM points`);
  return rows
    .map(toRecord)
    .filter(
      (point) =>
        (filter.entite === undefined || point.entite === filter.entite) &&
        (filter.ouvert === undefined || point.ouvert === filter.ouvert) &&
        matchesQuery(filter.q, point.code, point.nom, point.commune),
    )
    .sort((a, b) => fold(a.nom).localeCompare(fold(b.nom), 'fr'))
    .map(summary);
}

export async function findPoint(db: Db, id: number): Promise<PointRecord | null> {
  const row = await db.one<PointRow>(sql`SELECT * FROM points WHERE id = ${id}`);
  return row ? toRecord(row) : null;
}

export async function getPoint(db: Db, id: number): Promise<PointRecord> {
  const point = await findPoint(db, id);
  if (!point) throw new NotFoundError(`Le point d'accueil n° ${id} n'existe pas.`);
  return point;
}

/** The point holding a code (codes compare without regard to case), if any. */
export async function pointByCode(db: Db, code: string): Promise<PointRecord | null> {
  // Unique whatever the case: SQLite's NOCASE column, PostgreSQL's unique index on lower(code).
  const row = await db.one<PointRow>(sql`SELECT * FROM points WHERE lower(code) = lower(${code})`);
  return row ? toRecord(row) : null;
}

async function checkCodeFree(db: Db, code: string, exceptId: number | null): Promise<void> {
  const holder = await pointByCode(db, code);
  if (holder && holder.id !== exceptId)
    throw new ConflictError(
      `Le code « ${code} » est déjà celui du point « ${holder.nom} ». Choisissez-en un autre.`,
    );
}

const FIELDS = [
  'code',
  'nom',
  'entite',
  'type',
  'voie',
  'complement',
  'code_postal',
  'commune',
  'horaires',
  'contact_id',
  'ouvert',
] as const;

function values(fields: PointFields): Array<string | number | null> {
  return FIELDS.map((key) => (key === 'ouvert' ? (fields.ouvert ? 1 : 0) : fields[key]));
}

export async function createPoint(
  db: Db,
  actor: Actor,
  fields: PointFields,
  now: Date,
): Promise<PointRecord> {
  return db.transaction(async (tx) => {
    await checkCodeFree(tx, fields.code, null);
    const id =
      await tx.insertId(sql`INSERT INTO points (${sql.join(FIELDS.map((key) => sql.ref(key)))}, cree_le)
            VALUES (${sql.join(values(fields))}, ${now.toISOString()})
            RETURNING id`);
    const created = await getPoint(tx, id);
    await recordAudit(tx, actor, { action: 'creation', objet: 'point', objetId: id, apres: created }, now);
    return created;
  });
}

/** Changes a point's fields; closing it is `ouvert: false` (its history stays). */
export async function updatePoint(
  db: Db,
  actor: Actor,
  id: number,
  fields: PointFields,
  now: Date,
): Promise<PointRecord> {
  return db.transaction((tx) =>
    auditedUpdate(
      tx,
      actor,
      { action: 'modification', objet: 'point', objetId: id },
      () => getPoint(tx, id),
      async () => {
        await checkCodeFree(tx, fields.code, id);
        const row = values(fields);
        const set = FIELDS.map((key, i) => sql`${sql.ref(key)} = ${row[i]}`);
        await tx.run(sql`UPDATE points SET ${sql.join(set)} WHERE id = ${id}`);
      },
      now,
    ),
  );
}
