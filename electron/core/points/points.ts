// Reception points: where citizens are received (a desk, a phone line, a website). A point with history is
// never deleted: it is closed (ouvert = false), so its assignments, its log and its label history stay readable.
import type { PointFields, PointRecord, PointSummary } from '../../../common/points/methods';
import { fold, matchesQuery } from '../../../common/text';
import type { Actor } from '../audit/record';
import { auditedUpdate, recordAudit } from '../audit/record';
import { ConflictError, NotFoundError } from '../errors';
import type { Db } from '../store/db';

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
export function listPoints(db: Db, filter: PointFilter = {}): PointSummary[] {
  const rows = db.prepare('SELECT * FROM points').all() as PointRow[];
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

export function findPoint(db: Db, id: number): PointRecord | null {
  const row = db.prepare('SELECT * FROM points WHERE id = ?').get(id) as PointRow | undefined;
  return row ? toRecord(row) : null;
}

export function getPoint(db: Db, id: number): PointRecord {
  const point = findPoint(db, id);
  if (!point) throw new NotFoundError(`Le point d'accueil n° ${id} n'existe pas.`);
  return point;
}

/** The point holding a code (codes compare without regard to case), if any. */
export function pointByCode(db: Db, code: string): PointRecord | null {
  const row = db.prepare('SELECT * FROM points WHERE code = ?').get(code) as PointRow | undefined;
  return row ? toRecord(row) : null;
}

function checkCodeFree(db: Db, code: string, exceptId: number | null): void {
  const holder = pointByCode(db, code);
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

export function createPoint(db: Db, actor: Actor, fields: PointFields, now: Date): PointRecord {
  return db.legacyTransaction(() => {
    checkCodeFree(db, fields.code, null);
    const id = Number(
      db
        .prepare(
          `INSERT INTO points (${FIELDS.join(', ')}, cree_le) VALUES (${FIELDS.map(() => '?').join(', ')}, ?)`,
        )
        .run(...values(fields), now.toISOString()).lastInsertRowid,
    );
    const created = getPoint(db, id);
    recordAudit(db, actor, { action: 'creation', objet: 'point', objetId: id, apres: created }, now);
    return created;
  })();
}

/** Changes a point's fields; closing it is `ouvert: false` (its history stays). */
export function updatePoint(db: Db, actor: Actor, id: number, fields: PointFields, now: Date): PointRecord {
  return db.legacyTransaction(() =>
    auditedUpdate(
      db,
      actor,
      { action: 'modification', objet: 'point', objetId: id },
      () => getPoint(db, id),
      () => {
        checkCodeFree(db, fields.code, id);
        db.prepare(`UPDATE points SET ${FIELDS.map((key) => `${key} = ?`).join(', ')} WHERE id = ?`).run(
          ...values(fields),
          id,
        );
      },
      now,
    ),
  )();
}
