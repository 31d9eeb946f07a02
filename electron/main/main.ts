// The Electron main process: a thin shell wiring the pure decisions of security.ts and launch-options.ts to
// Electron's events, and the window's single IPC channel to the core's dispatch. Bundled to CommonJS by
// scripts/build-electron.mjs, hence __dirname.
import { mkdirSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  net,
  protocol,
  safeStorage,
  session,
  shell,
} from 'electron';
import type { WebContents } from 'electron';
import { createCore } from '../core/app';
import { DatabaseVersionError } from '../core/store/database';
import type { Core } from '../core/app';
import { IPC_CHANNEL, PDF_CHANNEL } from '../../common/contract';
import type { Envelope } from '../../common/contract';
import { dispatch } from '../server/dispatch';
import { Desk } from '../server/desk/desk';
import { fileCredentialStore, type SecretProtector } from '../server/desk/credential-store';
import type { ClientSlot } from '../core/auth/session';
import { parseLaunchArgs, resolveLaunchPaths, unpackedPath } from './launch-options';
import { KIOSK_ENTRY_URL, isKioskPrintAction, kioskWindowOptions } from './borne';
import { BORNE_PRINT_CHANNEL } from '../../common/borne/methods';
import {
  APP_ENTRY_URL,
  APP_RESPONSE_HEADERS,
  APP_SCHEME,
  mimeTypeFor,
  resolveAppAsset,
} from '../server/app-assets';
import {
  UNSAVED_CHANGES_DIALOG,
  UNTRUSTED_SENDER_ERROR,
  decideNavigation,
  decideWindowOpen,
  isAppUrl,
  isTrustedSender,
  leavesUnsavedPage,
  safePdfName,
  withContentSecurityPolicy,
  windowOptions,
} from './security';

/** The built renderer: dist/renderer, inside app.asar once packaged (dist/** is packaged). */
const RENDERER_DIR = path.join(__dirname, '..', 'dist', 'renderer');

const CORE_UNAVAILABLE: Envelope<never> = {
  ok: false,
  error: { code: 'unavailable', message: "La base de connaissances n'a pas pu être chargée." },
};

// Must happen before 'ready': a standard, secure scheme gets a real origin, relative URLs and fetch().
protocol.registerSchemesAsPrivileged([
  {
    scheme: APP_SCHEME,
    privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
  },
]);

/** Quitting never waits longer than this for the core to stop its watcher and worker. */
const CLOSE_TIMEOUT_MS = 5000;

let mainWindow: BrowserWindow | null = null;
let coreReady: Promise<Core> | null = null;
/** A connected desk (`--server URL`): the window's calls go through it. */
let desk: Desk | null = null;
let closing = false;

/** `--borne`: this machine is a public kiosk; its only window is the kiosk. */
const KIOSK = parseLaunchArgs(process.argv).borne === true;

/** The kiosk windows' contents: their IPC calls are marked as kiosk calls, answered only the kiosk's methods. */
const kioskContents = new Set<number>();

/** Each window's session token, kept here so that it never reaches the window's JavaScript. */
const clients = new Map<number, ClientSlot>();

function clientOf(contents: WebContents): ClientSlot {
  let slot = clients.get(contents.id);
  if (!slot) {
    const fresh: ClientSlot = { token: null };
    slot = fresh;
    clients.set(contents.id, fresh);
    contents.once('destroyed', () => {
      coreReady?.then((core) => core.auth.logout(fresh)).catch(() => undefined);
      clients.delete(contents.id);
    });
  }
  return slot;
}

function textResponse(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...APP_RESPONSE_HEADERS },
  });
}

async function serveAppAsset(request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return textResponse(405, 'Méthode non autorisée');
  const filePath = resolveAppAsset(RENDERER_DIR, request.url);
  if (filePath === null) return textResponse(404, 'Introuvable');
  try {
    const body = await readFile(filePath);
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { 'Content-Type': mimeTypeFor(filePath), ...APP_RESPONSE_HEADERS },
    });
  } catch {
    return textResponse(404, 'Introuvable');
  }
}

function hardenSession(): void {
  const ses = session.defaultSession;
  // Defence in depth: the CSP is also on every response of the app:// protocol.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // No camera, microphone, notifications, geolocation, clipboard reading…: the app needs none.
  ses.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
}

