// After `npm install`: says in French what the installation means for Electron, and never fails the install.
// Electron is an optional dependency: when its binary cannot be downloaded (no access to github.com), npm
// carries on without it and removes the package. Its package (types, version, no binary) is then fetched back
// from the npm registry, so that type checking and the tests work as with ELECTRON_SKIP_BINARY_DOWNLOAD=1.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, pinnedElectronVersion } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const electronDir = path.join(root, 'node_modules', 'electron');

const WITHOUT_BINARY = `
Info'Cité : les dépendances sont installées, mais sans le programme Electron (la fenêtre de l'application).
Son téléchargement depuis github.com n'a pas abouti (pas d'accès réseau à GitHub) ou a été désactivé
(ELECTRON_SKIP_BINARY_DOWNLOAD). Ce n'est pas bloquant :
  - npm start ouvre la même application dans le navigateur (http://127.0.0.1:4173/) ;
  - npm test, npm run preview et les outils en ligne de commande fonctionnent normalement.
Pour avoir la fenêtre Electron, depuis une machine qui accède à github.com :
  node node_modules/electron/install.js
puis npm start.
`;

/** `npm <args>` through the npm that runs this script when there is one (no shell needed on Windows). */
function npm(args, cwd) {
  const npmCli = process.env.npm_execpath;
  const [command, prefix] =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  return spawnSync(command, [...prefix, ...args], { cwd, encoding: 'utf8', shell: false });
}

/** Fetches the electron package (without its binary) from the npm registry into node_modules/electron. */
function restoreElectronPackage(version) {
  const work = mkdtempSync(path.join(tmpdir(), 'infocite-electron-package-'));
  try {
    const packed = npm(['pack', `electron@${version}`, '--pack-destination', work, '--silent'], work);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    if (packed.status !== 0 || tarball === undefined) return false;
    const untar = spawnSync('tar', ['-xzf', tarball], { cwd: work, encoding: 'utf8' });
    const unpacked = path.join(work, 'package');
    if (untar.status !== 0 || !existsSync(path.join(unpacked, 'package.json'))) return false;
    cpSync(unpacked, electronDir, { recursive: true });
    return true;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  if (findElectronBinary() === null) {
    if (!existsSync(path.join(electronDir, 'package.json'))) {
      const version = pinnedElectronVersion();
      if (!restoreElectronPackage(version)) {
        console.warn(
          `Info'Cité : le paquet electron@${version} n'a pas pu être récupéré sur le registre npm ; ` +
            'la vérification des types (npm run typecheck) le demande. Relancez npm install quand le réseau ' +
            'sera disponible.',
        );
      }
    }
    console.warn(WITHOUT_BINARY);
  }
} catch (error) {
  console.warn(`Info'Cité : vérification d'Electron après l'installation impossible (${String(error)}).`);
}
process.exit(0);
