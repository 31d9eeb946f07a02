import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  APP_ENTRY_URL,
  APP_ORIGIN,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  CONTENT_SECURITY_POLICY,
  HTTP_RESPONSE_HEADERS,
  mimeTypeFor,
  resolveAppAsset,
} from '../server/app-assets';
import {
  MAX_EXTERNAL_URL_LENGTH,
  UNTRUSTED_SENDER_ERROR,
  decideNavigation,
  decideWindowOpen,
  isAppUrl,
  isSafeExternalUrl,
  isTrustedSender,
  leavesUnsavedPage,
  UNSAVED_CHANGES_DIALOG,
  safePdfName,
  safeExternalUrl,
  windowOptions,
  withContentSecurityPolicy,
} from './security';

function cspDirectives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('app origin', () => {
  it('is the app scheme on the infocite host', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_ORIGIN).toBe('app://infocite');
    expect(APP_ENTRY_URL).toBe('app://infocite/index.html');
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = cspDirectives(CONTENT_SECURITY_POLICY);

  it('allows only the app itself for every kind of resource', () => {
    for (const name of ['default-src', 'script-src', 'style-src', 'img-src', 'font-src', 'connect-src']) {
      expect(directives.get(name), name).toBe("'self'");
    }
  });

  it('forbids plugins, base rewriting, form posts and framing', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-ancestors']) {
      expect(directives.get(name), name).toBe("'none'");
    }
  });

  it('never allows inline or evaluated code, nor remote hosts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-|https?:|\*|data:|blob:/);
  });

  it('is sent with every app:// response, with nosniff', () => {
    expect(APP_RESPONSE_HEADERS['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(APP_RESPONSE_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('is sent by the HTTP server with the headers a page on a network needs', () => {
    expect(HTTP_RESPONSE_HEADERS).toEqual({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'X-Frame-Options': 'DENY',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
    });
  });
});

