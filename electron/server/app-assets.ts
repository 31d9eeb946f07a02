// What the window's files are and how they are served, the same way by Electron's app:// protocol (electron/main)
// and by the HTTP server (the preview, the tests): the app's origin, the Content-Security-Policy and the other
// response headers, the resolution of a request to a file that never leaves the renderer's folder, MIME types.
// Pure functions, tested in electron/main/security.test.ts with the shell's other decisions.
import path from 'node:path';

/** The renderer is served from this privileged custom protocol, never from file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'infocite';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Everything comes from the app itself: no remote content, no inline script or style, no plugins, no frames. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the app:// protocol. */
export const APP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Headers sent with every answer of the HTTP server (the browser preview, the city server): the app's own,
 * plus what a page on a network needs: no referrer leaves it, no other site may frame it, open it as a popup
 * with a handle on it, or load its answers as resources.
 */
export const HTTP_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  ...APP_RESPONSE_HEADERS,
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

export function isAppLocation(parsed: URL): boolean {
  // Node parses app: as a non-special scheme, so its host is not lowercased and its origin is 'null':
  // compare the parts instead of `origin`.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host.toLowerCase() === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/** A '.' or '..' path segment, possibly percent-encoded, before the query. */
const DOT_SEGMENT = /[/\\](?:\.|%2e){1,2}(?=[/\\]|$)/i;

/**
 * The file under rootDir that an app:// request asks for, or null when the request is not for APP_ORIGIN or
 * would leave rootDir. `app://infocite/` (or any path ending with '/') serves that folder's index.html; the
 * query and the hash are ignored.
 */
export function resolveAppAsset(rootDir: string, requestUrl: string): string | null {
  // The URL parser silently resolves '..' and '%2e%2e' segments (clamping them at the root): a request
  // spelling one out is refused rather than answered with some other file.
  if (DOT_SEGMENT.test(requestUrl.split(/[?#]/, 1)[0] ?? '')) return null;
  const parsed = parseUrl(requestUrl);
  if (!parsed || !isAppLocation(parsed) || parsed.port !== '') return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname || '/');
  } catch {
    return null; // malformed percent-encoding
  }
  // Backslashes and drive letters would be separators on Windows; NUL truncates paths in native code.
  if (/[\\:\0]/.test(pathname)) return null;
  if (!pathname.startsWith('/')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const segments = pathname.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  const root = path.resolve(rootDir);
  const resolved = path.resolve(root, ...segments);
  const relative = path.relative(root, resolved);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return resolved;
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}
