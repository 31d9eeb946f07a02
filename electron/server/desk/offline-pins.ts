// The PIN switch while the server is out of reach: after each successful contact the desk keeps what
// `sync.desk` gave it (its point's agents and their PIN hashes, valid for a short time) in its outbox file, and
// checks a PIN offline with the same scrypt verification as the server. Wrong PINs are throttled here with the
// server's own rule (lockout.ts), per account, counted before any hashing. An offline
// session carries the agent role only; the server checks every author again when the entries arrive.
import type { DeskAgent } from '../../../common/auth/methods';
import type { SyncOutputs } from '../../../common/sync/methods';
import {
  CLEARED,
  afterFailure,
  attemptRefusal,
  secondsToWait,
  type LockState,
} from '../../core/auth/lockout';
import { verifySecret } from '../../core/auth/passwords';
import { RefusedError } from '../../core/errors';
import type { Outbox } from './outbox';

export const PINS_KEY = 'pins';

type DeskInfo = SyncOutputs['sync.desk'];

const NOT_HERE = "Cet agent ne peut pas ouvrir de session par code PIN à ce point d'accueil.";
const EXPIRED =
  'Hors ligne : les codes PIN gardés sur ce poste ont expiré. Attendez le retour du réseau pour changer d’agent.';
const BAD_PIN = 'Code PIN incorrect.';

export class OfflinePins {
  private readonly locks = new Map<number, LockState>();

  constructor(
    private readonly outbox: Outbox,
    private readonly now: () => Date,
  ) {}

  /** Keeps what the server said, for use until its `pinsValidUntil`. */
  save(desk: DeskInfo): void {
    this.outbox.setState(PINS_KEY, desk);
  }

  /** The kept desk information, whatever its age (the point's name…). */
  last(): DeskInfo | undefined {
    return this.outbox.getState<DeskInfo>(PINS_KEY);
  }

  private valid(): DeskInfo | undefined {
    const kept = this.last();
    return kept && Date.parse(kept.pinsValidUntil) > this.now().getTime() ? kept : undefined;
  }

  /** `auth.deskAgents` offline: the point's agents while their PINs are valid, none after. */
  deskAgents(): { point: { id: number; nom: string } | null; agents: DeskAgent[] } {
    const kept = this.valid();
    if (!kept) return { point: this.last()?.point ?? null, agents: [] };
    return { point: kept.point, agents: kept.pins.map(({ compteId, nom }) => ({ compteId, nom })) };
  }

  /** Checks a PIN offline; the account opened, or a French refusal (with the wait, when throttled). */
  async check(compteId: number, pin: string): Promise<{ compteId: number; nom: string }> {
    const now = this.now();
    const state = this.locks.get(compteId) ?? CLEARED;
    const refusal = attemptRefusal(state, now);
    if (refusal) throw new RefusedError(refusal, { retryAfter: secondsToWait(state, now) });
    const kept = this.valid();
    if (!kept) throw new RefusedError(EXPIRED);
    const cached = kept.pins.find((entry) => entry.compteId === compteId);
    if (!cached) throw new RefusedError(NOT_HERE);
    // Counted before the hashing, cleared on success: concurrent guesses cannot slip between the two.
    const failed = afterFailure(state, now);
    this.locks.set(compteId, failed);
    if (!(await verifySecret(pin, cached.pinHash))) {
      const retryAfter = secondsToWait(failed, now);
      throw new RefusedError(BAD_PIN, retryAfter === undefined ? {} : { retryAfter });
    }
    this.locks.delete(compteId);
    return { compteId, nom: cached.nom };
  }
}
