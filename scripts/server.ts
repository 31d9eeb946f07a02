// npm run server: the « serveur de la ville » — the same core, headless, serving the API (and the window's files
// when they are built) to a city's desks over HTTP(S). Logs are JSON lines on standard output; SIGTERM and SIGINT
// stop it cleanly (requests under way are answered, the database is closed). See docs/SERVEUR.md.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOOPBACK_HOSTS } from '../electron/server/http-guards';
import { startHttpServer } from '../electron/server/http-server';
import { errorFields, jsonLogger } from '../electron/server/json-log';
import {
  DatabaseUnreachableError,
  describeUrl,
  givenDatabaseUrl,
  isPostgresUrl,
} from '../electron/core/store/postgres/postgres-store';
import { fail, parseCommandLine } from './lib/cli';
import { createServingCore } from './lib/source-core';
import { DEMO_CONTENT_DIR, RENDERER_DIST_DIR } from './lib/paths';

const USAGE = `Usage : npm run server -- --data-dir DOSSIER [--content DOSSIER] [--host ADRESSE] [--port N]
                          [--tls-cert FICHIER --tls-key FICHIER] [--allowed-host NOM[:PORT]]…
                          [--database postgres://UTILISATEUR@SERVEUR/BASE [--pool N]]

  --data-dir      le dossier des données du serveur : base, sauvegardes, index (obligatoire)
  --content       la base de connaissances (par défaut : la démonstration de Montrouval, content/)
  --host          l'adresse d'écoute (par défaut 127.0.0.1, derrière le proxy inverse ; 0.0.0.0 : toutes)
  --port          le port (par défaut 8443 avec TLS, 8080 sans)
  --tls-cert, --tls-key   certificat et clé PEM : le serveur parle HTTPS lui-même
  --allowed-host  un nom sous lequel les postes joignent le serveur (le nom public derrière le proxy) ;
                  toute demande adressée à un autre nom est refusée
  --database      la base PostgreSQL de la ville (par défaut : la variable DATABASE_URL) ; sans elle, la base
                  SQLite du dossier des données
  --pool          connexions PostgreSQL au plus (par défaut 10)`;

const { values } = parseCommandLine(
  {
    options: {
      'data-dir': { type: 'string' },
      content: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string' },
      'tls-cert': { type: 'string' },
      'tls-key': { type: 'string' },
      'allowed-host': { type: 'string', multiple: true },
      database: { type: 'string' },
      pool: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);

if (!values['data-dir']) fail(`Indiquez le dossier des données avec --data-dir.\n${USAGE}`);
if (Boolean(values['tls-cert']) !== Boolean(values['tls-key']))
  fail(`Le certificat et la clé vont ensemble : indiquez --tls-cert et --tls-key.\n${USAGE}`);
const port = Number(values.port ?? (values['tls-cert'] ? 8443 : 8080));
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`Port invalide : ${values.port}\n${USAGE}`);

const database = givenDatabaseUrl(values.database);
if (database !== undefined && !isPostgresUrl(database))
  fail(`L'adresse de la base doit commencer par postgres:// (--database ou DATABASE_URL).\n${USAGE}`);
const pool = values.pool === undefined ? undefined : Number(values.pool);
if (pool !== undefined && (!Number.isInteger(pool) || pool < 1 || pool > 1000))
  fail(`Nombre de connexions invalide : ${values.pool} (--pool, de 1 à 1000).\n${USAGE}`);
if (pool !== undefined && database === undefined)
  fail(`--pool ne s'emploie qu'avec une base PostgreSQL (--database ou DATABASE_URL).\n${USAGE}`);

const log = jsonLogger();

function readPem(file: string, what: string): Buffer {
  try {
    return readFileSync(resolve(file));
  } catch {
    return fail(`Impossible de lire ${what} : ${file}`, 1);
  }
}

try {
  const tls = values['tls-cert']
    ? { cert: readPem(values['tls-cert'], 'le certificat'), key: readPem(values['tls-key'] ?? '', 'la clé') }
    : undefined;
  const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
  const dataDir = resolve(values['data-dir']);
  const core = await createServingCore(contentDir, dataDir, 'serveur', { database, databasePool: pool });
  const server = await startHttpServer(core, {
    port,
    host: values.host,
    tls,
    rendererDir: existsSync(RENDERER_DIST_DIR) ? RENDERER_DIST_DIR : undefined,
    allowedHosts: [...LOOPBACK_HOSTS, ...(values['allowed-host'] ?? [])],
    onRequest: (record) => log(record.status >= 500 ? 'error' : 'info', 'requête', { ...record }),
    onError: (message, error) => log('error', message, errorFields(error)),
  });
  const engine = core.store.engine === 'postgres' ? 'PostgreSQL' : 'SQLite';
  log('info', `Serveur Info'Cité à l'écoute : ${server.url} (base ${engine})`, {
    url: server.url,
    content: contentDir,
    data: dataDir,
    engine: core.store.engine,
    database: core.store.location,
    firstStart: !(await core.auth.hasAccounts()),
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log('info', `Arrêt demandé (${signal}) : fin des requêtes en cours, puis fermeture de la base.`);
    void server
      .close()
      .then(() => core.close())
      .then(() => {
        log('info', 'Serveur arrêté.');
        process.exit(0);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  // The address in the message never carries the password (describeUrl).
  const hint =
    database !== undefined && error instanceof DatabaseUnreachableError
      ? `${message.endsWith('.') ? '' : '.'} Vérifiez que PostgreSQL est démarré et joignable à l'adresse ${describeUrl(database)}, ` +
        `et que le rôle et son mot de passe sont les bons (docs/SERVEUR.md, « PostgreSQL »).`
      : '';
  log('error', `Impossible de démarrer le serveur : ${message}${hint}`);
  process.exit(1);
}