function openExternally(url: string | null): void {
  if (url === null) return;
  shell.openExternal(url).catch((error: unknown) => console.error('[main] openExternal failed:', error));
}

function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url);
    if (decision.action === 'deny') {
      event.preventDefault();
      openExternally(decision.openExternally);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    openExternally(decision.openExternally);
    return { action: decision.action };
  });
}

function createKioskWindow(): void {
  Menu.setApplicationMenu(null);
  const window = new BrowserWindow(kioskWindowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow = window;
  const id = window.webContents.id;
  kioskContents.add(id);
  window.webContents.once('destroyed', () => kioskContents.delete(id));
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window
    .loadURL(KIOSK_ENTRY_URL)
    .catch((error: unknown) => console.error('[main] loading the kiosk failed:', error));
}

function createWindow(): void {
  if (KIOSK) return createKioskWindow();
  const window = new BrowserWindow(windowOptions(path.join(__dirname, 'preload.cjs')));
  mainWindow = window;
  window.once('ready-to-show', () => window.show());
  // A page with unsaved changes blocks the unload (beforeunload): ask, and let the window go only on purpose.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      ...UNSAVED_CHANGES_DIALOG,
      buttons: [...UNSAVED_CHANGES_DIALOG.buttons],
    });
    if (leavesUnsavedPage(choice)) event.preventDefault();
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  window
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => console.error('[main] loading the window failed:', error));
}

function focusWindow(): void {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.focus();
}

function fail(error: unknown, contentDir: string, dataDir: string): void {
  console.error('[main] the core could not start:', error);
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof DatabaseVersionError) {
    // The database's own message says what is wrong (newer version, unreadable file) and that it was not touched.
    dialog.showErrorBox(
      "Info'Cité ne peut pas démarrer",
      `${detail}\n\nDossier des données : ${dataDir}\nLes sauvegardes sont dans son sous-dossier « sauvegardes ».`,
    );
  } else {
    dialog.showErrorBox(
      "Info'Cité ne peut pas démarrer",
      `La base de connaissances n'a pas pu être chargée depuis le dossier :\n${contentDir}\n\n` +
        `Vérifiez que ce dossier existe et qu'il est lisible, ou indiquez-en un autre avec --content DOSSIER ` +
        `ou la variable INFOCITE_CONTENT.\n\nDétail : ${detail}`,
    );
  }
  app.exit(1);
}

/** The desk's credential encrypted with the system's keyring (DPAPI, Keychain, libsecret) when it has one. */
function safeStorageProtector(): SecretProtector | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (secret) => safeStorage.encryptString(secret).toString('base64'),
    decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed, 'base64')),
  };
}

/** Electron's own fetch: the system's proxy and certificates, as a city's network needs. */
const electronFetch = ((input: string | URL, init?: RequestInit) =>
  net.fetch(String(input), init)) as typeof fetch; // the desk only ever passes a URL string and a plain init

