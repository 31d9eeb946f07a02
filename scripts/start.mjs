// `npm start`: builds the app and opens it in Electron; when Electron cannot run here (binary never
// downloaded, no display, no Electron build of the database module), says why in French and opens the same
// app in the browser instead (`npm run preview`: the same core on 127.0.0.1). The checks come first, so
// nobody waits for a build that cannot be launched.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const PREVIEW_INSTEAD = `L'application s'ouvre à la place dans le navigateur (npm run preview) : même application, mêmes
données de démonstration, à l'adresse affichée ci-dessous.`;

const MISSING_ELECTRON = `
Info'Cité ne peut pas s'ouvrir dans sa fenêtre : le programme Electron n'est pas sur cette machine.
Son téléchargement (depuis github.com, pendant npm install) n'a pas abouti ou a été désactivé
(ELECTRON_SKIP_BINARY_DOWNLOAD=1). Pour l'obtenir plus tard, depuis une machine qui accède à github.com :
  node node_modules/electron/install.js
puis relancez npm start.
${PREVIEW_INSTEAD}
`;

const NO_DISPLAY = `
Info'Cité ne peut pas s'ouvrir dans sa fenêtre : aucun écran graphique n'est disponible (ni DISPLAY ni
WAYLAND_DISPLAY, par exemple dans une session SSH ou un conteneur).
${PREVIEW_INSTEAD}
`;

const NO_SQLITE = `
Info'Cité ne peut pas s'ouvrir dans sa fenêtre : sa base de données (better-sqlite3) n'a pas pu être
préparée pour Electron. Il faut un accès réseau la première fois (en-têtes d'Electron sur electronjs.org
ou module précompilé sur github.com) ; le résultat est gardé ensuite dans .electron-native/.
${PREVIEW_INSTEAD}
`;

const NOT_INSTALLED = `
Info'Cité : les dépendances ne sont pas installées (dossier node_modules absent ou incomplet).
Lancez d'abord :
  npm install
`;

/** Runs a command in the project folder with the terminal shared; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', forward);
    process.on('SIGTERM', forward);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      process.off('SIGINT', forward);
      process.off('SIGTERM', forward);
      if (signal) console.error(`${command} s'est arrêté (signal ${signal}).`);
      resolve(code ?? 1);
    });
  });
}

/** `npm run <script> [-- args]`, through the npm that runs this script when there is one (no shell on Windows). */
function npmRun(script, args = []) {
  const runArgs = ['run', script, ...(args.length > 0 ? ['--', ...args] : [])];
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, ...runArgs]);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', runArgs);
}

/** Opens the browser preview instead of the window, after saying why; exits with its code. */
async function previewInstead(reason) {
  console.error(reason);
  // `npm start -- --content DIR` means the same to the preview.
  process.exit(await npmRun('preview', process.argv.slice(2)));
}

if (!existsSync(path.join(root, 'node_modules', 'vite', 'package.json'))) {
  console.error(NOT_INSTALLED);
  process.exit(1);
}

const electron = findElectronBinary();
if (electron === null) await previewInstead(MISSING_ELECTRON);
const headless =
  process.platform === 'linux' && !process.env.DISPLAY?.trim() && !process.env.WAYLAND_DISPLAY?.trim();
if (headless) await previewInstead(NO_DISPLAY);

const built = await npmRun('build');
if (built !== 0) {
  console.error(`La construction de l'application a échoué (code ${built}).`);
  process.exit(built);
}

const sqlite = ensureElectronSqlite();
if (sqlite === null) await previewInstead(NO_SQLITE);

// Electron would behave as plain Node with this variable set.
const env = { ...process.env, INFOCITE_SQLITE_BINDING: sqlite };
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await run(electron, ['.', ...process.argv.slice(2)], env));
