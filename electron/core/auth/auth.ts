// Accounts: who may use the app, with which roles; the sessions they open.
import type { Role } from '../../../common/contract';
import type { CompteSummary } from '../../../common/comptes/methods';
import type { DeskAgent, SessionInfo } from '../../../common/auth/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { parisDay } from '../../../common/dates';
import type { CallPoint } from '../points/call-point';
import { pointOfCall } from '../points/call-point';
import { pinAgentsOf } from './desk-agents';
import { ConflictError, RefusedError } from '../errors';
import type { CoreStore as Store } from '../store/core-store';
import type { LockState } from './lockout';
import { CLEARED, afterFailure, attemptRefusal } from './lockout';
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

/** Seconds until the account may be tried again (its forced wait or its lock); undefined when it may now. */
function waitOf(state: LockState, now: Date): number | undefined {
  const until = Math.max(
    Date.parse(state.verrouilleJusqu ?? '') || 0,
    Date.parse(state.prochainEssai ?? '') || 0,
  );
  const ms = until - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : undefined;
}

export class AuthService {
  readonly tokens: SessionTokens;
  /** Failures per source (network address, or LOCAL_SOURCE), across accounts. */
  readonly sources: SourceThrottle;
  /** The tail of each account's queue of attempts: one secret of an account is checked at a time. */
  private readonly attempts = new Map<number, Promise<unknown>>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    this.tokens = new SessionTokens(IDLE_LIMIT_MS, () => this.now().getTime());
    this.sources = new SourceThrottle(() => this.now().getTime());
  }

  private row(where: 'id' | 'identifiant', value: number | string): CompteRow | undefined {
    return this.store.db.prepare(`SELECT * FROM comptes WHERE ${where} = ?`).get(value) as
      CompteRow | undefined;
  }

  /** An account's roles, in the contract's order (agent … administrateur). */
  rolesOf(compteId: number): Role[] {
    return sortRoles(
      this.store.db
        .prepare('SELECT role FROM compte_roles WHERE compte_id = ?')
        .pluck()
        .all(compteId) as string[],
    );
  }

  hasAccounts(): boolean {
    return this.store.db.prepare('SELECT 1 FROM comptes LIMIT 1').get() !== undefined;
  }

  /** The session behind a client's token, read afresh so that a changed role or a closed account applies now. */
  resolve(client: ClientSlot): Session {
    const entry = this.tokens.touch(client.token);
    if (!entry) return ANONYMOUS;
    const row = this.row('id', entry.compteId);
    if (!row || row.actif !== 1) {
      this.tokens.close(client.token);
      client.token = null;
      return ANONYMOUS;
    }
    let roles = this.rolesOf(row.id);
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
  info(session: Session, point: CallPoint | null = pointOfCall(this.store.db)): SessionInfo {
    return {
      setupNeeded: !this.hasAccounts(),
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
    if (this.hasAccounts())
      throw new ConflictError('Le compte administrateur existe déjà : identifiez-vous.');
    const hash = await hashSecret(input.motDePasse);
    const db = this.store.db;
    const at = this.now();
    const id = db.legacyTransaction(() => {
      if (this.hasAccounts())
        throw new ConflictError('Le compte administrateur existe déjà : identifiez-vous.');
      const created = db
        .prepare('INSERT INTO comptes (identifiant, nom, mot_de_passe, cree_le) VALUES (?, ?, ?, ?)')
        .run(input.identifiant, input.nom, hash, at.toISOString());
      const compteId = Number(created.lastInsertRowid);
      db.prepare("INSERT INTO compte_roles (compte_id, role) VALUES (?, 'administrateur')").run(compteId);
      recordAudit(
        db,
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
    })();
    return this.open(client, id, 'mot_de_passe');
  }

  private saveLock(id: number, state: LockState): void {
    this.store.db
      .prepare('UPDATE comptes SET echecs = ?, prochain_essai = ?, verrouille_jusqu = ? WHERE id = ?')
      .run(state.echecs, state.prochainEssai, state.verrouilleJusqu, id);
  }

  private lockOf(row: CompteRow): LockState {
    return { echecs: row.echecs, prochainEssai: row.prochain_essai, verrouilleJusqu: row.verrouille_jusqu };
  }

  /** Runs `task` after every earlier attempt on the same account has finished, whatever their outcome. */
  private serialised<T>(compteId: number, task: () => Promise<T>): Promise<T> {
    const previous = this.attempts.get(compteId) ?? Promise.resolve();
    const run = previous.then(task);
    const tail = run.catch(() => undefined);
    this.attempts.set(compteId, tail);
    void tail.then(() => {
      if (this.attempts.get(compteId) === tail) this.attempts.delete(compteId);
    });
    return run;
  }

  /**
   * Checks a secret of account `compteId` (read afresh, `secretOf` picks the hash), one attempt of the account
   * at a time: the lock is checked and the attempt counted as a failure *before* the hashing, then cleared on
   * success, so concurrent attempts cannot pass the lock together. Throws RefusedError in French.
   */
  private check(
    compteId: number,
    secretOf: (row: CompteRow) => string | null,
    secret: string,
    failure: string,
  ): Promise<void> {
    return this.serialised(compteId, async () => {
      const row = this.row('id', compteId);
      const hash = row ? secretOf(row) : null;
      if (!row || hash === null) throw new RefusedError(failure);
      const refusal = attemptRefusal(this.lockOf(row), this.now());
      if (refusal) throw new RefusedError(refusal, { retryAfter: waitOf(this.lockOf(row), this.now()) });
      const counted = afterFailure(this.lockOf(row), this.now());
      this.saveLock(row.id, counted);
      if (!(await verifySecret(secret, hash))) {
        const wait = attemptRefusal(counted, this.now());
        throw new RefusedError(wait ?? failure, { retryAfter: waitOf(counted, this.now()) });
      }
      this.saveLock(row.id, CLEARED);
    });
  }

  private open(client: ClientSlot, compteId: number, via: 'mot_de_passe' | 'pin'): Session {
    this.tokens.close(client.token);
    client.token = this.tokens.open(compteId, via);
    this.store.db
      .prepare('UPDATE comptes SET derniere_connexion = ? WHERE id = ?')
      .run(this.now().toISOString(), compteId);
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
    const row = this.row('identifiant', identifiant);
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
  deskAgents(point: CallPoint | null = pointOfCall(this.store.db)): {
    point: { id: number; nom: string } | null;
    agents: DeskAgent[];
  } {
    if (!point) return { point: null, agents: [] };
    const agents = pinAgentsOf(this.store.db, point.pointId, parisDay(this.now())).map(
      ({ compteId, nom }) => ({ compteId, nom }),
    );
    return { point: { id: point.pointId, nom: point.nom }, agents };
  }

  async pinLogin(
    client: ClientSlot,
    compteId: number,
    pin: string,
    source: string = LOCAL_SOURCE,
    point: CallPoint | null = pointOfCall(this.store.db),
  ): Promise<Session> {
    const attempt = this.sources.admit(source);
    const allowed = this.deskAgents(point).agents.some((agent) => agent.compteId === compteId);
    const row = this.row('id', compteId);
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
    const id = insertCompte(
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
  update(actor: Actor, change: CompteChange): CompteSummary {
    const db = this.store.db;
    const { closeSessions } = updateCompte(db, actor, change, this.now());
    if (closeSessions) this.tokens.closeAllOf(change.id);
    return getCompte(db, change.id);
  }

  /** An administrator sets a new password: the account's sessions end, its lock is lifted. */
  async setPassword(actor: Actor, id: number, motDePasse: string): Promise<CompteSummary> {
    getCompte(this.store.db, id);
    const hash = await hashSecret(motDePasse);
    const db = this.store.db;
    writePassword(db, actor, id, hash, this.now());
    this.tokens.closeAllOf(id);
    return getCompte(db, id);
  }

  async setPin(actor: Actor, id: number, pin: string | null): Promise<CompteSummary> {
    getCompte(this.store.db, id);
    const hash = pin === null ? null : await hashSecret(pin);
    const db = this.store.db;
    writePin(db, actor, id, hash, this.now());
    return getCompte(db, id);
  }

  unlock(actor: Actor, id: number): CompteSummary {
    const db = this.store.db;
    unlockCompte(db, actor, id, this.now());
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
    const row = this.row('id', actor.compteId ?? 0);
    if (!row) throw new RefusedError(BAD_CURRENT);
    await this.check(row.id, (fresh) => fresh.mot_de_passe, actuel, BAD_CURRENT);
    attempt.succeeded();
    const hash = await hashSecret(nouveau);
    writePassword(this.store.db, actor, row.id, hash, this.now(), 'changement_mot_de_passe');
    this.tokens.closeAllOf(row.id, client.token);
    return this.resolve(client);
  }
}
