// The checks of the HTTP server before any work: which names it answers to (DNS rebinding), which pages may
// call its API (cross-origin requests), how large a request may be, and who is calling (for the throttling of
// logins). Pure, so that preview-server.test.ts and http-guards.test.ts check them directly.
import type { MethodName } from '../../common/contract';
import { MAX_CSV_CHARS } from '../../common/agents/methods';

/** The names of this machine the server answers to by default, each with the server's actual port. */
export const LOOPBACK_HOSTS: readonly string[] = ['127.0.0.1', 'localhost', '[::1]'];

export interface HostPolicy {
  /** Accepted values of the Host header, lower-cased, always with a port. */
  hosts: ReadonlySet<string>;
  /** Accepted values of the Origin header on /api. */
  origins: ReadonlySet<string>;
}

const HOST_ENTRY = /^(\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?)(?::(\d{1,5}))?$/;

/**
 * One allowed host, as configured: « name » (the server's port is implied), « name:port » (a proxy in front
 * may answer on another port), an IPv6 address with or without brackets. Lower-cased; throws in French.
 */
export function normaliseHost(entry: string, port: number): string {
  let text = entry.trim().toLowerCase();
  if (text.includes(':') && !text.startsWith('[') && /^[0-9a-f:.]+$/.test(text) && text.split(':').length > 2)
    text = `[${text}]`;
  const match = HOST_ENTRY.exec(text);
  if (!match?.[1]) throw new Error(`Nom d'hôte autorisé invalide : « ${entry} »`);
  return `${match[1]}:${match[2] ?? String(port)}`;
}

/**
 * The Host and Origin values the server accepts. `allowedOrigins` is for a server behind a TLS proxy
 * (https://…); by default each allowed host's http:// origin.
 */
export function hostPolicy(
  allowedHosts: readonly string[],
  port: number,
  allowedOrigins?: readonly string[],
): HostPolicy {
  const hosts = new Set(allowedHosts.map((entry) => normaliseHost(entry, port)));
  const origins = new Set(
    allowedOrigins
      ? allowedOrigins.map((origin) => origin.trim().toLowerCase().replace(/\/$/, ''))
      : [...hosts].map((host) => `http://${host}`),
  );
  return { hosts, origins };
}

/**
 * Whether a request's Host header names this server. A page on another name that resolves to this machine
 * (DNS rebinding) sends its own name here: it must not reach the API, nor even the pages.
 */
export function hostAllowed(policy: HostPolicy, host: string | undefined): boolean {
  return host !== undefined && policy.hosts.has(host.trim().toLowerCase());
}

/**
 * Whether an API call may come from the page that sent it. Browsers send Origin with every POST and
 * Sec-Fetch-Site with every request; a call without them comes from a program (the tests, curl), which a
 * hostile page cannot make a browser do.
 */
export function originAllowed(
  policy: HostPolicy,
  origin: string | undefined,
  fetchSite: string | undefined,
): boolean {
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return false;
  if (origin === undefined) return true;
  return policy.origins.has(origin.trim().toLowerCase());
}

/** The body of an API call may hold this much by default (JSON, UTF-8). */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Methods whose inputs may be larger, each sized from its schema's limits: a character may take 3 bytes in
 * UTF-8, and JSON escapes some.
 */
export const BODY_LIMITS: Readonly<Partial<Record<MethodName, number>>> = {
  // The CSV import: 5 million characters.
  'agents.importCsv': 3 * MAX_CSV_CHARS + DEFAULT_BODY_LIMIT,
  // A fiche or contact being edited: a body of 500,000 characters and its front-matter.
  'redaction.validate': 2 * 1024 * 1024,
  'redaction.preview': 2 * 1024 * 1024,
  'redaction.save': 2 * 1024 * 1024,
  // The whole vocabulary at once: synonym groups and thèmes.
  'vocabulaire.setSynonyms': 4 * 1024 * 1024,
  'vocabulaire.setThemes': 4 * 1024 * 1024,
  // A desk's batch: up to MAX_BATCH (200) outbox entries, each with up to 20 fiche ids and 100 search uids.
  'sync.ingest': 4 * 1024 * 1024,
  // Up to 2,000 attendance lines.
  'formations.attendance': 256 * 1024,
};

export function bodyLimitOf(method: string): number {
  return (
    (Object.hasOwn(BODY_LIMITS, method) ? BODY_LIMITS[method as MethodName] : undefined) ?? DEFAULT_BODY_LIMIT
  );
}

/** « 64 Ko », « 16 Mo »: a size as the message of a refused request gives it. */
export function frenchSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} Ko`;
  return `${Math.floor(bytes / (1024 * 1024))} Mo`;
}

function ipv6Groups(address: string): string[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  return [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
}

/**
 * Who a request comes from, for the throttling of logins: its IPv4 address, or the /64 network of an IPv6
 * address (one machine easily holds a whole /64).
 */
export function sourceOf(remoteAddress: string | undefined): string {
  if (!remoteAddress) return 'inconnue';
  const address = remoteAddress.toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!address.includes(':')) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
