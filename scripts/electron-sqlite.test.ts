// The Electron build of better-sqlite3 (npm start, npm run dist) never touches the copy Node loads: the tests,
// the scripts and the preview keep working after packaging. The real build needs Electron's headers from the
// network, so these tests replace it with a fake that writes a file where node-gyp would.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertOutsideNodeCopy,
  electronBuildEnv,
  electronSqlitePath,
  ensureElectronSqlite,
  nodeSqliteDir,
  packagedSqlitePath,
  stagePackagedSqlite,
} from './electron-sqlite.mjs';

const NODE_BINARY = path.join(nodeSqliteDir(), 'build', 'Release', 'better_sqlite3.node');
const FAKE = 'not a real module: built for Electron';

function digest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function nodeCopyWorks(): boolean {
  const db = new Database(':memory:');
  try {
    return db.prepare('SELECT 1').pluck().get() === 1;
  } finally {
    db.close();
  }
}

describe('better-sqlite3 for Electron', () => {
  let projectRoot: string;
  let builds: string[];
  const fakeBuild = (work: string): boolean => {
    builds.push(work);
    const release = path.join(work, 'build', 'Release');
    mkdirSync(release, { recursive: true });
    writeFileSync(path.join(release, 'better_sqlite3.node'), FAKE);
    return true;
  };

  beforeEach(() => {
    projectRoot = mkdtempSync(path.join(tmpdir(), 'infocite-electron-sqlite-'));
    builds = [];
  });
  afterEach(() => rmSync(projectRoot, { recursive: true, force: true }));

  it('builds in a throw-away copy and leaves the Node copy loadable and unchanged', () => {
    const before = digest(NODE_BINARY);
    const target = ensureElectronSqlite({ electronVersion: '41.7.1', projectRoot, build: fakeBuild });

    expect(target).toBe(electronSqlitePath('41.7.1', projectRoot));
    expect(readFileSync(target ?? '', 'utf8')).toBe(FAKE);
    expect(builds).toHaveLength(1);
    const work = builds[0] ?? '';
    expect(path.relative(nodeSqliteDir(), work).startsWith('..')).toBe(true);
    expect(existsSync(work)).toBe(false);
    expect(digest(NODE_BINARY)).toBe(before);
    expect(nodeCopyWorks()).toBe(true);
  });

  it('stages the build that npm run dist ships, outside node_modules, and reuses the cached build', () => {
    const before = digest(NODE_BINARY);
    ensureElectronSqlite({ electronVersion: '41.7.1', projectRoot, build: fakeBuild });
    const staged = stagePackagedSqlite({ electronVersion: '41.7.1', projectRoot, build: fakeBuild });

    expect(staged).toBe(packagedSqlitePath(projectRoot));
    expect(readFileSync(staged ?? '', 'utf8')).toBe(FAKE);
    expect(builds).toHaveLength(1);
    expect(staged?.includes(`node_modules${path.sep}`)).toBe(false);
    expect(digest(NODE_BINARY)).toBe(before);
    expect(nodeCopyWorks()).toBe(true);
  });

  it('answers null and writes nothing when the build fails (no network)', () => {
    const target = ensureElectronSqlite({ electronVersion: '41.7.1', projectRoot, build: () => false });
    expect(target).toBeNull();
    expect(existsSync(path.join(projectRoot, '.electron-native'))).toBe(false);
    expect(stagePackagedSqlite({ electronVersion: '41.7.1', projectRoot, build: () => false })).toBeNull();
  });

  it('refuses any target inside the Node copy, its build folder first', () => {
    expect(() => assertOutsideNodeCopy(NODE_BINARY)).toThrow(/Node copy/);
    expect(() => assertOutsideNodeCopy(path.join(nodeSqliteDir(), 'build'))).toThrow(/Node copy/);
    expect(() => ensureElectronSqlite({ projectRoot: nodeSqliteDir(), build: fakeBuild })).toThrow(
      /Node copy/,
    );
    expect(builds).toHaveLength(0);
    expect(() => assertOutsideNodeCopy(electronSqlitePath('41.7.1'))).not.toThrow();
    expect(() => assertOutsideNodeCopy(packagedSqlitePath())).not.toThrow();
  });
});

describe('the environment of the Electron build', () => {
  it("drops npm's nodedir, which would compile against Node's headers", () => {
    const env = electronBuildEnv({ npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', PATH: '/bin' });
    expect(env).toEqual({ PATH: '/bin' });
  });
});
