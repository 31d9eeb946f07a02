// better-sqlite3 for Electron's ABI, built beside node_modules rather than in place: the tests and scripts keep
// the module built for Node, the window and the packaged app get their own (DESIGN.md, « Native module ABI »).
// Needs the network once (Electron's headers or a prebuilt binary); the result is cached in .electron-native/.
// `npm start` passes it to the core as `nativeBinding`; `npm run dist` ships it as an extra resource
// (electron-builder's own rebuild, which would write into node_modules/better-sqlite3/build, is turned off).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pinnedElectronVersion } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

/** The folder of the better-sqlite3 package that Node (tests, scripts) loads: never written to here. */
export function nodeSqliteDir() {
  return path.dirname(require.resolve('better-sqlite3/package.json'));
}

/** Where the Electron build of better-sqlite3 lives for this Electron version. */
export function electronSqlitePath(electronVersion, projectRoot = root) {
  return path.join(projectRoot, '.electron-native', `electron-${electronVersion}`, 'better_sqlite3.node');
}

/** Where `npm run dist` puts the build it ships (electron-builder.yml copies it to resources/native). */
export function packagedSqlitePath(projectRoot = root) {
  return path.join(projectRoot, '.electron-native', 'package', 'better_sqlite3.node');
}

function isInside(file, folder) {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** Throws when a rebuild would write into the Node copy of better-sqlite3 (its build/ folder or anywhere in it). */
export function assertOutsideNodeCopy(file, source = nodeSqliteDir()) {
  if (isInside(path.resolve(file), path.resolve(source))) {
    throw new Error(`refusing to write the Electron build of better-sqlite3 into the Node copy: ${file}`);
  }
}

/**
 * The environment of the Electron build: without npm's `nodedir` setting, which points node-gyp at Node's own
 * headers (a machine set up to build native modules offline often has `nodedir=/usr`): with it, the module
 * would be compiled for Node's ABI and filed as Electron's.
 */
export function electronBuildEnv(env = process.env) {
  const clean = { ...env };
  for (const name of Object.keys(clean)) if (name.toLowerCase() === 'npm_config_nodedir') delete clean[name];
  return clean;
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, {
    cwd,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: electronBuildEnv(),
  });
  return result.status === 0;
}

/**
 * The default build: a prebuilt binary when one exists, node-gyp against Electron's headers otherwise, both
 * run in `work`, a copy of the package without its build/ folder.
 */
function buildForElectron(work, electronVersion) {
  const bin = (name) => path.join(root, 'node_modules', '.bin', name);
  return (
    run(bin('prebuild-install'), ['--runtime', 'electron', '--target', electronVersion], work) ||
    run(
      bin('node-gyp'),
      ['rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers'],
      work,
    )
  );
}

/**
 * Returns the path of better-sqlite3 built for this Electron, building it first if needed; null when the build
 * fails (no network). The build runs in a temporary copy of the package and only its result is copied to
 * .electron-native/: node_modules/better-sqlite3 is only read.
 *
 * @param {{ electronVersion?: string, projectRoot?: string, source?: string,
 *   build?: (work: string, electronVersion: string) => boolean }} [options] replaceable for the tests
 * @returns {string | null}
 */
export function ensureElectronSqlite(options = {}) {
  const electronVersion = options.electronVersion ?? pinnedElectronVersion();
  const projectRoot = options.projectRoot ?? root;
  const source = options.source ?? nodeSqliteDir();
  const build = options.build ?? buildForElectron;
  const target = electronSqlitePath(electronVersion, projectRoot);
  assertOutsideNodeCopy(target, source);
  if (existsSync(target)) return target;
  const work = mkdtempSync(path.join(tmpdir(), 'infocite-sqlite-electron-'));
  try {
    assertOutsideNodeCopy(work, source);
    cpSync(source, work, {
      recursive: true,
      filter: (file) => !isInside(file, path.join(source, 'build')),
    });
    const built = build(work, electronVersion);
    const binary = path.join(work, 'build', 'Release', 'better_sqlite3.node');
    if (!built || !existsSync(binary)) return null;
    mkdirSync(path.dirname(target), { recursive: true });
    cpSync(binary, target);
    return target;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Puts the Electron build where electron-builder.yml takes it from (.electron-native/package/), building it
 * first if needed; returns that path, or null when it cannot be built.
 *
 * @param {Parameters<typeof ensureElectronSqlite>[0]} [options]
 * @returns {string | null}
 */
export function stagePackagedSqlite(options = {}) {
  const built = ensureElectronSqlite(options);
  if (built === null) return null;
  const staged = packagedSqlitePath(options.projectRoot ?? root);
  assertOutsideNodeCopy(staged, options.source ?? nodeSqliteDir());
  mkdirSync(path.dirname(staged), { recursive: true });
  cpSync(built, staged);
  return staged;
}
