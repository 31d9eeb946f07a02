// better-sqlite3 for Electron's ABI, built beside node_modules rather than in place: the tests and scripts keep
// the module built for Node, the window gets its own (DESIGN.md, « Native module ABI »). Needs the network
// once (Electron's headers or a prebuilt binary); the result is cached in .electron-native/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** Where the Electron build of better-sqlite3 lives for this Electron version. */
export function electronSqlitePath(electronVersion) {
  return path.join(root, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  return result.status === 0;
}

/**
 * Returns the path of better-sqlite3 built for this Electron, building it first if needed (a prebuilt binary
 * when one exists, node-gyp against Electron's headers otherwise); null when neither works (no network).
 */
export function ensureElectronSqlite() {
  const electronVersion = require('electron/package.json').version;
  const target = electronSqlitePath(electronVersion);
  if (existsSync(target)) return target;
  const source = path.dirname(require.resolve('better-sqlite3/package.json'));
  const work = mkdtempSync(path.join(tmpdir(), 'infocite-sqlite-electron-'));
  try {
    cpSync(source, work, {
      recursive: true,
      filter: (file) => !file.includes(`${path.sep}build${path.sep}`),
    });
    const bin = (name) => path.join(root, 'node_modules', '.bin', name);
    const built =
      run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion], work) ||
      run(
        bin('node-gyp'),
        ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
        work,
      );
    const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(binary)) return null;
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(binary, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
