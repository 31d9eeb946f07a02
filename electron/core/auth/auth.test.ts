import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../common/roles';
import { SYSTEM_ACTOR } from '../audit/record';
import { INSTALLATION_POINT_KEY } from '../points/installation-point';
import { sql } from '../store/db';
import { writeSetting } from '../store/settings';
import { Store } from '../store/store';
import { TEST_COST } from '../../../dev/test-support/comptes';
import { AuthService, PIN_ROLES } from './auth';
import { insertCompte } from '../comptes/comptes';
import { LOCKOUT } from './lockout';
import { hashSecret } from './passwords';
import type { ClientSlot } from './session';

const WRONG = 'Identifiant ou mot de passe incorrect.';
const START = Date.parse('2026-11-23T09:00:00Z');

let dir: string;
let store: Store;
let clock: number;
let service: AuthService;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'accounts-'));
  store = new Store(dir);
  clock = START;
  service = new AuthService(store, () => new Date(clock));
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

async function account(
  identifiant: string,
  roles: Role[],
  options: { motDePasse?: string; pin?: string; agentId?: number } = {},
): Promise<number> {
  return insertCompte(
    store.db,
    SYSTEM_ACTOR,
    {
      identifiant,
      nom: `Nom de ${identifiant}`,
      roles,
      motDePasseHash: await hashSecret(options.motDePasse ?? 'le bon mot de passe', TEST_COST),
      pinHash: options.pin ? await hashSecret(options.pin, TEST_COST) : null,
      agentId: options.agentId ?? null,
    },
    new Date(clock),
  );
}

async function refusal(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('the attempt was not refused');
}

const seconds = (n: number) => {
  clock += n * 1000;
};

describe('setup', () => {
  it('creates the administrator once, audited, and opens its session', async () => {
    expect((await service.info({ roles: [] })).setupNeeded).toBe(true);
    const client: ClientSlot = { token: null };
    const session = await service.setup(client, {
      identifiant: 'chef',
      nom: 'La Cheffe',
      motDePasse: 'dix caractères',
    });
    expect(session.roles).toEqual(['administrateur']);
    expect(client.token).not.toBeNull();
    expect(await service.info(session)).toMatchObject({
      setupNeeded: false,
      compte: { identifiant: 'chef' },
    });
    const second = await refusal(
      service.setup({ token: null }, { identifiant: 'autre', nom: 'Autre', motDePasse: 'dix caractères' }),
    );
    expect(second).toBe('Le compte administrateur existe déjà : identifiez-vous.');
    expect(await store.db.value(sql`SELECT count(*) FROM comptes`)).toBe(1);
    expect(await store.db.all(sql`SELECT auteur, action, objet FROM audit WHERE objet = 'compte'`)).toEqual([
      { auteur: 'chef', action: 'creation', objet: 'compte' },
    ]);
  });
});

