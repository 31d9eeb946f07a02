// Login attempts under concurrency: the lock and the per-source throttle must hold for attempts that arrive
// together, counting the scrypt verifications actually run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SYSTEM_ACTOR } from '../audit/record';
import { INSTALLATION_POINT_KEY } from '../points/installation-point';
import { sql } from '../store/db';
import { writeSetting } from '../store/settings';
import { Store } from '../store/store';
import { TEST_COST } from '../../../dev/test-support/comptes';
import { AuthService } from './auth';
import { insertCompte } from '../comptes/comptes';
import { LOCKOUT } from './lockout';
import * as passwords from './passwords';
import type { ClientSlot } from './session';
import { SOURCE_LIMITS } from './source-throttle';

// The real hashing, with every verification counted.
vi.mock('./passwords', async (importOriginal) => {
  const real = await importOriginal<typeof passwords>();
  return { ...real, verifySecret: vi.fn(real.verifySecret), hashSecret: vi.fn(real.hashSecret) };
});
const verifications = vi.mocked(passwords.verifySecret);
const hashes = vi.mocked(passwords.hashSecret);

const START = Date.parse('2026-11-23T09:00:00Z');
const PIN = '2468';

let dir: string;
let store: Store;
let clock: number;
let service: AuthService;
let agentId: number;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'accounts-concurrency-'));
  store = new Store(dir);
  clock = START;
  service = new AuthService(store, () => new Date(clock));
  const db = store.db;
  const at = new Date(clock).toISOString();
  const point = Number(
    await db.value<number>(
      sql`INSERT INTO points (code, nom, entite, type, cree_le) VALUES ('ici', 'Ici', 'ville', 'physique', ${at})
          RETURNING id`,
    ),
  );
  await db.transaction(async (tx) => writeSetting(tx, INSTALLATION_POINT_KEY, point));
  const person = Number(
    await db.value<number>(
      sql`INSERT INTO agents (nom, prenom, cree_le) VALUES ('Béa', 'Test', ${at}) RETURNING id`,
    ),
  );
  await db.run(
    sql`INSERT INTO affectations (agent_id, point_id, debut) VALUES (${person}, ${point}, '2025-01-01')`,
  );
  agentId = await insertCompte(
    db,
    SYSTEM_ACTOR,
    {
      identifiant: 'bea',
      nom: 'Béa',
      roles: ['agent'],
      motDePasseHash: await passwords.hashSecret('le bon mot de passe', TEST_COST),
      pinHash: await passwords.hashSecret(PIN, TEST_COST),
      agentId: person,
    },
    new Date(clock),
  );
  verifications.mockClear();
  hashes.mockClear();
});

afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const outcome = (attempt: Promise<unknown>) =>
  attempt.then(
    () => 'ouvert',
    (error: unknown) => (error as Error).message,
  );

const echecs = () => store.db.value(sql`SELECT echecs FROM comptes WHERE id = ${agentId}`);

