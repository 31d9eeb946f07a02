// Accounts: who may use the app, with which roles; the sessions they open.
import type { Role } from '../../../common/contract';
import type { CompteSummary } from '../../../common/comptes/methods';
import type { DeskAgent, SessionInfo } from '../../../common/auth/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import type { CallPoint } from '../points/call-point';
import { pointOfCall } from '../points/call-point';
import { KeyedQueue } from '../keyed-queue';
import { pinAgentsOf } from './desk-agents';
import { ConflictError, RefusedError } from '../errors';
import type { CoreStore as Store } from '../store/core-store';
import { sql, type Db } from '../store/db';
import type { LockState } from './lockout';
import { CLEARED, afterFailure, attemptRefusal, secondsToWait } from './lockout';
import { decoyHash, hashSecret, verifySecret } from './passwords';
import type { CompteChange } from '../comptes/comptes';
import {
  getCompte,
  insertCompte,
  sortRoles,
  unlockCompte,
  updateCompte,
  writePassword,
  writePin,
} from '../comptes/comptes';
import type { ClientSlot, Session } from './session';
import { ANONYMOUS, actorOf } from './session';
import { SessionTokens } from './session-tokens';
import { LOCAL_SOURCE, SourceThrottle } from './source-throttle';

/** A session left idle this long is closed. */
export const IDLE_LIMIT_MS = 8 * 60 * 60 * 1000;

/** PIN sessions, opened in seconds at a shared desk, never carry more than these roles. */
export const PIN_ROLES: readonly Role[] = ['agent', 'redacteur'];

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';
const BAD_PIN = 'Code PIN incorrect.';
const BAD_CURRENT = 'Le mot de passe actuel est incorrect.';

interface CompteRow {
  id: number;
  identifiant: string;
  nom: string;
  actif: number;
  agent_id: number | null;
  mot_de_passe: string;
  pin: string | null;
  echecs: number;
  prochain_essai: string | null;
  verrouille_jusqu: string | null;
}