describe('login and lockout', () => {
  it('gives the same message for an unknown identifiant, an inactive account and a wrong password', async () => {
    const id = await account('agnes', ['agent']);
    expect(await refusal(service.login({ token: null }, 'personne', 'le bon mot de passe'))).toBe(WRONG);
    expect(await refusal(service.login({ token: null }, 'agnes', 'pas le bon'))).toBe(WRONG);
    await store.db.run(sql`UPDATE comptes SET actif = 0 WHERE id = ${id}`);
    expect(await refusal(service.login({ token: null }, 'agnes', 'le bon mot de passe'))).toBe(WRONG);
  });

  it('allows two free failures, then delays, then locks at six until an administrator unlocks', async () => {
    const id = await account('agnes', ['agent']);
    const fail = () => refusal(service.login({ token: null }, 'agnes', 'faux'));
    expect(LOCKOUT).toMatchObject({ freeFailures: 2, lockAt: 6 });
    expect(await fail()).toBe(WRONG);
    expect(await fail()).toBe(WRONG);
    // Third failure: from now on, a delay before the next attempt is even checked.
    expect(await fail()).toMatch(/patientez 1 seconde /);
    const tooSoon = await refusal(service.login({ token: null }, 'agnes', 'le bon mot de passe'));
    expect(tooSoon).toMatch(/^Trop d'essais infructueux/);
    seconds(1);
    expect(await fail()).toMatch(/patientez 2 secondes/);
    seconds(2);
    expect(await fail()).toMatch(/patientez 4 secondes/);
    seconds(4);
    expect(await fail()).toMatch(/^Ce compte est verrouillé .* 15 minutes/);
    // Locked: even the right password is not checked.
    seconds(60);
    expect(await refusal(service.login({ token: null }, 'agnes', 'le bon mot de passe'))).toMatch(
      /verrouillé .* 14 minutes/,
    );
    await service.unlock({ compteId: null, identifiant: 'admin' }, id);
    const client: ClientSlot = { token: null };
    await service.login(client, 'agnes', 'le bon mot de passe');
    expect(client.token).not.toBeNull();
  });

  it('lets the lock expire on its own, and a success resets the count', async () => {
    await account('agnes', ['agent']);
    const fail = () => refusal(service.login({ token: null }, 'agnes', 'faux'));
    for (let i = 0; i < LOCKOUT.lockAt; i++) {
      await fail();
      seconds(10);
    }
    expect(await refusal(service.login({ token: null }, 'agnes', 'le bon mot de passe'))).toMatch(
      /verrouillé/,
    );
    clock += LOCKOUT.lockMs;
    await service.login({ token: null }, 'agnes', 'le bon mot de passe');
    expect(await store.db.value(sql`SELECT echecs FROM comptes WHERE identifiant = 'agnes'`)).toBe(0);
    // After the success, two failures are free again.
    expect(await fail()).toBe(WRONG);
    expect(await fail()).toBe(WRONG);
  });
});

describe('sessions follow the account', () => {
  it('a change of roles, a deactivation or a new password closes its sessions; a new name does not', async () => {
    const id = await account('agnes', ['agent', 'redacteur']);
    const admin = { compteId: null, identifiant: 'admin' };
    const login = async () => {
      const client: ClientSlot = { token: null };
      await service.login(client, 'agnes', 'le bon mot de passe');
      return client;
    };
    const change = { id, nom: 'Agnès', roles: ['agent', 'redacteur'] as Role[], agentId: null, actif: true };

    let client = await login();
    await service.update(admin, { ...change, nom: 'Agnès B.' });
    expect((await service.resolve(client)).compte?.nom).toBe('Agnès B.');

    await service.update(admin, { ...change, roles: ['agent'] });
    expect((await service.resolve(client)).compte).toBeUndefined();

    client = await login();
    await service.setPassword(admin, id, 'un nouveau mot de passe');
    expect((await service.resolve(client)).compte).toBeUndefined();
    expect(await refusal(service.login({ token: null }, 'agnes', 'le bon mot de passe'))).toBe(WRONG);

    const other = { token: null } as ClientSlot;
    await service.login(other, 'agnes', 'un nouveau mot de passe');
    await service.update(admin, { ...change, roles: ['agent'], actif: false });
    expect((await service.resolve(other)).compte).toBeUndefined();
  });

  it('changing one’s own password checks the current one and keeps only this session', async () => {
    await account('agnes', ['agent']);
    const here: ClientSlot = { token: null };
    const elsewhere: ClientSlot = { token: null };
    const session = await service.login(here, 'agnes', 'le bon mot de passe');
    await service.login(elsewhere, 'agnes', 'le bon mot de passe');
    expect(
      await refusal(service.changePassword(here, session, 'pas le bon', 'un nouveau mot de passe')),
    ).toBe('Le mot de passe actuel est incorrect.');
    expect(await store.db.value(sql`SELECT echecs FROM comptes WHERE identifiant = 'agnes'`)).toBe(1);
    await service.changePassword(here, session, 'le bon mot de passe', 'un nouveau mot de passe');
    expect((await service.resolve(here)).compte?.identifiant).toBe('agnes');
    expect((await service.resolve(elsewhere)).compte).toBeUndefined();
    await service.login({ token: null }, 'agnes', 'un nouveau mot de passe');
    const audit = await store.db.all(
      sql`SELECT action, auteur, avant, apres FROM audit WHERE action LIKE 'changement%'`,
    );
    expect(audit).toEqual([
      {
        action: 'changement_mot_de_passe',
        auteur: 'agnes',
        avant: '{"motDePasse":"(modifié)"}',
        apres: '{"motDePasse":"(modifié)"}',
      },
    ]);
  });
});

describe('the shared desk', () => {
  const TODAY = '2026-11-23';

  async function point(code: string): Promise<number> {
    return Number(
      await store.db.value<number>(
        sql`INSERT INTO points (code, nom, entite, type, cree_le)
            VALUES (${code}, ${`Accueil ${code}`}, 'ville', 'physique', ${new Date(clock).toISOString()})
            RETURNING id`,
      ),
    );
  }

  async function person(
    nom: string,
    pointId: number,
    debut: string,
    fin: string | null = null,
  ): Promise<number> {
    const id = Number(
      await store.db.value<number>(
        sql`INSERT INTO agents (nom, prenom, cree_le) VALUES (${nom}, 'Test', ${new Date(clock).toISOString()})
            RETURNING id`,
      ),
    );
    await store.db.run(
      sql`INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (${id}, ${pointId}, ${debut}, ${fin})`,
    );
    return id;
  }

  it('lists only the agents currently assigned to the installation’s point who have a PIN', async () => {
    const here = await point('ici');
    const there = await point('ailleurs');
    expect(await service.deskAgents()).toEqual({ point: null, agents: [] });
    await store.db.transaction(async (tx) => writeSetting(tx, INSTALLATION_POINT_KEY, here));

    const listed = await account('bea', ['agent'], {
      pin: '1234',
      agentId: await person('Béa', here, '2025-01-01'),
    });
    await account('nopin', ['agent'], { agentId: await person('Sans PIN', here, '2025-01-01') });
    await account('parti', ['agent'], {
      pin: '1234',
      agentId: await person('Partie', here, '2025-01-01', '2026-11-22'),
    });
    await account('futur', ['agent'], { pin: '1234', agentId: await person('Future', here, '2026-12-01') });
    await account('autre', ['agent'], {
      pin: '1234',
      agentId: await person('Autre point', there, '2025-01-01'),
    });
    await account('gest', ['gestionnaire'], {
      pin: '1234',
      agentId: await person('Pas agent', here, '2025-01-01'),
    });
    const inactive = await account('inactif', ['agent'], {
      pin: '1234',
      agentId: await person('Inactif', here, TODAY),
    });
    await store.db.run(sql`UPDATE comptes SET actif = 0 WHERE id = ${inactive}`);

    expect(await service.deskAgents()).toEqual({
      point: { id: here, nom: 'Accueil ici' },
      agents: [{ compteId: listed, nom: 'Nom de bea' }],
    });
  });

  it('opens a PIN session with at most the agent and rédacteur roles, and refuses others', async () => {
    const here = await point('ici');
    await store.db.transaction(async (tx) => writeSetting(tx, INSTALLATION_POINT_KEY, here));
    const all: Role[] = ['agent', 'redacteur', 'gestionnaire', 'administrateur'];
    const id = await account('tous', all, { pin: '2468', agentId: await person('Tous', here, '2025-01-01') });
    const elsewhere = await account('ailleurs', ['agent'], { pin: '2468' });

    expect(await refusal(service.pinLogin({ token: null }, id, '0000'))).toBe('Code PIN incorrect.');
    expect(await refusal(service.pinLogin({ token: null }, elsewhere, '2468'))).toMatch(/ne peut pas ouvrir/);

    const client: ClientSlot = { token: null };
    const session = await service.pinLogin(client, id, '2468');
    expect(session.via).toBe('pin');
    expect(session.roles).toEqual(['agent', 'redacteur']);
    expect(session.roles.every((role) => PIN_ROLES.includes(role))).toBe(true);
    // The same account with its password holds every role.
    expect((await service.login({ token: null }, 'tous', 'le bon mot de passe')).roles).toEqual(all);
  });
});
