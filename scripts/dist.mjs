// `npm run dist`: the installation packages (electron-builder.yml). Builds the app, prepares better-sqlite3 for
// Electron's ABI beside node_modules (never in place: the tests and scripts keep Node's copy), then runs
// electron-builder; a failure for want of network (Electron's archive and the packaging tools come from
// github.com) is explained in French with what to do.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pinnedElectronVersion } from './electron-binary.mjs';
import { stagePackagedSqlite } from './electron-sqlite.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Error codes and messages of a download that could not reach its server. */
const NETWORK_FAILURE =
  /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH|ESOCKETTIMEDOUT|UNABLE_TO_GET_ISSUER_CERT_LOCALLY|SELF_SIGNED_CERT_IN_CHAIN|CERT_HAS_EXPIRED)\b|getaddrinfo|socket hang up|net::ERR_|(?:unable to|cannot|could not) (?:download|connect)|status code 40[37]/i;

/** True when electron-builder's output says a download failed for want of network. */
export function isNetworkFailure(output) {
  return NETWORK_FAILURE.test(output);
}

/** The host a failed download tried to reach, when the output names it. */
export function failedHost(output) {
  const match =
    /getaddrinfo \w+ ([\w.-]+)|(?:connect|request to) \w* ?(?:https?:\/\/)?([\w.-]+\.[a-z]{2,})/i.exec(
      output,
    );
  return match?.[1] ?? match?.[2] ?? null;
}

/** The French explanation of a packaging stopped by the network. */
export function networkFailureMessage(output, electronVersion) {
  const host = failedHost(output);
  return `
Le paquet d'installation n'a pas pu être construit : electron-builder doit télécharger Electron ${electronVersion}
pour chaque système visé et ses outils de paquet (AppImage, deb, NSIS), depuis github.com, et ce
téléchargement a échoué${host ? ` (serveur injoignable : ${host})` : ''}.

Que faire :
  - lancer npm run dist sur une machine qui accède à github.com (une seule fois suffit : les archives sont
    gardées dans le cache d'electron-builder, ~/.cache/electron et ~/.cache/electron-builder sous Linux) ;
  - ou recopier ces caches depuis une telle machine (variables ELECTRON_CACHE et ELECTRON_BUILDER_CACHE pour
    en choisir l'emplacement) ;
  - ou indiquer un miroir interne : ELECTRON_MIRROR (archives d'Electron) et
    ELECTRON_BUILDER_BINARIES_MIRROR (outils de paquet) ;
  - derrière un proxy : HTTPS_PROXY (et NODE_EXTRA_CA_CERTS pour un certificat d'entreprise).
L'application elle-même reste utilisable sans paquet : npm start, ou npm run preview dans le navigateur.
`;
}

const NO_SQLITE = `
Le paquet d'installation n'a pas pu être construit : la base de données d'Info'Cité (better-sqlite3) doit
être construite pour Electron, ce qui demande un accès réseau la première fois (module précompilé sur
github.com ou en-têtes d'Electron sur electronjs.org). Le module utilisé par Node (tests, scripts) n'a pas
été modifié. Relancez npm run dist avec un accès réseau : le résultat est gardé dans .electron-native/.
`;

/** Runs a command with its output shown and kept; resolves with its exit code and the output. */
function runTee(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['inherit', 'pipe', 'pipe'] });
    let output = '';
    const keep = (stream, target) =>
      stream.on('data', (chunk) => {
        target.write(chunk);
        // Enough to recognise the failure; electron-builder can be verbose.
        output = (output + chunk.toString()).slice(-200_000);
      });
    keep(child.stdout, process.stdout);
    keep(child.stderr, process.stderr);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function main() {
  const npmCli = process.env.npm_execpath;
  const npm =
    npmCli && /\.[cm]?js$/.test(npmCli)
      ? [process.execPath, [npmCli]]
      : [process.platform === 'win32' ? 'npm.cmd' : 'npm', []];
  const built = await runTee(npm[0], [...npm[1], 'run', 'build']);
  if (built.code !== 0) {
    console.error(`La construction de l'application a échoué (code ${built.code}).`);
    return built.code;
  }

  if (stagePackagedSqlite() === null) {
    console.error(NO_SQLITE);
    return 1;
  }

  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  const packaged = await runTee(process.execPath, [cli, ...process.argv.slice(2)]);
  if (packaged.code !== 0) {
    if (isNetworkFailure(packaged.output)) {
      console.error(networkFailureMessage(packaged.output, pinnedElectronVersion()));
    } else {
      console.error(`electron-builder a échoué (code ${packaged.code}) : voir les messages ci-dessus.`);
    }
  }
  return packaged.code;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  process.exit(await main());
}
