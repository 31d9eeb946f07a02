// The connected desk (poste relié): one process between its window(s) and the city's server. Each call goes
// where the design says (DESIGN.md, « One core, three ways to run it »):
// - knowledge reads (search, fiches, contacts, thèmes, content problems) → the local core, from the desk's copy
//   of the content, through the normal dispatch: they work offline;
// - the log (record, cancel, correct, mine, settled searches, « utile ? ») → the outbox, answered locally;
// - login and the PIN switch → the server; offline, the PIN switch is checked against the cached hashes;
// - everything else → forwarded to the server, with the desk's credential and the user's server session.
// A window's server session (the server's cookie) lives here, per window slot, never in the page: the slot's
// token is a desk-local key to it.
import { randomBytes } from 'node:crypto';
import type { SessionInfo } from '../../../common/auth/methods';
import type { Envelope, MethodName } from '../../../common/contract';
import type { DeskStatus } from '../../../common/desk/methods';
import type { PosteInscrit } from '../../../common/postes/methods';
import type { SyncOutputs } from '../../../common/sync/methods';
import type { Core } from '../../core/app';
import { ANONYMOUS, type ClientSlot, type Session } from '../../core/auth/session';
import { RefusedError } from '../../core/errors';
import { knowledgeRefs } from '../../core/journal/refs';
import { parisDay } from '../../../common/dates';
import { answerCall, dispatchAs } from '../dispatch';
import type { TokenStore } from '../http-clients';
import { ContentMirror } from './content-mirror';
import type { CredentialStore, DeskCredential } from './credential-store';
import { isOutboxMethod, LocalJournal } from './local-journal';
import { OfflinePins } from './offline-pins';
import { Outbox } from './outbox';
import { LAST_SENT_KEY, Sender } from './sender';
import { ServerLink, Unreachable } from './server-link';

/** Read from the desk's own copy of the content and index: they work offline. */
export const LOCAL_METHODS: ReadonlySet<string> = new Set([
  'search.query',
  'search.status',
  'fiches.get',
  'contacts.search',
  'contacts.get',
  'content.problems',
  'themes.list',
] satisfies MethodName[]);

/** How often the desk asks the server for its point's PINs (and so learns it is back online). */
export const DESK_REFRESH_MS = 60_000;

const NOT_ENROLLED =
  "Ce poste n'est pas encore inscrit auprès du serveur de la ville : saisissez le code d'inscription que vous a donné l'administrateur.";
const OFFLINE_SESSION =
  'Hors ligne : cette session ouverte par code PIN sans réseau permet seulement de rechercher et d’enregistrer les contacts. Reconnectez-vous quand le réseau sera revenu.';

function unreachable(reason: string): Envelope<never> {
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message: `Serveur injoignable : ${reason}. La recherche et l'enregistrement des contacts restent possibles ; réessayez plus tard.`,
    },
  };
}

export interface DeskOptions {
  serverUrl: string;
  dataDir: string;
  /** Where the desk's copy of the content lives (the local core reads it; the content mirror writes it). */
  contentDir: string;
  /** The local core: knowledge reads only (its own accounts and registries are not used). */
  core: Core;
  credentials: CredentialStore;
  fetch?: typeof fetch;
  now?: () => Date;
  random?: () => number;
  timeoutMs?: number;
  nativeBinding?: string;
}

/** What the desk keeps for one window's session. */
interface SlotState {
  /** The server's session cookie (online sessions). */
  serverCookie: string | null;
  /** What the server last said of this session (roles…), or the offline PIN session's. */
  info: SessionInfo | null;
  /** Opened by PIN while the server was out of reach: agent role only, nothing forwarded. */
  offline: boolean;
}

export class Desk {
  readonly outbox: Outbox;
  readonly sender: Sender;
  readonly link: ServerLink;
  readonly pins: OfflinePins;
  private readonly journal: LocalJournal;
  private readonly now: () => Date;
  private readonly sessions = new Map<string, SlotState>();
  private credential: DeskCredential | null;
  private online = false;
  private lastDeskRefresh = 0;
  private refreshing: Promise<void> | null = null;
  private heartbeat: NodeJS.Timeout | undefined;
  private mirror: ContentMirror | null = null;

  /** For the HTTP transport's client slots: a slot lives as long as the desk keeps its session. */
  readonly tokens: TokenStore = {
    isLive: (token) => token !== null && this.sessions.has(token),
    close: (token) => {
      if (token !== null) this.sessions.delete(token);
    },
  };

