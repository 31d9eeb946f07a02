// The end-to-end server's accounts (E2E_ACCOUNTS), and a shared desk: this installation bound to a reception
// point where two of them, as agents assigned there, can switch in with a PIN.
import type { Core } from '../electron/core/app';
import { insertCompte } from '../electron/core/comptes/comptes';
import { setInstallationPoint } from '../electron/core/admin/installation';
import { hashSecret } from '../electron/core/auth/passwords';
import type { Actor } from '../electron/core/audit/record';
import { SYSTEM_ACTOR, recordAudit } from '../electron/core/audit/record';
import { addMonthsToDay, parisDay } from '../common/dates';
import { installationPoint } from '../electron/core/points/installation-point';
import type { Db } from '../electron/core/store/db';
import type { E2eAccount } from './accounts';
import { E2E_ACCOUNTS, E2E_POINT_CODE } from './accounts';

/**
 * The installation's point: the one already bound, else the demo's « vie associative » desk, else the first point, else a
 * point created for the tests. Bound in the same audited transaction.
 */
function deskPoint(db: Db, actor: Actor, now: Date): number {
  const bound = installationPoint(db);
  if (bound) return bound.pointId;
  return db.legacyTransaction(() => {
    // A demo point without a label, so the desk's test agents (untrained) leave the label figures alone.
    let pointId = db
      .prepare("SELECT id FROM points ORDER BY code = 'vie-associative' DESC, id LIMIT 1")
      .pluck()
      .get() as number | undefined;
    if (pointId === undefined) {
      pointId = Number(
        db
          .prepare(
            `INSERT INTO points (code, nom, entite, type, commune, cree_le)
             VALUES (?, 'Accueil de test', 'ville', 'physique', 'Montrouval', ?)`,
          )
          .run(E2E_POINT_CODE, now.toISOString()).lastInsertRowid,
      );
      recordAudit(
        db,
        actor,
        { action: 'creation', objet: 'point', objetId: pointId, apres: { code: E2E_POINT_CODE } },
        now,
      );
    }
    // Bound the way the settings page binds it (same checks, same audit row).
    setInstallationPoint(db, actor, pointId, now);
    return pointId;
  })();
}

/** A person of the agents' register, assigned to the point for a year already. */
function assignedAgent(
  db: Db,
  actor: Actor,
  personne: NonNullable<E2eAccount['personne']>,
  pointId: number,
  now: Date,
): number {
  return db.legacyTransaction(() => {
    const agentId = Number(
      db
        .prepare("INSERT INTO agents (nom, prenom, service, cree_le) VALUES (?, ?, 'Accueil', ?)")
        .run(personne.nom, personne.prenom, now.toISOString()).lastInsertRowid,
    );
    const debut = addMonthsToDay(parisDay(now), -12);
    db.prepare('INSERT INTO affectations (agent_id, point_id, debut) VALUES (?, ?, ?)').run(
      agentId,
      pointId,
      debut,
    );
    recordAudit(db, actor, { action: 'creation', objet: 'agent', objetId: agentId, apres: personne }, now);
    recordAudit(
      db,
      actor,
      { action: 'creation', objet: 'affectation', objetId: agentId, apres: { agentId, pointId, debut } },
      now,
    );
    return agentId;
  })();
}

export async function seedE2eAccounts(core: Core): Promise<void> {
  const now = core.now();
  const pointId = deskPoint(core.store.db, SYSTEM_ACTOR, now);
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const motDePasseHash = await hashSecret(account.motDePasse);
    const pinHash = account.pin ? await hashSecret(account.pin) : null;
    const db = core.store.db;
    const agentId = account.personne ? assignedAgent(db, SYSTEM_ACTOR, account.personne, pointId, now) : null;
    insertCompte(
      db,
      SYSTEM_ACTOR,
      {
        identifiant: account.identifiant,
        nom: account.nom,
        roles: account.roles,
        motDePasseHash,
        pinHash,
        agentId,
      },
      now,
    );
  }
}
