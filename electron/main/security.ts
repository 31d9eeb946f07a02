// The security decisions of the Electron shell, as small pure functions: main.ts only wires them to Electron's
// events, and security.test.ts checks them under plain Node. Nothing here may import 'electron' at runtime.
import { stripAccents } from '../../common/text';
import type { BrowserWindowConstructorOptions } from 'electron';
import type { Envelope } from '../../common/contract';
import { CONTENT_SECURITY_POLICY, isAppLocation, parseUrl } from '../server/app-assets';

/** The answer to an IPC message coming from anywhere but the app's own pages. */
export const UNTRUSTED_SENDER_ERROR: Envelope<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'Origine non autorisée.' },
};

export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    title: "Info'Cité",
    show: false,
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    },
  };
}

/** True only for URLs on APP_ORIGIN (any path, query or hash). */
export function isAppUrl(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && isAppLocation(parsed);
}

/** IPC messages are accepted only from frames showing the app's own pages. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  return frameUrl !== undefined && isAppUrl(frameUrl);
}

/** Longer links are refused rather than handed to the operating system. */
export const MAX_EXTERNAL_URL_LENGTH = 2048;

function isPrivateIpv4(host: string): boolean {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (!match) return false;
  const [a, b] = [Number(match[1]), Number(match[2])];
  return (
    a === 0 || // "this" network
    a === 10 ||
    a === 127 || // loopback
    (a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT
    (a === 169 && b === 254) || // link-local
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 192 && b === 0 && Number(match[3]) === 0) || // IETF protocol assignments 192.0.0.0/24
    (a === 198 && (b === 18 || b === 19)) || // benchmarking 198.18.0.0/15, used inside networks
    a >= 224 // multicast and reserved
  );
}

