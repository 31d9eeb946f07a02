import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LaunchEnvironment } from './launch-options';
import { parseLaunchArgs, resolveLaunchPaths, unpackedPath } from './launch-options';

describe('parseLaunchArgs', () => {
  it('reads --content and --data-dir followed by their value', () => {
    expect(
      parseLaunchArgs(['/usr/bin/electron', '.', '--content', '/srv/contenu', '--data-dir', 'donnees']),
    ).toEqual({ contentDir: '/srv/contenu', dataDir: 'donnees' });
  });

  it('reads the --flag=value form', () => {
    expect(parseLaunchArgs(['infocite', '--content=/srv/contenu', '--data-dir=/var/infocite'])).toEqual({
      contentDir: '/srv/contenu',
      dataDir: '/var/infocite',
    });
  });

  it('keeps an equals sign inside the value', () => {
    expect(parseLaunchArgs(['--content=/srv/a=b'])).toEqual({ contentDir: '/srv/a=b' });
  });

  it('ignores every other argument, including Chromium switches', () => {
    expect(
      parseLaunchArgs(['electron', '.', '--inspect=9229', '--no-sandbox', 'content', '--contents', 'x']),
    ).toEqual({});
  });

  it('ignores a flag without a value', () => {
    expect(parseLaunchArgs(['--content'])).toEqual({});
    expect(parseLaunchArgs(['--content', '--data-dir', '/d'])).toEqual({ dataDir: '/d' });
    expect(parseLaunchArgs(['--content='])).toEqual({});
    expect(parseLaunchArgs(['--content', '   '])).toEqual({});
  });

  it('lets the last occurrence win', () => {
    expect(parseLaunchArgs(['--content', '/a', '--content=/b'])).toEqual({ contentDir: '/b' });
  });

  it('reads the --borne switch, which takes no value', () => {
    expect(parseLaunchArgs(['electron', '.', '--borne', '--content', '/c'])).toEqual({
      borne: true,
      contentDir: '/c',
    });
    expect(parseLaunchArgs(['electron', '.', '--borne=non'])).toEqual({});
  });

  it('does not take a value for an unknown flag', () => {
    expect(parseLaunchArgs(['--lang', '--content', '/c'])).toEqual({ contentDir: '/c' });
  });
});

describe('resolveLaunchPaths', () => {
  const cwd = path.resolve('/home/agent');
  const base: LaunchEnvironment = {
    argv: ['/usr/bin/electron', '.'],
    env: {},
    cwd,
    isPackaged: false,
    resourcesPath: path.resolve('/opt/infocite/resources'),
    appPath: path.resolve('/home/agent/infocite'),
    userDataPath: path.resolve('/home/agent/.config/infocite'),
  };

  it('uses the project content folder and userData in development', () => {
    expect(resolveLaunchPaths(base)).toEqual({
      contentDir: path.join(base.appPath, 'content'),
      dataDir: base.userDataPath,
    });
  });

  it('uses the content shipped in the resources once packaged', () => {
    expect(resolveLaunchPaths({ ...base, argv: ['/opt/infocite/infocite'], isPackaged: true })).toEqual({
      contentDir: path.join(base.resourcesPath, 'content'),
      dataDir: base.userDataPath,
    });
  });

  it('prefers INFOCITE_CONTENT to the default', () => {
    const env = { INFOCITE_CONTENT: '/srv/partage/contenu' };
    expect(resolveLaunchPaths({ ...base, env, isPackaged: true }).contentDir).toBe(
      path.resolve('/srv/partage/contenu'),
    );
  });

  it('ignores an empty INFOCITE_CONTENT', () => {
    expect(resolveLaunchPaths({ ...base, env: { INFOCITE_CONTENT: ' ' } }).contentDir).toBe(
      path.join(base.appPath, 'content'),
    );
  });

  it('prefers --content to INFOCITE_CONTENT', () => {
    const launch = {
      ...base,
      argv: [...base.argv, '--content', '/srv/cli'],
      env: { INFOCITE_CONTENT: '/srv/env' },
    };
    expect(resolveLaunchPaths(launch).contentDir).toBe(path.resolve('/srv/cli'));
  });

  it('resolves relative paths against the working directory', () => {
    const launch = { ...base, argv: [...base.argv, '--content', 'mon-contenu', '--data-dir=../donnees'] };
    expect(resolveLaunchPaths(launch)).toEqual({
      contentDir: path.join(cwd, 'mon-contenu'),
      dataDir: path.resolve(cwd, '..', 'donnees'),
    });
  });
});

describe('unpackedPath', () => {
  it('points files packaged in app.asar to app.asar.unpacked', () => {
    expect(unpackedPath('/opt/infocite/resources/app.asar/dist-electron/index-worker.cjs')).toBe(
      '/opt/infocite/resources/app.asar.unpacked/dist-electron/index-worker.cjs',
    );
    expect(unpackedPath('C:\\Infocite\\resources\\app.asar\\dist-electron\\index-worker.cjs')).toBe(
      'C:\\Infocite\\resources\\app.asar.unpacked\\dist-electron\\index-worker.cjs',
    );
  });

  it('leaves development paths alone', () => {
    expect(unpackedPath('/home/agent/infocite/dist-electron/index-worker.cjs')).toBe(
      '/home/agent/infocite/dist-electron/index-worker.cjs',
    );
    expect(unpackedPath('/home/agent/my.app.asar.d/x.cjs')).toBe('/home/agent/my.app.asar.d/x.cjs');
  });
});

describe('a connected desk (--server URL)', () => {
  const launch = {
    env: {},
    cwd: '/home/agent',
    isPackaged: true,
    resourcesPath: '/opt/infocite/resources',
    appPath: '/opt/infocite/resources/app.asar',
    userDataPath: '/home/agent/.config/infocite',
  };

  it('reads the address and keeps its copy of the content in the data folder', () => {
    expect(parseLaunchArgs(['infocite', '--server', 'https://infocite.ville.fr'])).toEqual({
      serverUrl: 'https://infocite.ville.fr',
    });
    expect(
      resolveLaunchPaths({ ...launch, argv: ['infocite', '--server=https://infocite.ville.fr'] }),
    ).toEqual({
      serverUrl: 'https://infocite.ville.fr/',
      dataDir: '/home/agent/.config/infocite',
      contentDir: '/home/agent/.config/infocite/contenu',
    });
  });

  it('stays standalone without it, and refuses a wrong address in French', () => {
    expect(resolveLaunchPaths({ ...launch, argv: ['infocite'] })).not.toHaveProperty('serverUrl');
    expect(() => resolveLaunchPaths({ ...launch, argv: ['infocite', '--server', 'ftp://x'] })).toThrow(
      /Adresse de serveur invalide/,
    );
  });
});
