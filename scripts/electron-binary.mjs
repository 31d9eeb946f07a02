// Finds the Electron executable installed by the `electron` package, without throwing, and the Electron version
// the project is pinned to (electron-builder.yml's electronVersion: the one source, readable without the package).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The path of the Electron executable, or null when the binary is not on this machine. The `electron`
 * package exports that path as a string, and throws ("Electron failed to install correctly") when its
 * download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or failed (no network); when its download failed
 * during `npm install`, npm removes the optional package altogether and loading it throws too.
 *
 * @param {(id: string) => unknown} [load] how to load the `electron` package; replaceable for the tests
 * @param {(path: string) => boolean} [exists]
 * @returns {string | null}
 */
export function findElectronBinary(load = createRequire(import.meta.url), exists = existsSync) {
  let binary;
  try {
    binary = load('electron');
  } catch {
    return null;
  }
  return typeof binary === 'string' && binary !== '' && exists(binary) ? binary : null;
}

/**
 * The Electron version the app is built for: `electronVersion` in electron-builder.yml (electron is an optional
 * dependency, so electron-builder cannot read it from devDependencies, and the package may be absent).
 *
 * @param {string} [configText] the text of electron-builder.yml; read from the project by default
 * @returns {string}
 */
export function pinnedElectronVersion(
  configText = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'),
) {
  const match = /^electronVersion:\s*['"]?(\d+\.\d+\.\d+)['"]?\s*(?:#.*)?$/m.exec(configText);
  if (!match?.[1]) throw new Error('electron-builder.yml: electronVersion (x.y.z) is missing');
  return match[1];
}
