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
import type { Db } from '../store/db';

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
  roles: string | null;
}

const SUMMARY_SQL = `
  SELECT c.id, c.identifiant, c.nom, c.actif, c.agent_id, c.verrouille_jusqu, c.echecs,
         c.pin IS NOT NULL AS has_pin, c.cree_le, c.derniere_connexion,
         CASE WHEN a.id IS NULL THEN NULL ELSE a.prenom || ' ' || a.nom END AS agent_nom,
         (SELECT group_concat(role, ',') FROM compte_roles r WHERE r.compte_id = c.id) AS roles
  FROM comptes c LEFT JOIN agents a ON a.id = c.agent_id`;

/** Roles in the contract's order (agent first, administrateur last), whatever order they were given in. */
export function sortRoles(roles: readonly string[]): Role[] {
  return ROLES.filter((role) => roles.includes(role));
}

function summary(row: SummaryRow): CompteSummary {
  return {
    id: row.id,
    identifiant: row.identifiant,
    nom: row.nom,
    roles: sortRoles(row.roles ? row.roles.split(',') : []),
    agent: row.agent_id === null ? null : { id: row.agent_id, nom: row.agent_nom ?? '' },
    actif: row.actif === 1,
    verrouilleJusqu: row.verrouille_jusqu,
    echecs: row.echecs,
    hasPin: row.has_pin === 1,
    creeLe: row.cree_le,
    derniereConnexion: row.derniere_connexion,
  };
}

export function listComptes(db: Db): CompteSummary[] {
  const rows = db.prepare(`${SUMMARY_SQL} ORDER BY c.nom COLLATE NOCASE, c.id`).all() as SummaryRow[];
  return rows.map(summary);
}

export function getCompte(db: Db, id: number): CompteSummary {
  const row = db.prepare(`${SUMMARY_SQL} WHERE c.id = ?`).get(id) as SummaryRow | undefined;
  if (!row) throw new NotFoundError(`Le compte n° ${id} n'existe pas.`);
  return summary(row);
}

/**
 * The people an account can be linked to (to open a session with a PIN at their point). At an installation bound
 * to a point, only the agents assigned to it today: a PIN opens a session at the agent's own point only, so a
 * person of another point would be a link that does nothing here. Unbound, every active agent of the register.
 */
export function agentOptions(db: Db, now: Date = new Date()): AgentOption[] {
  const point = installationPoint(db);
  const today = parisDay(now);
  return db
    .prepare(
      `SELECT a.id, a.prenom, a.nom, a.service,
              (SELECT c.id FROM comptes c WHERE c.agent_id = a.id ORDER BY c.id LIMIT 1) AS compteId
       FROM agents a
       WHERE a.actif = 1
         AND (@point IS NULL OR EXISTS (
           SELECT 1 FROM affectations f
           WHERE f.agent_id = a.id AND f.point_id = @point
             AND f.debut <= @today AND (f.fin IS NULL OR f.fin >= @today)))
       ORDER BY a.nom COLLATE NOCASE, a.prenom COLLATE NOCASE, a.id`,
    )
    .all({ point: point?.pointId ?? null, today }) as AgentOption[];
}

function checkAgent(db: Db, agentId: number | null): void {
  if (agentId === null) return;
  if (db.prepare('SELECT 1 FROM agents WHERE id = ?').get(agentId) === undefined)
    throw new RefusedError(`L'agent n° ${agentId} n'existe pas : choisissez une personne de la liste.`);
}

/** How many active accounts hold the administrateur role, leaving one account out. */
function otherActiveAdministrators(db: Db, exceptId: number): number {
  return db
    .prepare(
      `SELECT count(*) FROM comptes c JOIN compte_roles r ON r.compte_id = c.id AND r.role = 'administrateur'
       WHERE c.actif = 1 AND c.id <> ?`,
    )
    .pluck()
    .get(exceptId) as number;
}

/**
 * Refuses a change that would leave nobody able to administer the app: without an active administrator, no one
 * could create accounts, unlock them or restore a backup.
 */
