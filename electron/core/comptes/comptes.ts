// The accounts' register as administrators see it: list, read, create and change accounts. Every change is
// audited in its own transaction; secrets arrive here already hashed (hashing is slow and asynchronous, a
// transaction is neither) and the audit trail only ever says that one changed.
import type { AgentOption, CompteSummary } from '../../../common/comptes/methods';
import type { Role } from '../../../common/roles';
import { ROLES } from '../../../common/roles';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import { NotFoundError, RefusedError } from '../errors';
import { installationPoint } from '../points/installation-point';
import { sql, type Db } from '../store/db';

/** What the audit trail writes in place of a password or a PIN. */
export const SECRET_CHANGED = '(modifié)';

interface SummaryRow {
  id: number;
  identifiant: string;
  nom: string;
  actif: number;
  agent_id: number | null;
  agent_nom: string | null;
  verrouille_jusqu: string | null;
  echecs: number;
  has_pin: number;
  cree_le: string;
  derniere_connexion: string | null;
}

const SUMMARY_SQL = sql`
  SELECT c.id, c.identifiant, c.nom, c.actif, c.agent_id, c.verrouille_jusqu, c.echecs,
         CASE WHEN c.pin IS NOT NULL THEN 1 ELSE 0 END AS has_pin, c.cree_le, c.derniere_connexion,
         CASE WHEN a.id IS NULL THEN NULL ELSE a.prenom || ' ' || a.nom END AS agent_nom
  FROM comptes c LEFT JOIN agents a ON a.id = c.agent_id`;

/** Roles in the contract's order (agent first, administrateur last), whatever order they were given in. */
export function sortRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

function summary(row: SummaryRow, roles: readonly string[]): CompteSummary {
  return {
    id: row.id,
    identifiant: row.identifiant,
    nom: row.nom,
    roles: sortRoles(roles),
    agent: row.agent_id === null ? null : { id: row.agent_id, nom: row.agent_nom ?? '' },
    actif: row.actif === 1,
    verrouilleJusqu: row.verrouille_jusqu,
    echecs: row.echecs,
    hasPin: row.has_pin === 1,
    creeLe: row.cree_le,
    derniereConnexion: row.derniere_connexion,
  };
}

/** The accounts' summaries, their roles read in one more query (no portable group_concat). */
async function summaries(db: Db, rows: SummaryRow[]): Promise<CompteSummary[]> {
  if (rows.length === 0) return [];
  const roles = await db.all<{ compteId: number; role: string }>(
    sql`SELECT compte_id AS "compteId", role FROM compte_roles
        WHERE compte_id IN (${sql.join(rows.map((row) => row.id))})`,
  );
  const byCompte = new Map<number, string[]>();
  for (const { compteId, role } of roles) byCompte.set(compteId, [...(byCompte.get(compteId) ?? []), role]);
  return rows.map((row) => summary(row, byCompte.get(row.id) ?? []));
}

export async function listComptes(db: Db): Promise<CompteSummary[]> {
  return summaries(db, await db.all<SummaryRow>(sql`${SUMMARY_SQL} ORDER BY lower(c.nom), c.id`));
}

export async function getCompte(db: Db, id: number): Promise<CompteSummary> {
  const [compte] = await summaries(db, await db.all<SummaryRow>(sql`${SUMMARY_SQL} WHERE c.id = ${id}`));
  if (!compte) throw new NotFoundError(`Le compte n° ${id} n'existe pas.`);
  return compte;
}

/**
 * The people an account can be linked to (to open a session with a PIN at their point). At an installation bound
 * to a point, only the agents assigned to it today: a PIN opens a session at the agent's own point only, so a
 * person of another point would be a link that does nothing here. Unbound, every active agent of the register.
 */
export async function agentOptions(db: Db, now: Date = new Date()): Promise<AgentOption[]> {
  const point = await installationPoint(db);
  const today = parisDay(now);
  const atPoint = point
    ? sql`AND EXISTS (
           SELECT 1 FROM affectations f
           WHERE f.agent_id = a.id AND f.point_id = ${point.pointId}
             AND f.debut <= ${today} AND (f.fin IS NULL OR f.fin >= ${today}))`
    : sql``;
  return db.all<AgentOption>(
    sql`SELECT a.id, a.prenom, a.nom, a.service,
              (SELECT c.id FROM comptes c WHERE c.agent_id = a.id ORDER BY c.id LIMIT 1) AS "compteId"
       FROM agents a
       WHERE a.actif = 1 ${atPoint}
       ORDER BY lower(a.nom), lower(a.prenom), a.id`,
  );
}

async function checkAgent(db: Db, agentId: number | null): Promise<void> {
  if (agentId === null) return;
  if ((await db.one(sql`SELECT 1 AS found FROM agents WHERE id = ${agentId}`)) === undefined)
    throw new RefusedError(`L'agent n° ${agentId} n'existe pas : choisissez une personne de la liste.`);
}

/** How many active accounts hold the administrateur role, leaving one account out. */
async function otherActiveAdministrators(db: Db, exceptId: number): Promise<number> {
  return (
    (await db.value<number>(
      sql`SELECT count(*) FROM comptes c JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'administrateur'
       WHERE c.actif = 1 AND c.id <> ${exceptId}`,
    )) ?? 0
  );
}

/**
 * Refuses a change that would leave nobody able to administer the app: without an active administrator, no one
 * could create accounts, unlock them or restore a backup.
 */
async function keepAnAdministrator(
  db: Db,
  before: CompteSummary,
  roles: readonly Role[],
  actif: boolean,
): Promise<void> {
  const wasAdmin = before.actif && before.roles.includes('administrateur');
  const staysAdmin = actif && roles.includes('administrateur');
  if (wasAdmin && !staysAdmin && (await otherActiveAdministrators(db, before.id)) === 0)
    throw new RefusedError(
      "C'est le dernier compte administrateur actif : donnez d'abord ce rôle à un autre compte.",
    );
}

