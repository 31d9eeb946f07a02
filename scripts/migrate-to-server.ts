// npm run migrate-to-server -- --from infocite.db --database postgres://…
// Copies a standalone desk's SQLite database into the city server's PostgreSQL database: every table, ids kept,
// in one transaction, checked row by row; a second run copies nothing twice. See electron/core/store/transfer.ts
// and docs/SERVEUR.md (« PostgreSQL »).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DatabaseVersionError } from '../electron/core/store/database';
import {
  PostgresStore,
  describeUrl,
  givenDatabaseUrl,
  isPostgresUrl,
} from '../electron/core/store/postgres/postgres-store';
import { TransferError, formatReport, transferToPostgres } from '../electron/core/store/transfer';
import { fail, parseCommandLine } from './lib/cli';

const USAGE = `Usage : npm run migrate-to-server -- --from FICHIER.db --database postgres://UTILISATEUR@SERVEUR/BASE

  --from      la base SQLite d'un poste autonome (infocite.db, ou une de ses sauvegardes) ; elle n'est que lue
  --database  l'adresse de la base PostgreSQL du serveur de la ville (par défaut : la variable DATABASE_URL)

  Toutes les tables sont copiées en une seule transaction, avec leurs identifiants ; une seconde exécution ne
  copie rien deux fois. Une base SQLite d'une version plus ancienne est mise à jour dans une copie temporaire ;
  une base d'une version plus récente est refusée.`;

const { values } = parseCommandLine(
  {
    options: {
      from: { type: 'string' },
      database: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  },
  USAGE,
);

if (!values.from) fail(`Indiquez la base SQLite à copier avec --from.\n${USAGE}`);
const url = givenDatabaseUrl(values.database);
if (!url) fail(`Indiquez la base PostgreSQL avec --database (ou la variable DATABASE_URL).\n${USAGE}`);
if (!isPostgresUrl(url))
  fail(`L'adresse de la base doit commencer par postgres:// (reçu : ${describeUrl(url)}).\n${USAGE}`);
const from = resolve(values.from);
if (!existsSync(from)) fail(`Le fichier « ${from} » n'existe pas.`, 1);

let store: PostgresStore | null = null;
try {
  console.log(`Copie de ${from} vers ${describeUrl(url)}…`);
  store = await PostgresStore.open(url, { maxConnections: 2 });
  const report = await transferToPostgres(from, store.db);
  console.log(formatReport(report));
  console.log('Copie terminée et vérifiée.');
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    error instanceof TransferError || error instanceof DatabaseVersionError
      ? message
      : `La copie a échoué, rien n'a été copié : ${message}`,
  );
  process.exitCode = 1;
} finally {
  await store?.close();
}