/** The eight 16-bit groups of an IPv6 address as the WHATWG parser writes it (compressed, no dotted part). */
function ipv6Groups(address: string): number[] | null {
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const part = (text: string | undefined) => (text ? text.split(':') : []);
  const head = part(halves[0]);
  const tail = part(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

/** The IPv4 address written in two 16-bit groups. */
function ipv4Of(high: number, low: number): string {
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

function isPrivateIpv6(host: string): boolean {
  if (!host.startsWith('[')) return false;
  const address = host.slice(1, -1).toLowerCase();
  const groups = ipv6Groups(address);
  // Not an address the parser would write: refuse rather than guess.
  if (!groups) return true;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  return (
    // ::, ::1 (loopback), ::ffff:a.b.c.d (IPv4-mapped, may hide any address above): no public address starts
    // with a zero group, global unicast being 2000::/3.
    g0 === 0 ||
    (g0 & 0xfe00) === 0xfc00 || // unique local fc00::/7
    (g0 & 0xffc0) === 0xfe80 || // link-local fe80::/10
    (g0 & 0xffc0) === 0xfec0 || // site-local fec0::/10 (deprecated, still routed inside some networks)
    (g0 & 0xff00) === 0xff00 || // multicast ff00::/8
    // NAT64 64:ff9b::/96 reaches the IPv4 address in its last 32 bits; the local-use 64:ff9b:1::/48 any.
    (g0 === 0x64 && g1 === 0xff9b && g2 === 1) ||
    (g0 === 0x64 &&
      g1 === 0xff9b &&
      g2 === 0 &&
      g3 === 0 &&
      g4 === 0 &&
      g5 === 0 &&
      isPrivateIpv4(ipv4Of(g6, g7))) ||
    // 6to4 2002::/16 carries an IPv4 address in its second and third groups.
    (g0 === 0x2002 && isPrivateIpv4(ipv4Of(g1, g2))) ||
    // Teredo 2001:0::/32 tunnels to an obfuscated IPv4 address.
    (g0 === 0x2001 && g1 === 0)
  );
}

/**
 * Names that only mean something inside a local network: a single label (« intranet », resolved through the
 * DNS search domains) and the suffixes reserved or customary for private networks.
 */
const PRIVATE_SUFFIXES = [
  'localhost',
  'local',
  'localdomain',
  'lan',
  'home',
  'home.arpa',
  'internal',
  'intranet',
  'corp',
  'private',
];

function isLocalHostname(host: string): boolean {
  const name = host.replace(/\.$/, '');
  if (isPrivateIpv4(name) || isPrivateIpv6(name)) return true;
  if (name.startsWith('[')) return false;
  if (!name.includes('.')) return true;
  return PRIVATE_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

/**
 * The normalised form of a link the app may hand to the system browser, or null.
 *
 * Only `https:` is accepted. http: would send citizens' questions in clear text; file:, javascript:, data:
 * and custom schemes could run code or open local files through the operating system; mailto: and tel: are
 * shown as text for the agent to copy, which keeps this rule a single, easy-to-audit line. Links with
 * credentials (user:pass@), or whose host is this machine, a private, link-local or loopback IP address (also
 * through NAT64 or 6to4), a single-label name or a local-network suffix (.local, .lan, .home.arpa,
 * .internal…), are refused too: a fiche must not be able to reach into the desk's own network.
 */
export function safeExternalUrl(url: string): string | null {
  if (url.length > MAX_EXTERNAL_URL_LENGTH) return null;
  const parsed = parseUrl(url);
  if (!parsed) return null;
  if (parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '' || parsed.username !== '' || parsed.password !== '') return null;
  // The WHATWG parser has already turned 0x7f.1, 2130706433 and friends into dotted IPv4.
  if (isLocalHostname(parsed.hostname.toLowerCase())) return null;
  return parsed.href;
}

export function isSafeExternalUrl(url: string): boolean {
  return safeExternalUrl(url) !== null;
}

/** What to do when a page tries to navigate its frame (a link without target, location.href = …). */
export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternally: string | null };

/**
 * In-app routes are hash based, so the window never has to leave APP_ORIGIN. Any other navigation is
 * cancelled; a safe https link is then opened in the system browser instead.
 */
export function decideNavigation(url: string): NavigationDecision {
  if (isAppUrl(url)) return { action: 'allow' };
  return { action: 'deny', openExternally: safeExternalUrl(url) };
}

/** window.open and target="_blank": never a new Electron window; a safe https link goes to the browser. */
export function decideWindowOpen(url: string): { action: 'deny'; openExternally: string | null } {
  return { action: 'deny', openExternally: safeExternalUrl(url) };
}

/**
 * The response headers with the app's CSP in place of any other: used as defence in depth on every response
 * the session receives, whatever served it.
 */
export function withContentSecurityPolicy(
  headers: Readonly<Record<string, string[]>> | undefined,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = values;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/**
 * The file name offered when saving a page as PDF: the window's suggestion reduced to letters, digits, dashes
 * and dots, never a path, always ending in .pdf.
 */
export function safePdfName(suggested: unknown): string {
  const text = typeof suggested === 'string' ? suggested : '';
  const base = stripAccents(text)
    .replace(/\.pdf$/i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80);
  return `${base || 'infocite'}.pdf`;
}

/**
 * The question asked when the window is closed (or reloaded) while a page holds unsaved changes: the page's
 * beforeunload handler only blocks; Electron then asks the shell, which shows this and lets the window go only
 * when the person chooses to leave.
 */
export const UNSAVED_CHANGES_DIALOG = {
  type: 'question',
  buttons: ['Rester sur la page', 'Quitter sans enregistrer'],
  defaultId: 0,
  cancelId: 0,
  title: "Info'Cité",
  message: 'Des modifications ne sont pas enregistrées.',
  detail: 'Si vous quittez maintenant, elles seront perdues.',
  noLink: true,
} as const;

/** Whether the button chosen in UNSAVED_CHANGES_DIALOG lets the window close. */
export function leavesUnsavedPage(response: number): boolean {
  return UNSAVED_CHANGES_DIALOG.buttons[response] === 'Quitter sans enregistrer';
}
