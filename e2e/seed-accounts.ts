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
import { sql, type Db } from '../electron/core/store/db';
import type { E2eAccount } from './accounts';
import { E2E_ACCOUNTS, E2E_POINT_CODE } from './accounts';

/**
 * The installation's point: the one already bound, else the demo's « vie associative » desk, else the first point, else a
 * point created for the tests. Bound in the same audited transaction.
 */
async function deskPoint(db: Db, actor: Actor, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const bound = await installationPoint(tx);
    if (bound) return bound.pointId;
    // A demo point without a label, so the desk's test agents (untrained) leave the label figures alone.
    let pointId = await tx.value<number>(
      sql`SELECT id FROM points ORDER BY CASE WHEN code = 'vie-associative' THEN 0 ELSE 1 END, id LIMIT 1`,
    );
    if (pointId === undefined) {
      pointId = Number(
        await tx.value<number>(
          sql`INSERT INTO points (code, nom, entite, type, commune, cree_le)
             VALUES (${E2E_POINT_CODE}, 'Accueil de test', 'ville', 'physique', 'Montrouval', ${now.toISOString()})
             RETURNING id`,
        ),
      );
      await recordAudit(
        tx,
        actor,
        { action: 'creation', objet: 'point', objetId: pointId, apres: { code: E2E_POINT_CODE } },
        now,
      );
    }
    // Bound the way the settings page binds it (same checks, same audit row).
    await setInstallationPoint(tx, actor, pointId, now);
    return pointId;
  });
}

/** A person of the agents' register, assigned to the point for a year already. */
async function assignedAgent(
  db: Db,
  actor: Actor,
  personne: NonNullable<E2eAccount['personne']>,
  pointId: number,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const agentId = Number(
      await tx.value<number>(
        sql`INSERT INTO agents (nom, prenom, service, cree_le)
            VALUES (${personne.nom}, ${personne.prenom}, 'Accueil', ${now.toISOString()})
            RETURNING id`,
      ),
    );
    const debut = addMonthsToDay(parisDay(now), -12);
    await tx.run(
      sql`INSERT INTO affectations (agent_id, point_id, debut) VALUES (${agentId}, ${pointId}, ${debut})`,
    );
    await recordAudit(
      tx,
      actor,
      { action: 'creation', objet: 'agent', objetId: agentId, apres: personne },
      now,
    );
    await recordAudit(
      tx,
      actor,
      { action: 'creation', objet: 'affectation', objetId: agentId, apres: { agentId, pointId, debut } },
      now,
    );
    return agentId;
  });
}

export async function seedE2eAccounts(core: Core): Promise<void> {
  const now = core.now();
  const pointId = await deskPoint(core.store.db, SYSTEM_ACTOR, now);
  for (const account of Object.values(E2E_ACCOUNTS)) {
    const motDePasseHash = await hashSecret(account.motDePasse);
    const pinHash = account.pin ? await hashSecret(account.pin) : null;
    const db = core.store.db;
    const agentId = account.personne
      ? await assignedAgent(db, SYSTEM_ACTOR, account.personne, pointId, now)
      : null;
    await insertCompte(
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
