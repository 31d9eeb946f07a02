// npm run dist: its offline explanation, and the packaging configuration that keeps node_modules untouched
// (no rebuild in place) and ships the separate Electron build of better-sqlite3.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { pinnedElectronVersion } from './electron-binary.mjs';
import { packagedSqlitePath } from './electron-sqlite.mjs';
import { failedHost, isNetworkFailure, networkFailureMessage } from './dist.mjs';

const root = path.join(import.meta.dirname, '..');
const config = parse(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as {
  electronVersion?: string;
  npmRebuild?: boolean;
  files?: string[];
  asarUnpack?: string[];
  extraResources?: ({ from: string; to: string } | string)[];
};

// What electron-builder printed on the tester's machine, without access to github.com.
const OFFLINE = `  • downloading     url=https://github.com/electron/electron/releases/download/v41.7.1/electron-v41.7.1-linux-x64.zip size=106 MB parts=8
  ⨯ Get "https://github.com/electron/electron/releases/download/v41.7.1/electron-v41.7.1-linux-x64.zip": dial tcp: lookup github.com: no such host
Error: getaddrinfo ENOTFOUND github.com
    at GetAddrInfoReqWrap.onlookup [as oncomplete] (node:dns:120:26)`;

describe('npm run dist without network', () => {
  it('recognises a failed download and names the server', () => {
    expect(isNetworkFailure(OFFLINE)).toBe(true);
    expect(isNetworkFailure('Error: connect ETIMEDOUT 140.82.121.4:443')).toBe(true);
    expect(failedHost(OFFLINE)).toBe('github.com');
  });

  it('does not take another failure for a network one', () => {
    expect(isNetworkFailure('  ⨯ Application entry file "dist-electron/main.cjs" does not exist')).toBe(
      false,
    );
    expect(isNetworkFailure('Error: Cannot find module dmg-license')).toBe(false);
  });

  it('says in French what happened and what to do', () => {
    const message = networkFailureMessage(OFFLINE, '41.7.1');
    expect(message).toContain('Electron 41.7.1');
    expect(message).toContain('github.com');
    expect(message).toContain('ELECTRON_MIRROR');
    expect(message).toContain('npm run preview');
  });
});

describe('electron-builder.yml', () => {
  it('pins the Electron version of package-lock.json, and the scripts read the same one', () => {
    const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; optional?: boolean }>;
    };
    const electron = lock.packages['node_modules/electron'];
    expect(electron?.optional).toBe(true);
    expect(String(config.electronVersion)).toBe(electron?.version);
    expect(pinnedElectronVersion()).toBe(electron?.version);
  });

  it('never rebuilds node_modules in place, and unpacks nothing from it', () => {
    expect(config.npmRebuild).toBe(false);
    expect((config.asarUnpack ?? []).filter((entry) => entry.includes('node_modules'))).toEqual([]);
  });

  it('ships the Electron build of better-sqlite3 where the packaged main process loads it', () => {
    const resource = config.extraResources?.find(
      (entry) => typeof entry !== 'string' && entry.to === 'native/better_sqlite3.node',
    );
    expect(resource).toBeDefined();
    if (resource === undefined || typeof resource === 'string') return;
    expect(path.join(root, resource.from)).toBe(packagedSqlitePath());
    const main = readFileSync(path.join(root, 'electron', 'main', 'main.ts'), 'utf8');
    expect(main).toContain("path.join(process.resourcesPath, 'native', 'better_sqlite3.node')");
  });

  it('packs better-sqlite3 without its Node build, and leaves electron and the rest of node_modules out', () => {
    // electron-builder's own filter for node_modules, built from the same `files` patterns.
    const require = createRequire(import.meta.url);
    const { getNodeModuleFileMatcher } = require('app-builder-lib/out/fileMatcher.js') as {
      getNodeModuleFileMatcher: (
        appDir: string,
        destination: string,
        expand: (text: string) => string,
        platformOptions: object,
        packager: { config: typeof config; debugLogger: { isEnabled: boolean } },
      ) => { createFilter: () => (file: string, stat: { isDirectory: () => boolean }) => boolean };
    };
    const filter = getNodeModuleFileMatcher(
      '/app',
      '/out',
      (text) => text,
      {},
      {
        config,
        debugLogger: { isEnabled: false },
      },
    ).createFilter();
    const packed = (file: string): boolean => filter(`/app/${file}`, { isDirectory: () => false });

    expect(packed('node_modules/better-sqlite3/package.json')).toBe(true);
    expect(packed('node_modules/better-sqlite3/lib/database.js')).toBe(true);
    expect(packed('node_modules/bindings/bindings.js')).toBe(true);
    expect(packed('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe(false);
    expect(packed('node_modules/electron/dist/electron')).toBe(false);
    expect(packed('node_modules/electron/index.js')).toBe(false);
    expect(packed('node_modules/@electron/get/dist/index.js')).toBe(false);
    expect(packed('node_modules/react/index.js')).toBe(false);
  });
});