describe('the lock holds under concurrency', () => {
  it('checks at most the free failures and one more of 300 parallel wrong PINs', async () => {
    // Each from its own source, so that only the account's own lock limits them.
    const answers = await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        outcome(service.pinLogin({ token: null }, agentId, '0000', `10.0.${i >> 8}.${i & 255}`)),
      ),
    );
    expect(answers.every((answer) => answer !== 'ouvert')).toBe(true);
    expect(verifications.mock.calls.length).toBe(LOCKOUT.freeFailures + 1);
    expect(answers.filter((answer) => answer === 'Code PIN incorrect.')).toHaveLength(LOCKOUT.freeFailures);
    expect(answers.filter((answer) => answer.startsWith("Trop d'essais infructueux"))).toHaveLength(
      300 - LOCKOUT.freeFailures,
    );
    expect(await echecs()).toBe(LOCKOUT.freeFailures + 1);
  });

  it('does not open a session for the right PIN at the end of a burst of 40', async () => {
    const clients: ClientSlot[] = Array.from({ length: 40 }, () => ({ token: null }));
    const answers = await Promise.all(
      clients.map((client, i) =>
        outcome(service.pinLogin(client, agentId, i === 39 ? PIN : '0000', `10.1.0.${i}`)),
      ),
    );
    expect(answers[39]).toMatch(/^Trop d'essais infructueux/);
    expect(clients.every((client) => client.token === null)).toBe(true);
    // The failures stay counted: the right PIN cleared nothing.
    expect(await echecs()).toBe(LOCKOUT.freeFailures + 1);
  });

  it('refuses every attempt of a burst on a locked account, the right PIN included, without hashing', async () => {
    for (let i = 0; i < LOCKOUT.lockAt; i++) {
      await outcome(service.pinLogin({ token: null }, agentId, '0000', `10.2.0.${i}`));
      clock += 10_000;
    }
    verifications.mockClear();
    const client: ClientSlot = { token: null };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        outcome(
          service.pinLogin(
            i === 39 ? client : { token: null },
            agentId,
            i === 39 ? PIN : '0000',
            `10.3.0.${i}`,
          ),
        ),
      ),
    );
    expect(answers.every((answer) => /^Ce compte est verrouillé/.test(answer))).toBe(true);
    expect(client.token).toBeNull();
    expect(verifications).not.toHaveBeenCalled();
  });

  it('counts every failure of two servers sharing the database, each with its own queue', async () => {
    // Two services over one database: their per-account queues do not see each other, only the counters'
    // transaction keeps the count exact.
    const other = new AuthService(store, () => new Date(clock));
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        outcome((i % 2 ? other : service).pinLogin({ token: null }, agentId, '0000', `10.5.0.${i}`)),
      ),
    );
    expect(answers.every((answer) => answer !== 'ouvert')).toBe(true);
    expect(verifications.mock.calls.length).toBe(LOCKOUT.freeFailures + 1);
    expect(await echecs()).toBe(LOCKOUT.freeFailures + 1);
  });

  it('still opens the session of a right password that comes alone, and clears the count', async () => {
    await outcome(service.login({ token: null }, 'bea', 'faux', '10.4.0.1'));
    const client: ClientSlot = { token: null };
    expect(await outcome(service.login(client, 'bea', 'le bon mot de passe', '10.4.0.1'))).toBe('ouvert');
    expect(client.token).not.toBeNull();
    expect(await echecs()).toBe(0);
  });
});

describe('per-source throttling', () => {
  it('hashes at most the free failures and one more of 200 parallel logins of unknown users from one source', async () => {
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        outcome(service.login({ token: null }, `inconnu-${i}`, 'faux', '192.0.2.7')),
      ),
    );
    expect(verifications.mock.calls.length).toBe(SOURCE_LIMITS.freeFailures + 1);
    expect(answers.filter((answer) => answer === 'Identifiant ou mot de passe incorrect.')).toHaveLength(
      SOURCE_LIMITS.freeFailures + 1,
    );
    expect(answers.at(-1)).toBe(
      "Trop d'essais infructueux depuis ce poste : patientez 1 seconde avant de réessayer.",
    );
    // Another source is not slowed down, and the waits grow then are forgotten.
    const client: ClientSlot = { token: null };
    expect(await outcome(service.login(client, 'bea', 'le bon mot de passe', '192.0.2.8'))).toBe('ouvert');
    clock += 1000;
    expect(await outcome(service.login({ token: null }, 'inconnu', 'faux', '192.0.2.7'))).toBe(
      'Identifiant ou mot de passe incorrect.',
    );
    expect(await outcome(service.login({ token: null }, 'inconnu', 'faux', '192.0.2.7'))).toMatch(
      /patientez 2 secondes/,
    );
    clock += SOURCE_LIMITS.forgetAfterMs + 1;
    expect(service.sources.failuresOf('192.0.2.7')).toBe(0);
  });

  it('withdraws the count of a successful attempt, so a desk that logs in often is never slowed down', async () => {
    for (let i = 0; i < 3 * SOURCE_LIMITS.freeFailures; i++) {
      expect(await outcome(service.login({ token: null }, 'bea', 'le bon mot de passe', '192.0.2.9'))).toBe(
        'ouvert',
      );
    }
    expect(service.sources.failuresOf('192.0.2.9')).toBe(0);
  });
});

describe('the first start', () => {
  it('refuses setup on an installed instance before any hashing', async () => {
    await expect(
      service.setup({ token: null }, { identifiant: 'x', nom: 'X', motDePasse: 'dix caractères' }),
    ).rejects.toThrow('Le compte administrateur existe déjà');
    expect(hashes).not.toHaveBeenCalled();
  });
});
