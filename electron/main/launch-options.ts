// Where the app finds its content and keeps its data: pure, so the precedence rules are unit-tested.
import path from 'node:path';
import { parseServerUrl } from '../server/desk/server-url';

export interface LaunchArgs {
  contentDir?: string;
  dataDir?: string;
  /** `--server URL`: a connected desk (poste relié) of the city's server. */
  serverUrl?: string;
  /** `--borne`: the public kiosk (a fullscreen window without login, electron/main/borne.ts). */
  borne?: boolean;
}

const FLAGS = {
  '--content': 'contentDir',
  '--data-dir': 'dataDir',
  '--server': 'serverUrl',
} as const satisfies Record<string, keyof LaunchArgs>;

function isFlag(name: string): name is keyof typeof FLAGS {
  return Object.hasOwn(FLAGS, name);
}

/**
 * Reads `--content DIR` and `--data-dir DIR` (or `--content=DIR`), and the `--borne` switch, from a command
 * line. Every other argument (Electron's own, Chromium switches, the app path in development) is ignored; a
 * flag without a value is ignored too, and the last occurrence of a flag wins.
 */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const result: LaunchArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const equals = arg.indexOf('=');
    const name = equals === -1 ? arg : arg.slice(0, equals);
    if (arg === '--borne') result.borne = true;
    if (!isFlag(name)) continue;
    let value: string | undefined;
    if (equals !== -1) {
      value = arg.slice(equals + 1);
    } else {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    }
    if (value !== undefined && value.trim() !== '') result[FLAGS[name]] = value;
  }
  return result;
}

export interface LaunchEnvironment {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  isPackaged: boolean;
  /** process.resourcesPath: where electron-builder puts extraResources. */
  resourcesPath: string;
  /** app.getAppPath(): the project folder in development. */
  appPath: string;
  /** app.getPath('userData'). */
  userDataPath: string;
}

export interface LaunchPaths {
  contentDir: string;
  dataDir: string;
  /** The city server's address, normalised, for a connected desk; absent for a standalone one. */
  serverUrl?: string;
}

/**
 * contentDir: `--content`, else INFOCITE_CONTENT, else (a connected desk, `--server URL`) `<dataDir>/contenu`,
 * else the `content` folder shipped next to the app (packaged) or in the project (development). An invalid
 * server address throws an Error with a French message. dataDir: `--data-dir`, else Electron's userData folder.
 * Paths given by the user are resolved against the working directory.
 */
export function resolveLaunchPaths(launch: LaunchEnvironment): LaunchPaths {
  const args = parseLaunchArgs(launch.argv);
  const fromEnv = launch.env.INFOCITE_CONTENT?.trim() ? launch.env.INFOCITE_CONTENT : undefined;
  const userContent = args.contentDir ?? fromEnv;
  const dataDir = args.dataDir !== undefined ? path.resolve(launch.cwd, args.dataDir) : launch.userDataPath;
  // A connected desk reads the copy of the server's content it keeps in its data folder.
  const serverUrl = args.serverUrl === undefined ? undefined : parseServerUrl(args.serverUrl);
  const contentDir =
    userContent !== undefined
      ? path.resolve(launch.cwd, userContent)
      : serverUrl !== undefined
        ? path.join(dataDir, 'contenu')
        : path.join(launch.isPackaged ? launch.resourcesPath : launch.appPath, 'content');
  return serverUrl === undefined ? { contentDir, dataDir } : { contentDir, dataDir, serverUrl };
}

/**
 * Files listed in electron-builder's `asarUnpack` live in app.asar.unpacked: a worker thread is started from
 * there rather than from inside the archive.
 */
export function unpackedPath(filePath: string): string {
  return filePath.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}
