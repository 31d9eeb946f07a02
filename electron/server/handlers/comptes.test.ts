import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { testCore } from '../../../dev/test-support/test-core';
import type { ClientSlot } from '../../core/auth/session';
import { INSTALLATION_POINT_KEY } from '../../core/points/installation-point';
import { sql } from '../../core/store/db';
import { writeSetting } from '../../core/store/settings';
import { signedIn } from '../../../dev/test-support/comptes';
import { sampleContent, writeContentFolder } from '../../../dev/test-support/content';
import type { Envelope, MethodName, OutputOf } from '../../../common/contract';
import { dispatch } from '../dispatch';
import { LOCAL_SOURCE, SOURCE_LIMITS } from '../../core/auth/source-throttle';

const WORKER = fileURLToPath(new URL('../../core/search/index-worker.ts', import.meta.url));
const NOW = () => new Date('2026-11-23T09:00:00Z');

let core: Core;
let admin: ClientSlot;
let agent: ClientSlot;

const dirs: string[] = [];
const temporary = (dir: string) => {
  dirs.push(dir);
  return dir;
};

async function newCore(): Promise<Core> {
  return testCore({
    contentDir: temporary(writeContentFolder(sampleContent())),
    dataDir: temporary(mkdtempSync(join(tmpdir(), 'infocite-accounts-'))),
    workerFile: WORKER,
    now: NOW,
  });
}

