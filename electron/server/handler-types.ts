import type { z } from 'zod';
import type { Core } from '../core/app';
import type { ClientSlot, Session } from '../core/auth/session';
import type { CallingDesk } from '../core/points/call-point';
import type { MethodName, Outputs, methods } from '../../common/contract';

/** What a handler knows of its caller, besides the validated input. */
export interface CallContext {
  session: Session;
  /** The transport's slot for this window: login and logout handlers change its token. */
  client: ClientSlot;
  /**
   * Where the call comes from, for the throttling of login attempts: the client's network address for the
   * HTTP transport, LOCAL_SOURCE for the Electron window and the command line.
   */
  source: string;
  /**
   * The enrolled city desk the call comes from (its own credential, resolved by the HTTP transport); absent for
   * the server's own pages, the Electron window and the command line. It grants access `poste`, and its point is
   * the point of the call (core/points/call-point.ts).
   */
  poste?: CallingDesk;
  /** Set by the transport for a public kiosk's calls (dispatch then allows only the kiosk's methods). */
  kiosk: boolean;
}

export type Handler<M extends MethodName> = (
  core: Core,
  input: z.output<(typeof methods)[M]['input']>,
  context: CallContext,
) => Outputs[M] | Promise<Outputs[M]>;

/** The handlers of one domain's methods. */
export type HandlerTable<Names extends MethodName> = { [M in Names]: Handler<M> };
