// Test sessions: an account with the given roles, logged in, without going through the scrypt cost of login.
import type { Role } from '../../common/roles';
import type { Core } from '../../electron/core/app';
import { hashSecret } from '../../electron/core/auth/passwords';
import type { ClientSlot } from '../../electron/core/auth/session';
import { sql } from '../../electron/core/store/db';

/** Cheap hashing for tests only. */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };

let counter = 0;

/** Creates an account holding `roles` (and its password `motDePasse`) and a client logged in as it. */
export async function signedIn(
  core: Core,
  roles: Role[],
  options: { identifiant?: string; nom?: string; motDePasse?: string; agentId?: number } = {},
): Promise<ClientSlot & { compteId: number }> {
  counter += 1;
  const identifiant = options.identifiant ?? `test-${roles.join('-') || 'aucun'}-${counter}`;
  const db = core.store.db;
  const hash = await hashSecret(options.motDePasse ?? 'mot de passe de test', TEST_COST);
  const compteId = Number(
    await db.value<number>(
      sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le, agent_id)
          VALUES (${identifiant}, ${options.nom ?? identifiant}, ${hash}, ${core.now().toISOString()},
            ${options.agentId ?? null})
          RETURNING id`,
    ),
  );
  for (const role of roles)
    await db.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (${compteId}, ${role})`);
  return { token: core.auth.tokens.open(compteId, 'mot_de_passe'), compteId };
}
