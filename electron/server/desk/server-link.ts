// The desk's line to the city's server: POST <server>/api/<method> with the desk's credential and API version,
// and the user's server session (the server's `infocite_client` cookie, kept in the desk process, never in the
// page). A network failure, a timeout or a 5xx becomes an `Unreachable` error the desk turns into « Serveur
// injoignable : … » (or an offline answer); a desk too old for the server gets the server's own French message.
import type { Envelope } from '../../../common/contract';
import { API_VERSION, API_VERSION_HEADER, POSTE_HEADER } from '../../../common/sync/methods';
import { CLIENT_COOKIE } from '../http-clients';

/** The server could not be reached, or did not answer in time, or failed (5xx): worth trying again later. */
export class Unreachable extends Error {}

export interface ServerAnswer {
  envelope: Envelope<unknown>;
  /** The server's session cookie after the call: a new value, null when it cleared it, undefined if unchanged. */
  cookie?: string | null;
}

export interface ServerLinkOptions {
  serverUrl: string;
  fetch?: typeof fetch;
  /** Milliseconds before a call is abandoned as unreachable. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

const OUTDATED =
  "Ce poste est trop ancien pour le serveur de la ville : installez la dernière version d'Info'Cité, puis relancez-le.";

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/** The cookie the server set or cleared, from its Set-Cookie headers. */
export function clientCookieOf(setCookies: readonly string[]): string | null | undefined {
  for (const header of setCookies) {
    const match = new RegExp(`^\\s*${CLIENT_COOKIE}=([^;]*)`).exec(header);
    if (match) return match[1] ? match[1] : null;
  }
  return undefined;
}

export class ServerLink {
  readonly serverUrl: string;
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: ServerLinkOptions) {
    this.serverUrl = options.serverUrl.endsWith('/') ? options.serverUrl : `${options.serverUrl}/`;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /**
   * Calls `method` on the server. `credential` is the desk's (null before enrolment), `cookie` the user's
   * server session (null: none). Throws Unreachable when the answer cannot be had.
   */
  async call(
    method: string,
    input: unknown,
    credential: string | null,
    cookie: string | null = null,
  ): Promise<ServerAnswer> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      [API_VERSION_HEADER]: String(API_VERSION),
    };
    if (credential) headers[POSTE_HEADER] = credential;
    if (cookie) headers.cookie = `${CLIENT_COOKIE}=${cookie}`;
    let response: Response;
    try {
      response = await this.fetch(new URL(`api/${method}`, this.serverUrl), {
        method: 'POST',
        headers,
        body: JSON.stringify(input ?? {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const reason =
        error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
          ? 'pas de réponse à temps'
          : 'connexion impossible';
      throw new Unreachable(reason);
    }
    if (response.status >= 500) throw new Unreachable(`erreur ${response.status} du serveur`);
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      body = undefined;
    }
    if (response.status === 426) {
      const message = isEnvelope(body) && !body.ok ? body.error.message : OUTDATED;
      return { envelope: { ok: false, error: { code: 'refused', message } } };
    }
    if (!isEnvelope(body)) throw new Unreachable(`réponse inattendue (HTTP ${response.status})`);
    return { envelope: body, cookie: clientCookieOf(response.headers.getSetCookie()) };
  }
}