function keepAnAdministrator(db: Db, before: CompteSummary, roles: readonly Role[], actif: boolean): void {
  const wasAdmin = before.actif && before.roles.includes('administrateur');
  const staysAdmin = actif && roles.includes('administrateur');
  if (wasAdmin && !staysAdmin && otherActiveAdministrators(db, before.id) === 0)
    throw new RefusedError(
      "C'est le dernier compte administrateur actif : donnez d'abord ce rôle à un autre compte.",
    );
}

function writeRoles(db: Db, compteId: number, roles: readonly Role[]): void {
  db.prepare('DELETE FROM compte_roles WHERE compte_id = ?').run(compteId);
  const insert = db.prepare('INSERT INTO compte_roles (compte_id, role) VALUES (?, ?)');
  for (const role of sortRoles(roles)) insert.run(compteId, role);
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

/** Creates an account; a duplicate identifiant is a SQLite UNIQUE violation (the dispatcher's « conflict »). */
export function insertCompte(db: Db, actor: Actor, input: NewCompte, now: Date): number {
  if (input.roles.length === 0) throw new RefusedError('Donnez au moins un rôle au compte.');
  return db.legacyTransaction(() => {
    const agentId = input.agentId ?? null;
    checkAgent(db, agentId);
    const id = Number(
      db
        .prepare(
          `INSERT INTO comptes (identifiant, nom, mot_de_passe, pin, agent_id, cree_le)
           VALUES (?, ?, ?, ?, ?, ?)`,
        )
        .run(
          input.identifiant,
          input.nom,
          input.motDePasseHash,
          input.pinHash ?? null,
          agentId,
          now.toISOString(),
        ).lastInsertRowid,
    );
    writeRoles(db, id, input.roles);
    const apres = {
      ...audited(getCompte(db, id)),
      motDePasse: SECRET_CHANGED,
      ...(input.pinHash ? { pin: SECRET_CHANGED } : {}),
    };
    recordAudit(db, actor, { action: 'creation', objet: 'compte', objetId: id, apres }, now);
    return id;
  })();
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
export function updateCompte(
  db: Db,
  actor: Actor,
  change: CompteChange,
  now: Date,
): { closeSessions: boolean } {
  if (change.roles.length === 0) throw new RefusedError('Donnez au moins un rôle au compte.');
  return db.legacyTransaction(() => {
    const before = getCompte(db, change.id);
    const roles = sortRoles(change.roles);
    keepAnAdministrator(db, before, roles, change.actif);
    checkAgent(db, change.agentId);
    db.prepare('UPDATE comptes SET nom = ?, agent_id = ?, actif = ? WHERE id = ?').run(
      change.nom,
      change.agentId,
      change.actif ? 1 : 0,
      change.id,
    );
    writeRoles(db, change.id, roles);
    const after = getCompte(db, change.id);
    recordAudit(
      db,
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
  })();
}

/** Replaces an account's password hash; clears the lock, since an administrator has just vouched for it. */
export function writePassword(
  db: Db,
  actor: Actor,
  id: number,
  hash: string,
  now: Date,
  action = 'mot_de_passe',
): void {
  db.legacyTransaction(() => {
    getCompte(db, id);
    db.prepare(
      'UPDATE comptes SET mot_de_passe = ?, echecs = 0, prochain_essai = NULL, verrouille_jusqu = NULL WHERE id = ?',
    ).run(hash, id);
    recordAudit(
      db,
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
  })();
}

/** Sets (a hash) or removes (null) an account's desk PIN. */
export function writePin(db: Db, actor: Actor, id: number, hash: string | null, now: Date): void {
  db.legacyTransaction(() => {
    const before = getCompte(db, id);
    db.prepare('UPDATE comptes SET pin = ? WHERE id = ?').run(hash, id);
    recordAudit(
      db,
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
  })();
}

/** Lifts a lock (and the failures' count) before its time. */
export function unlockCompte(db: Db, actor: Actor, id: number, now: Date): void {
  db.legacyTransaction(() => {
    const before = getCompte(db, id);
    db.prepare(
      'UPDATE comptes SET echecs = 0, prochain_essai = NULL, verrouille_jusqu = NULL WHERE id = ?',
    ).run(id);
    recordAudit(
      db,
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
  })();
}