  constructor(private readonly options: DeskOptions) {
    this.now = options.now ?? (() => new Date());
    this.outbox = new Outbox({
      dataDir: options.dataDir,
      now: this.now,
      nativeBinding: options.nativeBinding,
    });
    this.outbox.forgetBefore(parisDay(this.now()));
    this.link = new ServerLink({
      serverUrl: options.serverUrl,
      fetch: options.fetch,
      timeoutMs: options.timeoutMs,
    });
    this.pins = new OfflinePins(this.outbox, this.now);
    this.journal = new LocalJournal(
      this.outbox,
      () => knowledgeRefs(options.core.search.current().knowledge),
      this.now,
    );
    this.credential = options.credentials.load();
    this.sender = new Sender({
      outbox: this.outbox,
      link: this.link,
      credential: () => this.credential?.credential ?? null,
      now: this.now,
      random: options.random,
      onContact: (reached) => this.contact(reached),
    });
  }

  /** Starts sending the outbox, refreshing the PINs and mirroring the content. */
  start(): void {
    this.sender.start();
    this.heartbeat = setInterval(() => void this.refreshDesk(true), DESK_REFRESH_MS);
    this.heartbeat.unref();
    this.startMirror();
    void this.refreshDesk(true);
  }

  private startMirror(): void {
    if (this.mirror || !this.credential || !this.heartbeat) return;
    this.mirror = new ContentMirror({
      serverUrl: this.link.serverUrl,
      credential: this.credential.credential,
      contentDir: this.options.contentDir,
      // The shipped index goes where the desk's own search service looks for its persisted index.
      dataDir: this.options.core.options.dataDir,
      fetch: this.options.fetch,
    });
    this.mirror.start();
  }

  async close(): Promise<void> {
    clearInterval(this.heartbeat);
    await Promise.all([this.sender.stop(), this.mirror?.stop(), this.refreshing]);
    this.outbox.close();
  }

  status(): DeskStatus {
    return {
      mode: 'relie',
      serveur: this.link.serverUrl,
      inscrit: this.credential !== null,
      poste: this.credential?.poste ?? null,
      point: this.credential?.point ?? null,
      enLigne: this.online,
      enAttente: this.outbox.count(),
      dernierEnvoi: this.outbox.getState<string>(LAST_SENT_KEY) ?? null,
    };
  }

  private contact(reached: boolean): void {
    this.online = reached;
    if (reached) void this.refreshDesk(false);
  }