beforeAll(async () => {
  core = await newCore();
  admin = await signedIn(core, ['administrateur'], { identifiant: 'admin' });
  agent = await signedIn(core, ['agent']);
});
afterAll(async () => {
  await core.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Calls through the dispatcher and expects a success. */
async function ok<M extends MethodName>(client: ClientSlot, method: M, input: unknown): Promise<OutputOf<M>> {
  const answer = await dispatch(core, client, method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
  return answer.result as OutputOf<M>;
}

const errorOf = (answer: Envelope<unknown>) => (answer.ok ? null : answer.error);

const newAccount = (identifiant: string, extra: Record<string, unknown> = {}) => ({
  identifiant,
  nom: `Nom ${identifiant}`,
  roles: ['agent'],
  motDePasse: 'un mot de passe solide',
  ...extra,
});

describe('accounts through the dispatcher', () => {
  it('refuses comptes.create to an agent (forbidden) and to an anonymous caller (unauthenticated)', async () => {
    expect(errorOf(await dispatch(core, agent, 'comptes.create', newAccount('intrus')))).toMatchObject({
      code: 'forbidden',
    });
    expect(
      errorOf(await dispatch(core, { token: null }, 'comptes.create', newAccount('intrus'))),
    ).toMatchObject({
      code: 'unauthenticated',
    });
    expect(errorOf(await dispatch(core, agent, 'audit.list', {}))).toMatchObject({ code: 'forbidden' });
    const { comptes } = await ok(admin, 'comptes.list', {});
    expect(comptes.map((compte) => compte.identifiant)).not.toContain('intrus');
  });

  it('validates the input in French', async () => {
    const short = errorOf(
      await dispatch(core, admin, 'comptes.create', newAccount('court', { motDePasse: 'court' })),
    );
    expect(short).toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('au moins 10 caractères'),
    });
    const noRole = errorOf(await dispatch(core, admin, 'comptes.create', newAccount('sans', { roles: [] })));
    expect(noRole?.message).toContain('cochez au moins un rôle');
    const badPin = errorOf(await dispatch(core, admin, 'comptes.setPin', { id: 1, pin: '12' }));
    expect(badPin?.message).toContain('4 à 8 chiffres');
  });

  it('an administrator creates an account, which logs in and appears in the audit trail', async () => {
    const created = await ok(
      admin,
      'comptes.create',
      newAccount('camille', { roles: ['redacteur', 'agent'] }),
    );
    expect(created).toMatchObject({ identifiant: 'camille', roles: ['agent', 'redacteur'], hasPin: false });
    expect(await ok(admin, 'comptes.get', { id: created.id })).toEqual(created);
    const duplicate = errorOf(await dispatch(core, admin, 'comptes.create', newAccount('Camille')));
    expect(duplicate).toMatchObject({ code: 'conflict' });

    const client: ClientSlot = { token: null };
    const info = await ok(client, 'auth.login', {
      identifiant: 'camille',
      motDePasse: 'un mot de passe solide',
    });
    expect(info.compte).toMatchObject({ identifiant: 'camille', via: 'mot_de_passe' });

    const trail = await ok(admin, 'audit.list', { objet: 'compte', q: 'camille' });
    expect(trail.total).toBe(1);
    expect(trail.rows[0]).toMatchObject({
      auteur: 'admin',
      action: 'creation',
      objetId: String(created.id),
      apres: { identifiant: 'camille', roles: ['agent', 'redacteur'], motDePasse: '(modifié)' },
    });
    const facets = await ok(admin, 'audit.facets', {});
    expect(facets.objets).toContain('compte');
    expect(facets.auteurs).toContain('admin');
  });

  it('ends the sessions of an account whose roles change', async () => {
    const created = await ok(
      admin,
      'comptes.create',
      newAccount('dominique', { roles: ['agent', 'redacteur'] }),
    );
    const client: ClientSlot = { token: null };
    await ok(client, 'auth.login', { identifiant: 'dominique', motDePasse: 'un mot de passe solide' });
    expect(await ok(client, 'import.servicePublic.status', {})).toBeDefined();
    await ok(admin, 'comptes.update', {
      id: created.id,
      nom: 'Dominique',
      roles: ['agent'],
      agentId: null,
      actif: true,
    });
    expect(errorOf(await dispatch(core, client, 'search.status', {}))).toMatchObject({
      code: 'unauthenticated',
    });
  });

  it('refuses to remove the last active administrator', async () => {
    const [self] = (await ok(admin, 'comptes.list', {})).comptes.filter((c) => c.identifiant === 'admin');
    const answer = await dispatch(core, admin, 'comptes.update', {
      id: self?.id,
      nom: 'Admin',
      roles: ['agent'],
      agentId: null,
      actif: true,
    });
    expect(errorOf(answer)).toMatchObject({ code: 'refused', message: expect.stringContaining('dernier') });
    expect((await ok(admin, 'comptes.get', { id: self?.id })).roles).toEqual(['administrateur']);
  });

  it('never keeps a password or a PIN in clear, in the accounts or in the audit trail', async () => {
    const password = 'Secret-Zébulon-4242';
    const changed = 'Autre-Secret-Zébulon-77';
    const pin = '975310';
    const created = await ok(admin, 'comptes.create', newAccount('eve', { motDePasse: password, pin }));
    await ok(admin, 'comptes.setPin', { id: created.id, pin: '864200' });
    const client: ClientSlot = { token: null };
    await ok(client, 'auth.login', { identifiant: 'eve', motDePasse: password });
    await ok(client, 'auth.changePassword', { actuel: password, nouveau: changed });
    await ok(admin, 'comptes.setPassword', { id: created.id, motDePasse: `${changed}!` });

    const db = core.store.db;
    const secrets = [password, changed, `${changed}!`, pin, '864200', 'Zébulon'];
    const tables = await db.kysely.introspection.getTables();
    for (const table of ['comptes', 'audit', 'compte_roles', 'reglages']) {
      const columns = (tables.find((meta) => meta.name === table)?.columns ?? [])
        .filter((column) => column.dataType.toUpperCase() === 'TEXT')
        .map((column) => column.name);
      expect(columns.length).toBeGreaterThan(0);
      for (const row of await db.all<Record<string, string | null>>(
        sql`SELECT ${sql.join(columns.map((column) => sql.ref(column)))} FROM ${sql.table(table)}`,
      )) {
        for (const value of Object.values(row)) {
          for (const secret of secrets) expect(value ?? '').not.toContain(secret);
        }
      }
    }
    // And the hashes are scrypt's.
    expect(await db.one(sql`SELECT mot_de_passe, pin FROM comptes WHERE id = ${created.id}`)).toEqual({
      mot_de_passe: expect.stringMatching(/^scrypt\$/),
      pin: expect.stringMatching(/^scrypt\$/),
    });
  });

  it('a PIN session at the desk cannot call an administrateur or gestionnaire method', async () => {
    const db = core.store.db;
    const pointId = Number(
      await db.value<number>(
        sql`INSERT INTO points (code, nom, entite, type, cree_le)
            VALUES ('guichet', 'Guichet', 'ville', 'mixte', ${NOW().toISOString()}) RETURNING id`,
      ),
    );
    const agentId = Number(
      await db.value<number>(
        sql`INSERT INTO agents (nom, prenom, cree_le) VALUES ('Tous', 'Rôles', ${NOW().toISOString()}) RETURNING id`,
      ),
    );
    await db.run(
      sql`INSERT INTO affectations (agent_id, point_id, debut) VALUES (${agentId}, ${pointId}, '2025-01-01')`,
    );
    await db.transaction(async (tx) => writeSetting(tx, INSTALLATION_POINT_KEY, pointId));
    const created = await ok(
      admin,
      'comptes.create',
      newAccount('polyvalent', {
        roles: ['agent', 'redacteur', 'gestionnaire', 'administrateur'],
        agentId,
        pin: '1357',
      }),
    );

    const anonymous: ClientSlot = { token: null };
    const desk = await ok(anonymous, 'auth.deskAgents', {});
    expect(desk).toEqual({
      point: { id: pointId, nom: 'Guichet' },
      agents: [{ compteId: created.id, nom: 'Nom polyvalent' }],
    });
    const info = await ok(anonymous, 'auth.pinLogin', { compteId: created.id, pin: '1357' });
    expect(info.compte).toMatchObject({ via: 'pin', roles: ['agent', 'redacteur'] });
    for (const method of ['comptes.list', 'audit.list', 'label.todo'] as const) {
      expect(errorOf(await dispatch(core, anonymous, method, {}))).toMatchObject({ code: 'forbidden' });
    }
    expect(await ok(anonymous, 'import.servicePublic.status', {})).toBeDefined();
    expect((await ok(anonymous, 'auth.logout', {})).compte).toBeNull();
  });

  it('creates the administrator on first start, once', async () => {
    const fresh = await newCore();
    try {
      const client: ClientSlot = { token: null };
      expect((await dispatch(fresh, client, 'auth.session', {})) as Envelope<unknown>).toMatchObject({
        ok: true,
        result: { setupNeeded: true, compte: null },
      });
      const setup = { identifiant: 'premier', nom: 'Premier', motDePasse: 'dix caractères au moins' };
      expect(await dispatch(fresh, client, 'auth.setup', setup)).toMatchObject({
        ok: true,
        result: { setupNeeded: false, compte: { identifiant: 'premier', roles: ['administrateur'] } },
      });
      const again = await dispatch(fresh, { token: null }, 'auth.setup', { ...setup, identifiant: 'second' });
      expect(errorOf(again)).toMatchObject({ code: 'conflict' });
    } finally {
      await fresh.close();
    }
  });

  it('throttles the login failures of the source the transport names, not those of other sources', async () => {
    const fail = (source: string) =>
      dispatch(
        core,
        { token: null },
        'auth.login',
        { identifiant: 'personne', motDePasse: 'faux' },
        { source },
      );
    for (let i = 0; i < SOURCE_LIMITS.freeFailures + 1; i++)
      expect(errorOf(await fail('203.0.113.9'))?.message).toBe('Identifiant ou mot de passe incorrect.');
    expect(errorOf(await fail('203.0.113.9'))).toEqual({
      code: 'refused',
      message: "Trop d'essais infructueux depuis ce poste : patientez 1 seconde avant de réessayer.",
    });
    expect(errorOf(await fail('203.0.113.10'))?.message).toBe('Identifiant ou mot de passe incorrect.');
    expect(core.auth.sources.failuresOf(LOCAL_SOURCE)).toBe(0);
  });
});