async function start(): Promise<void> {
  const { contentDir, dataDir, serverUrl } = resolveLaunchPaths({
    argv: process.argv,
    env: process.env,
    cwd: process.cwd(),
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    userDataPath: app.getPath('userData'),
  });

  protocol.handle(APP_SCHEME, serveAppAsset);
  hardenSession();

  // better-sqlite3 built for Electron beside node_modules (scripts/electron-sqlite.mjs): passed by `npm start`
  // in development, shipped by `npm run dist` in resources/native (electron-builder.yml, extraResources).
  const sqliteBinding = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : process.env.INFOCITE_SQLITE_BINDING;
  // A connected desk's copy of the content starts empty; the content mirror fills it.
  if (serverUrl !== undefined) mkdirSync(contentDir, { recursive: true });

  // The window opens while the core loads; calls made meanwhile wait for it.
  const loading = createCore({
    contentDir,
    dataDir,
    workerFile: unpackedPath(path.join(__dirname, 'index-worker.cjs')),
    importWorkerFile: unpackedPath(path.join(__dirname, 'import-worker.cjs')),
    watch: true,
    retention: true,
    sqliteBinding,
  });
  coreReady = loading;
  loading.catch((error: unknown) => fail(error, contentDir, dataDir));
  const deskReady =
    serverUrl === undefined
      ? null
      : loading.then((core) => {
          desk = new Desk({
            serverUrl,
            dataDir,
            contentDir,
            core,
            credentials: fileCredentialStore(dataDir, safeStorageProtector()),
            fetch: electronFetch,
            nativeBinding: sqliteBinding,
          });
          desk.start();
          return desk;
        });

  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, input: unknown): Promise<Envelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame?.url)) return UNTRUSTED_SENDER_ERROR;
    let core: Core;
    try {
      core = await loading;
    } catch {
      return CORE_UNAVAILABLE;
    }
    // The kiosk's calls stay here, marked (a connected desk answers them from its mirror, never forwarded).
    if (kioskContents.has(event.sender.id))
      return dispatch(core, clientOf(event.sender), method, input, { kiosk: true });
    if (deskReady) {
      const connected = await deskReady;
      return connected.call(clientOf(event.sender), String(method), input);
    }
    return dispatch(core, clientOf(event.sender), method, input);
  });

  ipcMain.handle(
    PDF_CHANNEL,
    async (event, suggestedName: unknown): Promise<Envelope<{ path: string } | null>> => {
      if (!isTrustedSender(event.senderFrame?.url)) return UNTRUSTED_SENDER_ERROR;
      // No save dialog on a kiosk: it would open the machine's folders to anyone.
      if (kioskContents.has(event.sender.id)) return UNTRUSTED_SENDER_ERROR;
      try {
        const pdf = await event.sender.printToPDF({ pageSize: 'A4', printBackground: true });
        const owner = BrowserWindow.fromWebContents(event.sender);
        const options = {
          defaultPath: path.join(app.getPath('documents'), safePdfName(suggestedName)),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        };
        const choice = owner
          ? await dialog.showSaveDialog(owner, options)
          : await dialog.showSaveDialog(options);
        if (choice.canceled || !choice.filePath) return { ok: true, result: null };
        await writeFile(choice.filePath, pdf);
        return { ok: true, result: { path: choice.filePath } };
      } catch (error) {
        console.error('[main] printToPDF failed:', error);
        return { ok: false, error: { code: 'internal', message: "Le PDF n'a pas pu être enregistré." } };
      }
    },
  );

  // The kiosk prints a fiche on the default printer, without a dialog; only its own window may ask.
  ipcMain.handle(BORNE_PRINT_CHANNEL, async (event, action: unknown): Promise<Envelope<boolean>> => {
    if (!isTrustedSender(event.senderFrame?.url) || !kioskContents.has(event.sender.id))
      return UNTRUSTED_SENDER_ERROR;
    if (!isKioskPrintAction(action)) return UNTRUSTED_SENDER_ERROR;
    try {
      const printers = await event.sender.getPrintersAsync();
      if (printers.length === 0 || action === 'check') return { ok: true, result: printers.length > 0 };
      const printed = await new Promise<boolean>((resolve) =>
        event.sender.print({ silent: true, printBackground: true }, (success) => resolve(success)),
      );
      return printed
        ? { ok: true, result: true }
        : { ok: false, error: { code: 'internal', message: 'L’impression n’a pas abouti.' } };
    } catch (error) {
      console.error('[main] kiosk print failed:', error);
      return { ok: false, error: { code: 'internal', message: 'L’impression n’a pas pu être lancée.' } };
    }
  });

  createWindow();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) createWindow();
  });

  // Let the core stop its watcher and worker before the process ends.
  app.on('before-quit', (event) => {
    if (!coreReady || closing) return;
    event.preventDefault();
    closing = true;
    const closed = coreReady.then(async (core) => {
      await desk?.close();
      await core.close();
    });
    const timeout = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_TIMEOUT_MS).unref());
    Promise.race([closed, timeout])
      .catch((error: unknown) => console.error('[main] closing the core failed:', error))
      .finally(() => app.quit());
  });

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      console.error('[main] startup failed:', error);
      dialog.showErrorBox(
        "Info'Cité ne peut pas démarrer",
        `Une erreur inattendue est survenue.\n\n${String(error)}`,
      );
      app.exit(1);
    });
}
