// The dead letters: entries desks sent that the server refused, kept for an administrator, never dropped. « Réessayer »
// applies the entry again as it came (its time, its desk, judged as on arrival for its age) after the cause was
// fixed (an account reactivated, an assignment recorded…): accepted, or still refused with the new reason.
// « Classer » sets it aside. Both are audited like other administrators' actions.
import type { OutboxKind, RejetView } from '../../../common/sync/methods';
import { outboxEntry } from '../../../common/sync/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { NotFoundError, RefusedError } from '../errors';
import type { CallingDesk } from '../points/call-point';
import { sql, type Db } from '../store/db';
import type { IngestKnowledge } from './apply';
import { applyEntry, reasonOf } from './apply';
import { setReceivedStatus } from './ingest';
import { mustPropagate } from './must-propagate';

interface RejetRow {
  id: number;
  uid: string;
  kind: OutboxKind;
  poste_id: number | null;
  poste_nom: string | null;
  compte_id: number;
  horodatage: string;
  recu_le: string;
  motif: string;
  payload: string;
  traite_le: string | null;
}

const SELECT = sql`SELECT r.id, r.uid, r.kind, r.poste_id, p.nom AS poste_nom, r.compte_id, r.horodatage, r.recu_le,
                       r.motif, r.payload, r.traite_le
                FROM sync_rejets r LEFT JOIN postes p ON p.id = r.poste_id`;

/** The entry as the desk sent it (the column keeps the whole entry). */
function sentEntry(row: RejetRow): unknown {
  return JSON.parse(row.payload) as unknown;
}

function view(row: RejetRow): RejetView {
  const sent = sentEntry(row);
  return {
    id: row.id,
    uid: row.uid,
    kind: row.kind,
    poste: row.poste_id === null ? null : { id: row.poste_id, nom: row.poste_nom ?? '' },
    compteId: row.compte_id,
    at: row.horodatage,
    recuLe: row.recu_le,
    motif: row.motif,
    payload: typeof sent === 'object' && sent !== null && 'payload' in sent ? sent.payload : sent,
    traiteLe: row.traite_le,
  };
}

/** The open dead letters (with `traites`, the settled ones too), the latest first. */
export async function listRejets(db: Db, traites = false): Promise<RejetView[]> {
  const rows = await db.all<RejetRow>(
    sql`${SELECT} ${traites ? sql`` : sql`WHERE r.traite_le IS NULL`} ORDER BY r.recu_le DESC, r.id DESC`,
  );
  return rows.map(view);
}

async function rowOf(db: Db, id: number): Promise<RejetRow> {
  const row = await db.one<RejetRow>(sql`${SELECT} WHERE r.id = ${id}`);
  if (!row) throw new NotFoundError(`L’envoi refusé n° ${id} n’existe pas.`);
  return row;
}

/** The desk an entry came from, as it is now (its point may not have changed: a desk belongs to one point). */
async function deskOf(db: Db, posteId: number | null): Promise<CallingDesk> {
  const desk =
    posteId === null
      ? undefined
      : await db.one<CallingDesk>(
          sql`SELECT p.id, p.nom, p.point_id AS "pointId", pt.nom AS "pointNom", pt.type AS "pointType"
              FROM postes p JOIN points pt ON pt.id = p.point_id WHERE p.id = ${posteId}`,
        );
  if (!desk) throw new RefusedError('Le poste qui a envoyé cette entrée n’existe plus : classez-la.');
  return desk;
}

/** Applies the dead letter again, in a savepoint; the reason it is still refused, or null once accepted. */
async function retry(tx: Db, knowledge: IngestKnowledge, row: RejetRow): Promise<string | null> {
  try {
    await tx.savepoint(async () => {
      const parsed = outboxEntry.safeParse(sentEntry(row));
      if (!parsed.success) throw new RefusedError('Entrée illisible : elle ne peut pas être réessayée.');
      await applyEntry(
        tx,
        knowledge,
        await deskOf(tx, row.poste_id),
        parsed.data,
        new Date(row.horodatage),
        new Date(row.recu_le),
      );
      await setReceivedStatus(tx, parsed.data.uid, 'accepte');
    });
    return null;
  } catch (error) {
    if (mustPropagate(error)) throw error;
    return reasonOf(error);
  }
}

/** An administrator settles an open dead letter: retried (accepted, or still open with the new reason) or set aside. */
export async function settleRejet(
  db: Db,
  knowledge: IngestKnowledge,
  actor: Actor,
  id: number,
  action: 'reessayer' | 'classer',
  now: Date,
): Promise<RejetView> {
  return db.transaction(async (tx) => {
    const row = await rowOf(tx, id);
    if (row.traite_le !== null) throw new RefusedError('Cet envoi refusé a déjà été traité.');
    const avant = view(row);
    if (action === 'classer') {
      await tx.run(
        sql`UPDATE sync_rejets SET traite_le = ${now.toISOString()}, traitement = 'classe'
            WHERE id = ${id} AND traite_le IS NULL`,
      );
    } else {
      const motif = await retry(tx, knowledge, row);
      if (motif === null)
        await tx.run(
          sql`UPDATE sync_rejets SET traite_le = ${now.toISOString()}, traitement = 'reessaye'
              WHERE id = ${id} AND traite_le IS NULL`,
        );
      else await tx.run(sql`UPDATE sync_rejets SET motif = ${motif} WHERE id = ${id}`);
    }
    const apres = view(await rowOf(tx, id));
    await recordAudit(
      tx,
      actor,
      {
        action: action === 'classer' ? 'classement' : 'reessai',
        objet: 'envoi_refuse',
        objetId: id,
        avant,
        apres,
      },
      now,
    );
    return apres;
  });
}