  /** Keeps the point's PIN hashes fresh after a successful contact (at most once a minute unless forced). */
  refreshDesk(force: boolean): Promise<void> {
    const credential = this.credential?.credential;
    if (!credential || this.refreshing) return this.refreshing ?? Promise.resolve();
    if (!force && Date.now() - this.lastDeskRefresh < DESK_REFRESH_MS) return Promise.resolve();
    this.lastDeskRefresh = Date.now();
    this.refreshing = this.link
      .call('sync.desk', {}, credential)
      .then((answer) => {
        this.online = true;
        if (answer.envelope.ok) this.pins.save(answer.envelope.result as SyncOutputs['sync.desk']);
      })
      .catch((error: unknown) => {
        if (error instanceof Unreachable) this.online = false;
        else console.error('[desk] refreshing the desk failed:', error);
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /** The session a slot holds, as the local dispatch and the outbox see it. */
  private sessionOf(slot: ClientSlot): Session {
    const compte = this.stateOf(slot)?.info?.compte;
    if (!compte) return ANONYMOUS;
    const { roles, via, ...rest } = compte;
    return { roles, via, compte: rest };
  }

  private stateOf(slot: ClientSlot): SlotState | undefined {
    return slot.token === null ? undefined : this.sessions.get(slot.token);
  }

  /** Moves the slot to a new desk-local token holding `state` (a new session never reuses a token). */
  private open(slot: ClientSlot, state: SlotState): void {
    this.tokens.close(slot.token);
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, state);
    slot.token = token;
  }

  private drop(slot: ClientSlot): void {
    this.tokens.close(slot.token);
    slot.token = null;
  }

  /** The desk's point as the window's « installation ». */
  private withDeskPoint(info: SessionInfo): SessionInfo {
    const point = this.credential?.point;
    return { ...info, installation: point ? { pointId: point.id, nom: point.nom } : null };
  }

  private localInfo(slot: ClientSlot): SessionInfo {
    const info = this.stateOf(slot)?.info;
    return this.withDeskPoint(info ?? { setupNeeded: false, compte: null, installation: null });
  }

  /** One call of a window: routed to the local core, the outbox, or the server. */
  async call(slot: ClientSlot, method: string, input: unknown, source?: string): Promise<Envelope<unknown>> {
    if (method === 'desk.status') return { ok: true, result: this.status() };
    if (method === 'desk.enrol') {
      const answer = await answerCall(ANONYMOUS, method, input, (_name, parsed) =>
        this.enrol((parsed as { code: string }).code),
      );
      // Every refusal of an enrolment is about the code: the form shows it beside that field.
      return answer.ok ? answer : { ok: false, error: { ...answer.error, field: 'code' } };
    }
    if (!this.credential) return { ok: false, error: { code: 'unavailable', message: NOT_ENROLLED } };
    const session = this.sessionOf(slot);
    if (LOCAL_METHODS.has(method))
      return dispatchAs(this.options.core, session, slot, method, input, { source });
    if (isOutboxMethod(method)) {
      const pointId = this.credential.point.id;
      const answer = await answerCall(session, method, input, (_name, parsed) =>
        // answerCall checked the role (agent), so the session has an account.
        this.journal.run(method, parsed, { compteId: session.compte?.id ?? 0, pointId }),
      );
      if (answer.ok && method !== 'journal.mine') this.sender.nudge();
      return answer;
    }
    const state = this.stateOf(slot);
    switch (method) {
      case 'auth.session':
        if (state?.offline) return { ok: true, result: this.localInfo(slot) };
        return this.forward(slot, method, input, () => ({ ok: true, result: this.localInfo(slot) }));
      case 'auth.deskAgents':
        return this.forward(slot, method, input, () => ({ ok: true, result: this.pins.deskAgents() }));
      case 'auth.pinLogin':
        return this.forward(slot, method, input, () => this.offlinePinLogin(slot, input));
      case 'auth.logout': {
        const forwarded = state?.offline ? null : await this.forward(slot, method, input, () => null);
        this.drop(slot);
        return forwarded?.ok ? forwarded : { ok: true, result: this.localInfo(slot) };
      }
      default:
        if (state?.offline) return { ok: false, error: { code: 'unavailable', message: OFFLINE_SESSION } };
        return this.forward(slot, method, input);
    }
  }

  private offlinePinLogin(slot: ClientSlot, input: unknown): Promise<Envelope<unknown>> {
    return answerCall(ANONYMOUS, 'auth.pinLogin', input, async (_name, parsed) => {
      const { compteId, pin } = parsed as { compteId: number; pin: string };
      const agent = await this.pins.check(compteId, pin);
      const info: SessionInfo = {
        setupNeeded: false,
        compte: {
          id: agent.compteId,
          identifiant: agent.nom,
          nom: agent.nom,
          roles: ['agent'],
          agentId: null,
          via: 'pin',
        },
        installation: null,
      };
      this.open(slot, { serverCookie: null, info, offline: true });
      return this.localInfo(slot);
    });
  }

  /**
   * Sends the call to the server with the slot's server session; keeps what the server says of the session.
   * When the server cannot be reached, `offline` answers instead (or « Serveur injoignable »).
   */
  private async forward(
    slot: ClientSlot,
    method: string,
    input: unknown,
    offline?: () => Envelope<unknown> | Promise<Envelope<unknown>> | null,
  ): Promise<Envelope<unknown>> {
    const credential = this.credential?.credential ?? null;
    const state = this.stateOf(slot);
    let answer;
    try {
      answer = await this.link.call(method, input, credential, state?.serverCookie ?? null);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      this.online = false;
      return (await offline?.()) ?? unreachable(error.message);
    }
    this.contact(true);
    const { envelope, cookie } = answer;
    if (cookie === null) this.drop(slot);
    else if (cookie !== undefined) this.open(slot, { serverCookie: cookie, info: null, offline: false });
    if (!envelope.ok && envelope.error.code === 'unauthenticated') this.drop(slot);
    if (envelope.ok && method.startsWith('auth.') && isSessionInfo(envelope.result)) {
      const kept = this.stateOf(slot);
      if (kept) kept.info = envelope.result;
      return { ok: true, result: this.withDeskPoint(envelope.result) };
    }
    return envelope;
  }

  /** Enrols this desk with the server's one-time code and keeps its credential. */
  private async enrol(code: string): Promise<DeskStatus> {
    let answer;
    try {
      answer = await this.link.call('postes.enrol', { code }, null);
    } catch (error) {
      if (!(error instanceof Unreachable)) throw error;
      throw new RefusedError(
        `Serveur injoignable (${error.message}) : vérifiez l'adresse du serveur et le réseau, puis réessayez.`,
      );
    }
    if (!answer.envelope.ok) throw new RefusedError(answer.envelope.error.message);
    const { credential, poste } = answer.envelope.result as PosteInscrit;
    const saved: DeskCredential = {
      serverUrl: this.link.serverUrl,
      credential,
      poste: { id: poste.id, nom: poste.nom },
      point: poste.point,
    };
    this.options.credentials.save(saved);
    this.credential = saved;
    this.online = true;
    this.startMirror();
    void this.refreshDesk(true);
    return this.status();
  }
}

function isSessionInfo(value: unknown): value is SessionInfo {
  return typeof value === 'object' && value !== null && 'setupNeeded' in value && 'compte' in value;
}
