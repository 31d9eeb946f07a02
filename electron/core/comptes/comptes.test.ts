import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles';
import type { Actor } from '../audit/record';
import { RefusedError } from '../errors';
import { INSTALLATION_POINT_KEY } from '../points/installation-point';
import { sql } from '../store/db';
import { writeSetting } from '../store/settings';
import { Store } from '../store/store';
import {
  agentOptions,
  getCompte,
  insertCompte,
  listComptes,
  unlockCompte,
  updateCompte,
  writePassword,
  writePin,
} from './comptes';

const NOW = new Date('2026-11-23T09:00:00Z');
const ADMIN: Actor = { compteId: 1, identifiant: 'admin' };

let dir: string;
let store: Store;
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'comptes-'));
  store = new Store(dir);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const create = (identifiant: string, roles: Role[], extra: { agentId?: number; pinHash?: string } = {}) =>
  insertCompte(
    store.db,
    ADMIN,
    { identifiant, nom: `Nom ${identifiant}`, roles, motDePasseHash: 'scrypt$hash-de-test', ...extra },
    NOW,
  );

const auditRows = () =>
  store.db.all<Record<string, string | null>>(
    sql`SELECT auteur, action, objet, objet_id, avant, apres FROM audit ORDER BY id`,
  );

describe('the accounts register', () => {
  it('creates an account with its roles in order, audited without its secrets', async () => {
    const id = await create('bea', ['redacteur', 'agent'], { pinHash: 'scrypt$pin-de-test' });
    expect(await getCompte(store.db, id)).toMatchObject({
      identifiant: 'bea',
      roles: ['agent', 'redacteur'],
      actif: true,
      hasPin: true,
      agent: null,
      derniereConnexion: null,
    });
    const [row] = await auditRows();
    expect(row).toMatchObject({ auteur: 'admin', action: 'creation', objet: 'compte', objet_id: String(id) });
    expect(JSON.parse(row?.apres ?? '')).toEqual({
      identifiant: 'bea',
      nom: 'Nom bea',
      roles: ['agent', 'redacteur'],
      agentId: null,
      actif: true,
      motDePasse: '(modifié)',
      pin: '(modifié)',
    });
    expect(JSON.stringify(auditRows())).not.toContain('scrypt');
  });

  it('refuses an account without a role, and an unknown person, leaving no row and no audit', async () => {
    await expect(create('sans', [])).rejects.toThrow(RefusedError);
    await expect(create('fantome', ['agent'], { agentId: 999 })).rejects.toThrow(/n'existe pas/);
    expect(await listComptes(store.db)).toEqual([]);
    expect(await auditRows()).toEqual([]);
  });

  it('a duplicate identifiant (whatever its case) fails as a unique violation', async () => {
    await create('bea', ['agent']);
    await expect(create('BEA', ['agent'])).rejects.toThrow(
      expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }),
    );
    expect(await auditRows()).toHaveLength(1);
  });

  it('links an account to a person of the agents register', async () => {
    const agentId = Number(
      await store.db.value<number>(
        sql`INSERT INTO agents (nom, prenom, service, cree_le) VALUES ('Durand', 'Léa', 'État civil', ${NOW.toISOString()}) RETURNING id`,
      ),
    );
    expect(await agentOptions(store.db)).toEqual([
      { id: agentId, prenom: 'Léa', nom: 'Durand', service: 'État civil', compteId: null },
    ]);
    const id = await create('lea', ['agent'], { agentId });
    expect((await getCompte(store.db, id)).agent).toEqual({ id: agentId, nom: 'Léa Durand' });
    expect((await agentOptions(store.db))[0]?.compteId).toBe(id);
  });

  it('offers only the agents assigned today to the installation’s point once it is bound to one', async () => {
    const point = async (code: string) =>
      Number(
        await store.db.value<number>(
          sql`INSERT INTO points (code, nom, entite, type, cree_le)
              VALUES (${code}, ${`Accueil ${code}`}, 'ville', 'physique', ${NOW.toISOString()}) RETURNING id`,
        ),
      );
    const person = async (nom: string, pointId: number, debut: string, fin: string | null = null) => {
      const id = Number(
        await store.db.value<number>(
          sql`INSERT INTO agents (nom, prenom, cree_le) VALUES (${nom}, 'Test', ${NOW.toISOString()}) RETURNING id`,
        ),
      );
      await store.db.run(
        sql`INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (${id}, ${pointId}, ${debut}, ${fin})`,
      );
      return id;
    };
    const here = await point('ici');
    const there = await point('ailleurs');
    const ici = await person('Ici', here, '2025-01-01');
    await person('Ailleurs', there, '2025-01-01');
    await person('Partie', here, '2025-01-01', '2026-11-22');
    await person('Future', here, '2026-12-01');
    const names = async () => (await agentOptions(store.db, NOW)).map((agent) => agent.nom);

    // Unbound, the whole register.
    expect(await names()).toEqual(['Ailleurs', 'Future', 'Ici', 'Partie']);
    await store.db.transaction(async (tx) => writeSetting(tx, INSTALLATION_POINT_KEY, here));
    expect(await agentOptions(store.db, NOW)).toEqual([
      { id: ici, prenom: 'Test', nom: 'Ici', service: '', compteId: null },
    ]);
  });

  it('audits a change with before and after, and says when sessions must close', async () => {
    const id = await create('bea', ['agent']);
    const base = { id, nom: 'Béatrice', roles: ['agent'] as Role[], agentId: null, actif: true };
    expect(await updateCompte(store.db, ADMIN, base, NOW)).toEqual({ closeSessions: false });
    expect(await updateCompte(store.db, ADMIN, { ...base, roles: ['agent', 'redacteur'] }, NOW)).toEqual({
      closeSessions: true,
    });
    expect(
      await updateCompte(store.db, ADMIN, { ...base, roles: ['redacteur', 'agent'], actif: false }, NOW),
    ).toEqual({
      closeSessions: true,
    });
    const last = (await auditRows()).at(-1);
    expect(JSON.parse(last?.avant ?? '')).toMatchObject({ actif: true, roles: ['agent', 'redacteur'] });
    expect(JSON.parse(last?.apres ?? '')).toMatchObject({ actif: false, nom: 'Béatrice' });
  });

  it('never removes or deactivates the last active administrator', async () => {
    const first = await create('admin', ['administrateur']);
    const keep = { id: first, nom: 'Admin', roles: ['administrateur'] as Role[], agentId: null, actif: true };
    await expect(updateCompte(store.db, ADMIN, { ...keep, roles: ['agent'] }, NOW)).rejects.toThrow(
      /dernier compte administrateur actif/,
    );
    await expect(updateCompte(store.db, ADMIN, { ...keep, actif: false }, NOW)).rejects.toThrow(RefusedError);
    expect(await getCompte(store.db, first)).toMatchObject({ roles: ['administrateur'], actif: true });

    // An inactive second administrator does not count; an active one does.
    const second = await create('admin2', ['administrateur']);
    const other = { ...keep, id: second, nom: 'Admin 2' };
    await updateCompte(store.db, ADMIN, { ...other, actif: false }, NOW);
    await expect(updateCompte(store.db, ADMIN, { ...keep, actif: false }, NOW)).rejects.toThrow(RefusedError);
    await updateCompte(store.db, ADMIN, other, NOW);
    await updateCompte(store.db, ADMIN, { ...keep, roles: ['agent'] }, NOW);
    expect((await getCompte(store.db, first)).roles).toEqual(['agent']);
  });

  it('writes passwords and PINs as « (modifié) » in the trail, and unlocks', async () => {
    const id = await create('bea', ['agent']);
    await store.db.run(
      sql`UPDATE comptes SET echecs = 6, verrouille_jusqu = '2026-11-23T10:00:00.000Z' WHERE id = ${id}`,
    );
    await unlockCompte(store.db, ADMIN, id, NOW);
    expect(await getCompte(store.db, id)).toMatchObject({ echecs: 0, verrouilleJusqu: null });
    await writePassword(store.db, ADMIN, id, 'scrypt$nouveau', NOW);
    await writePin(store.db, ADMIN, id, 'scrypt$pin', NOW);
    await writePin(store.db, ADMIN, id, null, NOW);
    expect((await getCompte(store.db, id)).hasPin).toBe(false);
    const rows = (await auditRows()).slice(1);
    expect(rows.map((row) => row.action)).toEqual(['deverrouillage', 'mot_de_passe', 'pin', 'retrait_pin']);
    expect(rows.map((row) => [row.avant, row.apres])).toEqual([
      ['{"echecs":6,"verrouilleJusqu":"2026-11-23T10:00:00.000Z"}', '{"echecs":0,"verrouilleJusqu":null}'],
      ['{"motDePasse":"(modifié)"}', '{"motDePasse":"(modifié)"}'],
      ['{"pin":null}', '{"pin":"(modifié)"}'],
      ['{"pin":"(modifié)"}', '{"pin":null}'],
    ]);
  });

  it('answers « not found » in French for an unknown account', async () => {
    await expect(getCompte(store.db, 42)).rejects.toThrow("Le compte n° 42 n'existe pas.");
    await expect(unlockCompte(store.db, ADMIN, 42, NOW)).rejects.toThrow(/n'existe pas/);
    expect(await auditRows()).toEqual([]);
  });
});