describe('withContentSecurityPolicy', () => {
  it('adds the CSP to headers that have none and keeps the others', () => {
    const headers = withContentSecurityPolicy({ 'Content-Type': ['text/html'] });
    expect(headers).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });

  it('replaces any other CSP, whatever the case of its name', () => {
    const headers = withContentSecurityPolicy({
      'content-security-policy': ["default-src *; script-src 'unsafe-inline'"],
      'CONTENT-SECURITY-POLICY': ['default-src *'],
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('works without headers', () => {
    expect(withContentSecurityPolicy(undefined)).toEqual({
      'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
    });
  });
});

describe('windowOptions', () => {
  const options = windowOptions('/app/dist-electron/preload.cjs');
  const web = options.webPreferences ?? {};

  it('isolates and sandboxes the renderer', () => {
    expect(web.contextIsolation).toBe(true);
    expect(web.sandbox).toBe(true);
  });

  it('gives the page no Node.js, in no frame and no worker', () => {
    expect(web.nodeIntegration).toBe(false);
    expect(web.nodeIntegrationInWorker).toBe(false);
    expect(web.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and webviews, insecure content and drag-and-drop navigation off', () => {
    expect(web.webSecurity).toBe(true);
    expect(web.allowRunningInsecureContent).toBe(false);
    expect(web.webviewTag).toBe(false);
    expect(web.navigateOnDragDrop).toBe(false);
    expect(web.spellcheck).toBe(false);
  });

  it('loads the given preload and nothing else from Node', () => {
    expect(web.preload).toBe('/app/dist-electron/preload.cjs');
    expect(Object.keys(web).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('opens hidden until ready, with the app title and a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.title).toBe("Info'Cité");
    expect(options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
  });
});

describe('isAppUrl', () => {
  it.each([
    'app://infocite/',
    'app://infocite/index.html',
    'app://infocite/index.html#/fiches/carte-identite',
    'app://infocite/assets/index-abc.js?v=1',
    'APP://INFOCITE/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    'app://other/index.html',
    'app://infocite.evil.example/index.html',
    'app://infocite@evil.example/index.html',
    'app://user:pass@infocite/index.html',
    'file:///app/dist/renderer/index.html',
    'https://infocite/index.html',
    'http://localhost:5173/',
    'javascript:alert(1)',
    'about:blank',
    'infocite/index.html',
    '',
    'not a url',
  ])('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts frames showing the app', () => {
    expect(isTrustedSender('app://infocite/index.html#/recherche')).toBe(true);
  });

  it('distrusts frames elsewhere, and frames whose URL is unknown', () => {
    expect(isTrustedSender(undefined)).toBe(false);
    expect(isTrustedSender('')).toBe(false);
    expect(isTrustedSender('https://www.service-public.fr/')).toBe(false);
    expect(isTrustedSender('file:///tmp/evil.html')).toBe(false);
    expect(isTrustedSender('about:blank')).toBe(false);
    expect(isTrustedSender('app://evil/index.html')).toBe(false);
  });

  it('answers untrusted senders with a forbidden envelope in French', () => {
    expect(UNTRUSTED_SENDER_ERROR).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Origine non autorisée.' },
    });
  });
});

describe('safeExternalUrl / isSafeExternalUrl', () => {
  it.each([
    'https://www.service-public.fr/particuliers/vosdroits/F1342',
    'https://ants.gouv.fr/',
    'https://example.com:8443/chemin?x=1#ancre',
    'https://8.8.8.8/',
    'https://[2001:db8::1]/',
    'https://[64:ff9b::808:808]/',
    'https://[2002:808:808::1]/',
    'https://198.20.0.1/',
    'https://mairie.montrouval.fr/',
  ])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true);
  });

  it('returns the normalised URL that will be opened', () => {
    expect(safeExternalUrl('HTTPS://WWW.Service-Public.FR/a b')).toBe('https://www.service-public.fr/a%20b');
  });

  it.each([
    ['plain http', 'http://www.service-public.fr/'],
    ['javascript', 'javascript:alert(1)'],
    ['javascript with spaces', '  javascript:alert(1)'],
    ['data', 'data:text/html,<script>alert(1)</script>'],
    ['file', 'file:///etc/passwd'],
    ['file on Windows', 'file://C:/Windows/System32/calc.exe'],
    ['mailto', 'mailto:accueil@mairie.fr'],
    ['tel', 'tel:+33100000000'],
    ['ftp', 'ftp://example.com/'],
    ['custom scheme', 'ms-settings:privacy'],
    ['app itself', 'app://infocite/index.html'],
    ['relative', '/fiches/x'],
    ['protocol-relative', '//example.com/'],
    ['empty', ''],
    ['garbage', 'https://'],
    ['credentials', 'https://user:pass@example.com/'],
    ['user only', 'https://user@example.com/'],
    ['localhost', 'https://localhost/'],
    ['localhost with dot', 'https://localhost./'],
    ['localhost subdomain', 'https://app.localhost/'],
    ['loopback', 'https://127.0.0.1/'],
    ['loopback elsewhere in 127/8', 'https://127.1.2.3:8080/'],
    ['hex loopback', 'https://0x7f.1/'],
    ['decimal loopback', 'https://2130706433/'],
    ['this network', 'https://0.0.0.0/'],
    ['private 10/8', 'https://10.0.0.1/'],
    ['private 172.16/12', 'https://172.16.5.4/'],
    ['private 172.31', 'https://172.31.255.255/'],
    ['private 192.168/16', 'https://192.168.1.1/'],
    ['link-local', 'https://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', 'https://100.64.0.1/'],
    ['multicast', 'https://224.0.0.1/'],
    ['IPv6 loopback', 'https://[::1]/'],
    ['IPv6 unspecified', 'https://[::]/'],
    ['IPv4-mapped IPv6', 'https://[::ffff:127.0.0.1]/'],
    ['IPv6 unique local', 'https://[fd12:3456::1]/'],
    ['IPv6 link-local', 'https://[fe80::1]/'],
    ['IPv6 site-local', 'https://[fec0::1]/'],
    ['IPv6 multicast', 'https://[ff02::1]/'],
    ['single-label name', 'https://intranet/'],
    ['single-label name with dot', 'https://intranet./'],
    ['single-label name with port', 'https://nas:5001/'],
    ['.local (mDNS)', 'https://imprimante.local/'],
    ['.lan', 'https://routeur.lan/'],
    ['.home.arpa', 'https://box.home.arpa/'],
    ['.internal', 'https://metadata.google.internal/'],
    ['.localdomain', 'https://serveur.localdomain/'],
    ['NAT64 loopback', 'https://[64:ff9b::7f00:1]/'],
    ['NAT64 loopback, dotted', 'https://[64:ff9b::127.0.0.1]/'],
    ['NAT64 private 10/8', 'https://[64:ff9b::a00:1]/'],
    ['NAT64 private 192.168/16', 'https://[64:ff9b::c0a8:101]/'],
    ['NAT64 link-local', 'https://[64:ff9b::a9fe:a9fe]/'],
    ['NAT64 local use', 'https://[64:ff9b:1::808:808]/'],
    ['6to4 loopback', 'https://[2002:7f00:1::1]/'],
    ['6to4 private 192.168/16', 'https://[2002:c0a8:101::1]/'],
    ['6to4 private 10/8', 'https://[2002:a00:1::]/'],
    ['Teredo', 'https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/'],
    ['benchmarking 198.18/15', 'https://198.18.0.1/'],
    ['benchmarking 198.19', 'https://198.19.255.254/'],
    ['IETF protocol assignments', 'https://192.0.0.170/'],
    ['too long', `https://example.com/${'a'.repeat(MAX_EXTERNAL_URL_LENGTH)}`],
  ])('rejects %s', (_kind, url) => {
    expect(isSafeExternalUrl(url)).toBe(false);
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('keeps public addresses that merely look like private ranges', () => {
    expect(isSafeExternalUrl('https://172.32.0.1/')).toBe(true);
    expect(isSafeExternalUrl('https://192.169.0.1/')).toBe(true);
    expect(isSafeExternalUrl('https://localhost.example.com/')).toBe(true);
  });
});

describe('decideNavigation', () => {
  it('lets the window move within the app', () => {
    expect(decideNavigation('app://infocite/index.html#/contacts')).toEqual({ action: 'allow' });
  });

  it('keeps the window in the app and sends a safe https link to the browser', () => {
    expect(decideNavigation('https://www.service-public.fr/')).toEqual({
      action: 'deny',
      openExternally: 'https://www.service-public.fr/',
    });
  });

  it.each([
    'http://example.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'app://other/',
    'about:blank',
  ])('denies %s without opening anything', (url) => {
    expect(decideNavigation(url)).toEqual({ action: 'deny', openExternally: null });
  });
});

describe('decideWindowOpen', () => {
  it('never opens an Electron window, and sends only safe links to the browser', () => {
    expect(decideWindowOpen('https://ants.gouv.fr/')).toEqual({
      action: 'deny',
      openExternally: 'https://ants.gouv.fr/',
    });
    expect(decideWindowOpen('app://infocite/index.html')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('http://ants.gouv.fr/')).toEqual({ action: 'deny', openExternally: null });
    expect(decideWindowOpen('file:///C:/Windows/System32/cmd.exe')).toEqual({
      action: 'deny',
      openExternally: null,
    });
  });
});

describe('resolveAppAsset', () => {
  const root = path.resolve('/srv/infocite/dist/renderer');
  const under = (...parts: string[]): string => path.join(root, ...parts);

  it('serves index.html for the origin and for folders', () => {
    expect(resolveAppAsset(root, 'app://infocite/')).toBe(under('index.html'));
    expect(resolveAppAsset(root, 'app://infocite')).toBe(under('index.html'));
    expect(resolveAppAsset(root, 'app://infocite/index.html')).toBe(under('index.html'));
    expect(resolveAppAsset(root, 'app://infocite/docs/')).toBe(under('docs', 'index.html'));
  });

  it('maps asset URLs under the root, ignoring the query and the hash', () => {
    expect(resolveAppAsset(root, 'app://infocite/assets/index-Ab12_c.js')).toBe(
      under('assets', 'index-Ab12_c.js'),
    );
    expect(resolveAppAsset(root, 'app://infocite/assets/app.css?v=3#x')).toBe(under('assets', 'app.css'));
    expect(resolveAppAsset(root, 'app://infocite/index.html#/fiches/etat-civil')).toBe(under('index.html'));
  });

  it('decodes percent-encoded names', () => {
    expect(resolveAppAsset(root, 'app://infocite/assets/caf%C3%A9%20noir.png')).toBe(
      under('assets', 'café noir.png'),
    );
  });

  it('accepts a root given with a trailing separator or relative parts', () => {
    expect(resolveAppAsset(`${root}${path.sep}`, 'app://infocite/a.js')).toBe(under('a.js'));
    expect(resolveAppAsset(path.join(root, 'assets', '..'), 'app://infocite/a.js')).toBe(under('a.js'));
  });

  it.each([
    ['dot-dot', 'app://infocite/../../etc/passwd'],
    ['dot-dot in the middle', 'app://infocite/assets/../../secret.txt'],
    ['encoded dot-dot', 'app://infocite/%2e%2e/%2e%2e/etc/passwd'],
    ['upper-case encoded dot-dot', 'app://infocite/%2E%2E/secret'],
    ['encoded slashes', 'app://infocite/..%2f..%2fetc%2fpasswd'],
    ['encoded dot-dot and slash', 'app://infocite/%2e%2e%2f%2e%2e%2fsecret'],
    ['double-encoded is only a strange name', 'app://infocite/%252e%252e/secret'],
    ['backslashes', 'app://infocite/..\\..\\secret'],
    ['encoded backslashes', 'app://infocite/%5c..%5c..%5csecret'],
    ['Windows drive', 'app://infocite/C:/Windows/win.ini'],
    ['encoded drive', 'app://infocite/C%3A%5CWindows%5Cwin.ini'],
    ['NUL byte', 'app://infocite/index.html%00.png'],
    ['malformed encoding', 'app://infocite/%E0%A4%A'],
    ['other host', 'app://evil/index.html'],
    ['credentials', 'app://user@infocite/index.html'],
    ['port', 'app://infocite:8080/index.html'],
    ['other scheme', 'file:///srv/infocite/dist/renderer/index.html'],
    ['https', 'https://infocite/index.html'],
    ['absolute path', '/etc/passwd'],
    ['garbage', 'not a url'],
  ])('refuses %s', (kind, url) => {
    const resolved = resolveAppAsset(root, url);
    if (kind === 'double-encoded is only a strange name') {
      // %25 decodes once to a literal '%': the file '%2e%2e/secret' stays under the root.
      expect(resolved).toBe(under('%2e%2e', 'secret'));
    } else {
      expect(resolved).toBeNull();
    }
  });

  it('never returns a path outside the root', () => {
    const attempts = [
      'app://infocite/../x',
      'app://infocite/./../x',
      'app://infocite/a/./b/../../../x',
      'app://infocite/%2e/%2e%2e/x',
      'app://infocite//etc/passwd',
      'app://infocite/assets//..//..//x',
    ];
    for (const url of attempts) {
      const resolved = resolveAppAsset(root, url);
      if (resolved !== null) expect(resolved.startsWith(root + path.sep), `${url} → ${resolved}`).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc.css', 'text/css; charset=utf-8'],
    ['logo.svg', 'image/svg+xml'],
    ['icon.png', 'image/png'],
    ['favicon.ico', 'image/x-icon'],
    ['manifest.json', 'application/json; charset=utf-8'],
    ['assets/inter.woff2', 'font/woff2'],
    ['assets/index-abc.js.map', 'application/json; charset=utf-8'],
    ['PHOTO.PNG', 'image/png'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it('falls back to a type the browser will not execute', () => {
    expect(mimeTypeFor('archive.bin')).toBe('application/octet-stream');
    expect(mimeTypeFor('README')).toBe('application/octet-stream');
  });
});

describe('safePdfName', () => {
  it('keeps a plain name and adds the extension', () => {
    expect(safePdfName('bilan-annuel-2026')).toBe('bilan-annuel-2026.pdf');
    expect(safePdfName('Bilan annuel 2026.pdf')).toBe('Bilan-annuel-2026.pdf');
  });

  it('never lets a path or an odd name through', () => {
    expect(safePdfName('../../etc/passwd')).toBe('etc-passwd.pdf');
    expect(safePdfName('C:\\Windows\\x')).toBe('C-Windows-x.pdf');
    expect(safePdfName('')).toBe('infocite.pdf');
    expect(safePdfName(42)).toBe('infocite.pdf');
    expect(safePdfName('Équipe été')).toBe('Equipe-ete.pdf');
  });
});

describe('electron-builder.yml', () => {
  const config = parse(
    readFileSync(path.join(import.meta.dirname, '..', '..', 'electron-builder.yml'), 'utf8'),
  ) as {
    asar?: boolean;
    electronFuses?: Record<string, boolean>;
  };

  it('packs the app in an archive whose integrity is checked, and loads it from nowhere else', () => {
    expect(config.asar).toBe(true);
    expect(config.electronFuses).toMatchObject({
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('turns off what a packaged app never needs', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('uses only fuse names electron-builder knows', () => {
    const schema = JSON.parse(
      readFileSync(
        path.join(import.meta.dirname, '..', '..', 'node_modules', 'app-builder-lib', 'scheme.json'),
        'utf8',
      ),
    ) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    const known = Object.keys(schema.definitions.FuseOptionsV1.properties);
    expect(Object.keys(config.electronFuses ?? {}).filter((name) => !known.includes(name))).toEqual([]);
  });
});

describe('closing the window with unsaved changes', () => {
  it('asks, staying by default, and lets the window go only on « Quitter sans enregistrer »', () => {
    expect(UNSAVED_CHANGES_DIALOG.buttons[UNSAVED_CHANGES_DIALOG.defaultId]).toBe('Rester sur la page');
    expect(UNSAVED_CHANGES_DIALOG.cancelId).toBe(UNSAVED_CHANGES_DIALOG.defaultId);
    expect(leavesUnsavedPage(0)).toBe(false);
    expect(leavesUnsavedPage(1)).toBe(true);
    expect(leavesUnsavedPage(-1)).toBe(false);
  });
});
