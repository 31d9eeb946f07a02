// Finds the Electron executable installed by the `electron` package, without throwing.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * The path of the Electron executable, or null when the binary is not on this machine. The `electron`
 * package exports that path as a string, and throws ("Electron failed to install correctly") when its
 * download was skipped (ELECTRON_SKIP_BINARY_DOWNLOAD=1) or failed (no network).
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