export class AuthService {
  readonly tokens: SessionTokens;
  /** Failures per source (network address, or LOCAL_SOURCE), across accounts. */
  readonly sources: SourceThrottle;
  /** Each account's queue of attempts: one secret of an account is checked at a time. */
  private readonly attempts = new KeyedQueue<number>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.tokens = new SessionTokens(IDLE_LIMIT_MS, () => this.now().getTime());
    this.sources = new SourceThrottle(() => this.now().getTime());
  }

  private row(
    where: 'id' | 'identifiant',
    value: number | string,
    db: Db = this.store.db,
  ): Promise<CompteRow | undefined> {
    // An identifiant is unique whatever its case (SQLite's NOCASE column, PostgreSQL's index on lower()).
    return where === 'id'
      ? db.one<CompteRow>(sql`SELECT * FROM comptes WHERE id = ${value}`)
      : db.one<CompteRow>(sql`SELECT * FROM comptes WHERE lower(identifiant) = lower(${value})`);
  }

  async hasAccounts(db: Db = this.store.db): Promise<boolean> {
    return (await db.one(sql`SELECT 1 AS found FROM comptes LIMIT 1`)) !== undefined;
  }

  /** The session behind a client's token, read afresh so that a changed role or a closed account applies now. */
  async resolve(client: ClientSlot): Promise<Session> {
    const token = client.token;
    const entry = this.tokens.touch(token);
    if (!entry) return ANONYMOUS;
    // The account and its roles in one query (a row per role; one with no role when it has none): every call
    // dispatched with a token comes here.
    const rows = await this.store.db.all<
      Pick<CompteRow, 'id' | 'identifiant' | 'nom' | 'agent_id' | 'actif'> & { role: string | null }
    >(
      sql`SELECT c.id, c.identifiant, c.nom, c.agent_id, c.actif, r.role
          FROM comptes c LEFT JOIN compte_roles r ON r.compte_id = c.id WHERE c.id = ${entry.compteId}`,
    );
    const row = rows[0];
    if (!row || row.actif !== 1) {
      this.tokens.close(token);
      // Only if the slot still holds the token read here: a login may have given it a new one meanwhile.
      if (client.token === token) client.token = null;
      return ANONYMOUS;
    }
    let roles = sortRoles(rows.flatMap((r) => (r.role === null ? [] : [r.role])));
    if (entry.via === 'pin') roles = roles.filter((role) => PIN_ROLES.includes(role));
    return {
      roles,
      via: entry.via,
      compte: { id: row.id, identifiant: row.identifiant, nom: row.nom, agentId: row.agent_id },
    };
  }

  /**
   * What the window needs to pick its screen; `installation` is the point of the call (a city desk's own point,
   * else the installation's).
   */
  async info(session: Session, point?: CallPoint | null): Promise<SessionInfo> {
    if (point === undefined) point = await pointOfCall(this.store.db);
    return {
      setupNeeded: !(await this.hasAccounts()),
      compte: session.compte
        ? { ...session.compte, roles: session.roles, via: session.via ?? 'mot_de_passe' }
        : null,
      installation: point && { pointId: point.pointId, nom: point.nom },
    };
  }

  /** First start: creates the administrator's account, once, and opens its session. */
  async setup(
    client: ClientSlot,
    input: { identifiant: string; nom: string; motDePasse: string },
  ): Promise<Session> {
    // Checked before the hashing too, so that calls on an installed instance cost no scrypt work.
    if (await this.hasAccounts())
      throw new ConflictError('Le compte administrateur existe déjà : identifiez-vous.');
    const hash = await hashSecret(input.motDePasse);
    const at = this.now();
    const id = await this.store.db.transaction(async (tx) => {
      if (await this.hasAccounts(tx))
        throw new ConflictError('Le compte administrateur existe déjà : identifiez-vous.');
      const compteId = await tx.insertId(sql`INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le)
              VALUES (${input.identifiant}, ${input.nom}, ${hash}, ${at.toISOString()})
              RETURNING id`);
      await tx.run(sql`INSERT INTO compte_roles (compte_id, role) VALUES (${compteId}, 'administrateur')`);
      await recordAudit(
        tx,
        { compteId, identifiant: input.identifiant },
        {
          action: 'creation',
          objet: 'compte',
          objetId: compteId,
          apres: { identifiant: input.identifiant, nom: input.nom, roles: ['administrateur'] },
        },
        at,
      );
      return compteId;
    });
    return this.open(client, id, 'mot_de_passe');
  }

  private async saveLock(db: Db, id: number, state: LockState): Promise<void> {
    await db.run(
      sql`UPDATE comptes SET echecs = ${state.echecs}, prochain_essai = ${state.prochainEssai},
            verrouille_jusqu = ${state.verrouilleJusqu}
          WHERE id = ${id}`,
    );
  }

  private lockOf(row: CompteRow): LockState {
    return { echecs: row.echecs, prochainEssai: row.prochain_essai, verrouilleJusqu: row.verrouille_jusqu };
  }

  /**
   * Checks a secret of account `compteId` (read afresh, `secretOf` picks the hash), one attempt of the account
   * at a time: the lock is checked and the attempt counted as a failure *before* the hashing, then cleared on
   * success, so concurrent attempts cannot pass the lock together. Throws RefusedError in French.
   *
   * The check and the count are one transaction (read, decide, write the counters): two servers trying the
   * same account at once cannot both read the same count and lose a failure (PostgreSQL's SERIALIZABLE retries
   * the loser, which then reads the winner's count). The hashing runs after it has committed, holding no
   * connection, and is never repeated by a retry.
   */
  private check(
    compteId: number,
    secretOf: (row: CompteRow) => string | null,
    secret: string,
    failure: string,
  ): Promise<void> {
    return this.attempts.run(compteId, async () => {
      const { hash, counted } = await this.store.db.transaction(async (tx) => {
        const row = await this.row('id', compteId, tx);
        const secretHash = row ? secretOf(row) : null;
        if (!row || secretHash === null) throw new RefusedError(failure);
        const now = this.now();
        const refusal = attemptRefusal(this.lockOf(row), now);
        if (refusal) throw new RefusedError(refusal, { retryAfter: secondsToWait(this.lockOf(row), now) });
        const state = afterFailure(this.lockOf(row), now);
        await this.saveLock(tx, row.id, state);
        return { hash: secretHash, counted: state };
      });
      if (!(await verifySecret(secret, hash))) {
        const wait = attemptRefusal(counted, this.now());
        throw new RefusedError(wait ?? failure, { retryAfter: secondsToWait(counted, this.now()) });
      }
      await this.saveLock(this.store.db, compteId, CLEARED);
    });
  }

  private async open(client: ClientSlot, compteId: number, via: 'mot_de_passe' | 'pin'): Promise<Session> {
    this.tokens.close(client.token);
    client.token = this.tokens.open(compteId, via);
    await this.store.db.run(
      sql`UPDATE comptes SET derniere_connexion = ${this.now().toISOString()} WHERE id = ${compteId}`,
    );
    return this.resolve(client);
  }

  /**
   * Opens a session with a password. `source` is where the attempt comes from (a network address, or
   * LOCAL_SOURCE): its failures are throttled across accounts before any hashing.
   */
  async login(
    client: ClientSlot,
    identifiant: string,
    motDePasse: string,
    source: string = LOCAL_SOURCE,
  ): Promise<Session> {
    const attempt = this.sources.admit(source);
    const row = await this.row('identifiant', identifiant);
    if (!row || row.actif !== 1) {
      await verifySecret(motDePasse, await decoyHash());
      throw new RefusedError(BAD_CREDENTIALS);
    }
    await this.check(
      row.id,
      (fresh) => (fresh.actif === 1 ? fresh.mot_de_passe : null),
      motDePasse,
      BAD_CREDENTIALS,
    );
    attempt.succeeded();
    return this.open(client, row.id, 'mot_de_passe');
  }

  /** The agents of the call's point (by default the installation's) who can switch in with a PIN. */
  async deskAgents(point?: CallPoint | null): Promise<{
    point: { id: number; nom: string } | null;
    agents: DeskAgent[];
  }> {
    if (point === undefined) point = await pointOfCall(this.store.db);
    if (!point) return { point: null, agents: [] };
    const agents = (await pinAgentsOf(this.store.db, point.pointId, parisDay(this.now()))).map(
      ({ compteId, nom }) => ({ compteId, nom }),
    );
    return { point: { id: point.pointId, nom: point.nom }, agents };
  }

  async pinLogin(
    client: ClientSlot,
    compteId: number,
    pin: string,
    source: string = LOCAL_SOURCE,
    point?: CallPoint | null,
  ): Promise<Session> {
    const attempt = this.sources.admit(source);
    const allowed = (await this.deskAgents(point)).agents.some((agent) => agent.compteId === compteId);
    const row = await this.row('id', compteId);
    if (!allowed || !row || !row.pin) {
      throw new RefusedError("Cet agent ne peut pas ouvrir de session par code PIN à ce point d'accueil.");
    }
    await this.check(row.id, (fresh) => fresh.pin, pin, BAD_PIN);
    attempt.succeeded();
    return this.open(client, row.id, 'pin');
  }

  logout(client: ClientSlot): void {
    this.tokens.close(client.token);
    client.token = null;
  }

  // Administration of the accounts (role administrateur, checked by the dispatcher). Secrets are hashed here,
  // before the audited transaction; the database handle is asked for after the hashing, a restore may have
  // replaced it meanwhile.

  async create(
    actor: Actor,
    input: {
      identifiant: string;
      nom: string;
      roles: Role[];
      motDePasse: string;
      agentId?: number | null;
      pin?: string | null;
    },
  ): Promise<CompteSummary> {
    const motDePasseHash = await hashSecret(input.motDePasse);
    const pinHash = input.pin ? await hashSecret(input.pin) : null;
    const db = this.store.db;
    const id = await insertCompte(
      db,
      actor,
      {
        identifiant: input.identifiant,
        nom: input.nom,
        roles: input.roles,
        agentId: input.agentId,
        motDePasseHash,
        pinHash,
      },
      this.now(),
    );
    return getCompte(db, id);
  }

  /** Changes an account; a change of roles or a deactivation ends its open sessions at once. */
  async update(actor: Actor, change: CompteChange): Promise<CompteSummary> {
    const db = this.store.db;
    const { closeSessions } = await updateCompte(db, actor, change, this.now());
    if (closeSessions) this.tokens.closeAllOf(change.id);
    return getCompte(db, change.id);
  }

  /** An administrator sets a new password: the account's sessions end, its lock is lifted. */
  async setPassword(actor: Actor, id: number, motDePasse: string): Promise<CompteSummary> {
    await getCompte(this.store.db, id);
    const hash = await hashSecret(motDePasse);
    const db = this.store.db;
    await writePassword(db, actor, id, hash, this.now());
    this.tokens.closeAllOf(id);
    return getCompte(db, id);
  }

  async setPin(actor: Actor, id: number, pin: string | null): Promise<CompteSummary> {
    await getCompte(this.store.db, id);
    const hash = pin === null ? null : await hashSecret(pin);
    const db = this.store.db;
    await writePin(db, actor, id, hash, this.now());
    return getCompte(db, id);
  }

  async unlock(actor: Actor, id: number): Promise<CompteSummary> {
    const db = this.store.db;
    await unlockCompte(db, actor, id, this.now());
    return getCompte(db, id);
  }

  /**
   * Someone changes their own password, proving the current one (with the lockout: a forgotten session must not
   * let anyone guess it). Their other sessions end; this one stays open.
   */
  async changePassword(
    client: ClientSlot,
    session: Session,
    actuel: string,
    nouveau: string,
    source: string = LOCAL_SOURCE,
  ): Promise<Session> {
    const actor = actorOf(session);
    const attempt = this.sources.admit(source);
    const row = await this.row('id', actor.compteId ?? 0);
    if (!row) throw new RefusedError(BAD_CURRENT);
    await this.check(row.id, (fresh) => fresh.mot_de_passe, actuel, BAD_CURRENT);
    attempt.succeeded();
    const hash = await hashSecret(nouveau);
    await writePassword(this.store.db, actor, row.id, hash, this.now(), 'changement_mot_de_passe');
    this.tokens.closeAllOf(row.id, client.token);
    return this.resolve(client);
  }
}