async function writeRoles(db: Db, compteId: number, roles: readonly Role[]): Promise<void> {
  await db.run(sql`DELETE FROM compte_roles WHERE compte_id = ${compteId}`);
  for (const role of sortRoles(roles))
    await db.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (${compteId}, ${role})`);
}

/** The audited view of an account: what an administrator can change, never a hash. */
function audited(compte: CompteSummary) {
  return {
    identifiant: compte.identifiant,
    nom: compte.nom,
    roles: compte.roles,
    agentId: compte.agent?.id ?? null,
    actif: compte.actif,
  };
}

export interface NewCompte {
  identifiant: string;
  nom: string;
  roles: readonly Role[];
  /** The scrypt hash of the password (hashSecret), never the password. */
  motDePasseHash: string;
  agentId?: number | null;
  /** The scrypt hash of the desk PIN, if any. */
  pinHash?: string | null;
}

/** Creates an account; a duplicate identifiant is a UNIQUE violation (the dispatcher's « conflict »). */
export async function insertCompte(db: Db, actor: Actor, input: NewCompte, now: Date): Promise<number> {
  if (input.roles.length === 0) throw new RefusedError('Donnez au moins un rôle au compte.');
  return db.transaction(async (tx) => {
    const agentId = input.agentId ?? null;
    await checkAgent(tx, agentId);
    const id =
      await tx.insertId(sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, pin, agent_id, cree_le)
           VALUES (${input.identifiant}, ${input.nom}, ${input.motDePasseHash}, ${input.pinHash ?? null},
             ${agentId}, ${now.toISOString()})
           RETURNING id`);
    await writeRoles(tx, id, input.roles);
    const apres = {
      ...audited(await getCompte(tx, id)),
      motDePasse: SECRET_CHANGED,
      ...(input.pinHash ? { pin: SECRET_CHANGED } : {}),
    };
    await recordAudit(tx, actor, { action: 'creation', objet: 'compte', objetId: id, apres }, now);
    return id;
  });
}

export interface CompteChange {
  id: number;
  nom: string;
  roles: readonly Role[];
  agentId: number | null;
  actif: boolean;
}

/**
 * Changes an account's name, roles, person and state. Returns whether its open sessions must end: roles
 * changed (a withdrawn role must not linger in a session) or the account was deactivated.
 */
export async function updateCompte(
  db: Db,
  actor: Actor,
  change: CompteChange,
  now: Date,
): Promise<{ closeSessions: boolean }> {
  if (change.roles.length === 0) throw new RefusedError('Donnez au moins un rôle au compte.');
  return db.transaction(async (tx) => {
    const before = await getCompte(tx, change.id);
    const roles = sortRoles(change.roles);
    await keepAnAdministrator(tx, before, roles, change.actif);
    await checkAgent(tx, change.agentId);
    await tx.run(
      sql`UPDATE comptes SET nom = ${change.nom}, agent_id = ${change.agentId}, actif = ${change.actif ? 1 : 0}
          WHERE id = ${change.id}`,
    );
    await writeRoles(tx, change.id, roles);
    const after = await getCompte(tx, change.id);
    await recordAudit(
      tx,
      actor,
      {
        action: 'modification',
        objet: 'compte',
        objetId: change.id,
        avant: audited(before),
        apres: audited(after),
      },
      now,
    );
    const rolesChanged = before.roles.join(',') !== after.roles.join(',');
    return { closeSessions: rolesChanged || (before.actif && !after.actif) };
  });
}

/** Replaces an account's password hash; clears the lock, since an administrator has just vouched for it. */
export async function writePassword(
  db: Db,
  actor: Actor,
  id: number,
  hash: string,
  now: Date,
  action = 'mot_de_passe',
): Promise<void> {
  await db.transaction(async (tx) => {
    await getCompte(tx, id);
    await tx.run(
      sql`UPDATE comptes SET mot_de_passe = ${hash}, echecs = 0, prochain_essai = NULL, verrouille_jusqu = NULL
          WHERE id = ${id}`,
    );
    await recordAudit(
      tx,
      actor,
      {
        action,
        objet: 'compte',
        objetId: id,
        avant: { motDePasse: SECRET_CHANGED },
        apres: { motDePasse: SECRET_CHANGED },
      },
      now,
    );
  });
}

/** Sets (a hash) or removes (null) an account's desk PIN. */
export async function writePin(
  db: Db,
  actor: Actor,
  id: number,
  hash: string | null,
  now: Date,
): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getCompte(tx, id);
    await tx.run(sql`UPDATE comptes SET pin = ${hash} WHERE id = ${id}`);
    await recordAudit(
      tx,
      actor,
      {
        action: hash ? 'pin' : 'retrait_pin',
        objet: 'compte',
        objetId: id,
        avant: { pin: before.hasPin ? SECRET_CHANGED : null },
        apres: { pin: hash ? SECRET_CHANGED : null },
      },
      now,
    );
  });
}

/** Lifts a lock (and the failures' count) before its time. */
export async function unlockCompte(db: Db, actor: Actor, id: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getCompte(tx, id);
    await tx.run(
      sql`UPDATE comptes SET echecs = 0, prochain_essai = NULL, verrouille_jusqu = NULL WHERE id = ${id}`,
    );
    await recordAudit(
      tx,
      actor,
      {
        action: 'deverrouillage',
        objet: 'compte',
        objetId: id,
        avant: { echecs: before.echecs, verrouilleJusqu: before.verrouilleJusqu },
        apres: { echecs: 0, verrouilleJusqu: null },
      },
      now,
    );
  });
}
