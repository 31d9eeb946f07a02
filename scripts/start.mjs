// `npm start`: builds the app and opens it in Electron, or explains how to get Electron when its binary is
// missing (the check comes first, so nobody waits for a build that cannot be launched).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';
import { ensureElectronSqlite } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const MISSING_ELECTRON = `
Info'Cité ne peut pas s'ouvrir : le programme Electron n'est pas installé sur cette machine.

Cela arrive quand les dépendances ont été installées avec ELECTRON_SKIP_BINARY_DOWNLOAD=1
ou sans accès à Internet : le paquet « electron » est alors là, mais sans son exécutable.

Pour l'obtenir (accès à Internet nécessaire, sans la variable ELECTRON_SKIP_BINARY_DOWNLOAD) :
  npm install electron
ou
  node node_modules/electron/install.js
puis relancez : npm start

En attendant, l'application s'essaie tout de suite dans un navigateur :
  npm run preview
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

/** `npm run build`, through the npm that runs this script when there is one (no shell needed on Windows). */
function npmRun(script) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && /\.[cm]?js$/.test(npmCli)) return run(process.execPath, [npmCli, 'run', script]);
  return run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script]);
}

const electron = findElectronBinary();
if (electron === null) {
  console.error(MISSING_ELECTRON);
  process.exit(1);
}

const built = await npmRun('build');
if (built !== 0) {
  console.error(`La construction de l'application a échoué (code ${built}).`);
  process.exit(built);
}

const sqlite = ensureElectronSqlite();
if (sqlite === null) {
  console.error(
    "La base de données d'Info'Cité (better-sqlite3) n'a pas pu être préparée pour Electron : " +
      "il faut un accès réseau la première fois (en-têtes d'Electron ou module précompilé). " +
      'En attendant : npm run preview',
  );
  process.exit(1);
}

// Electron would behave as plain Node with this variable set.
const env = { ...process.env, INFOCITE_SQLITE_BINDING: sqlite };
delete env.ELECTRON_RUN_AS_NODE;
process.exit(await run(electron, ['.', ...process.argv.slice(2)], env));
