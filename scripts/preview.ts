// npm run preview: the app in a browser, on the demo content (or --content) and a data folder that survives
// restarts (.data/preview by default, or --data-dir), so the accounts created at the first start stay.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Core } from '../electron/core/app';
import { setInstallationPoint } from '../electron/core/admin/installation';
import { SYSTEM_ACTOR } from '../electron/core/audit/record';
import { sql } from '../electron/core/store/db';
import { parisDay } from '../common/dates';
import { seedDemoRegistry } from '../dev/seed/demo-registry';
import { fail, parseCommandLine } from './lib/cli';
import { createServingCore } from './lib/source-core';
import { DEMO_CONTENT_DIR, PROJECT_ROOT, RENDERER_DIST_DIR } from './lib/paths';
import { LOOPBACK_HOSTS } from '../electron/server/http-guards';
import { startPreviewServer } from '../electron/server/http-server';
import { fileCredentialStore } from '../electron/server/desk/credential-store';
import { Desk } from '../electron/server/desk/desk';
import { parseServerUrl } from '../electron/server/desk/server-url';
import { generateJournal } from './bench/journal-data';

const USAGE = `Usage : npm run preview -- [--port N] [--content DOSSIER] [--data-dir DOSSIER] [--demo]
                           [--allowed-host NOM[:PORT]]… [--server ADRESSE]

  --content   la base de connaissances (par défaut : la démonstration de Montrouval, content/)
  --data-dir  le dossier des données : base, sauvegardes, index (par défaut : .data/preview)
  --demo      ajoute les registres de démonstration (points d'accueil, agents, formations, labels) et un
              journal des contacts à une base qui n'a encore aucun point d'accueil ; implicite avec le
              contenu de démonstration
  --allowed-host  un nom de plus sous lequel le serveur répond (en plus de 127.0.0.1, localhost et [::1]) ;
              toute demande adressée à un autre nom est refusée (protection contre le « DNS rebinding »)
  --server    un poste relié au serveur de la ville à cette adresse (https://…) : les contacts passent par
              sa file d'attente locale, la recherche reste possible hors ligne ; au premier démarrage, la
              page demande le code d'inscription du poste (données par défaut : .data/poste)`;

/**
 * A demo log to go with the demo registries, so that the dashboard and the annual review have something to
 * show: last year whole and this year up to today, on the demo's open points, drawn from the demo content; and
 * this installation bound to the town hall's desk.
 */
async function seedDemoJournal(core: Core): Promise<void> {
  await core.search.ready();
  const { knowledge } = core.search.current();
  const db = core.store.db;
  const points = (await db.all<{ id: number }>(sql`SELECT id FROM points WHERE ouvert = 1 ORDER BY id`)).map(
    (row) => row.id,
  );
  // The demo's desk is the town hall's general reception, so the outcome bar works from the first search.
  const desk = await db.value<number>(sql`SELECT id FROM points WHERE code = 'hotel-de-ville-accueil'`);
  if (desk !== undefined) await setInstallationPoint(db, SYSTEM_ACTOR, desk, core.now());
  const today = parisDay(core.now());
  const year = Number(today.slice(0, 4));
  await generateJournal(db, { entries: 24_000, year: year - 1, points, knowledge, seed: year - 1 });
  await generateJournal(db, { entries: 24_000, year, points, knowledge, seed: year, until: today });
}

const { values } = parseCommandLine(
  {
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4173' },
      content: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'allowed-host': { type: 'string', multiple: true },
      server: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);

/**
 * A connected desk in the browser: the local core reads the desk's copy of the content (mirrored from the
 * server); the window's calls go through the desk's router.
 */
async function startDeskPreview(serverText: string): Promise<void> {
  let serverUrl: string;
  try {
    serverUrl = parseServerUrl(serverText);
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const dataDir = resolve(values['data-dir'] ?? join(PROJECT_ROOT, '.data', 'poste'));
  const contentDir = resolve(values.content ?? join(dataDir, 'contenu'));
  mkdirSync(contentDir, { recursive: true });
  const core = await createServingCore(contentDir, dataDir);
  const desk = new Desk({ serverUrl, dataDir, contentDir, core, credentials: fileCredentialStore(dataDir) });
  desk.start();
  const server = await startPreviewServer(core, RENDERER_DIST_DIR, Number(values.port), {
    allowedHosts: [...LOOPBACK_HOSTS, ...(values['allowed-host'] ?? [])],
    desk: {
      answer: (slot, method, input, { source }) => desk.call(slot, method, input, source),
      tokens: desk.tokens,
    },
  });
  const status = desk.status();
  console.log(`Info'Cité — poste relié à ${serverUrl}, aperçu dans le navigateur : ${server.url}`);
  console.log(`Données du poste : ${dataDir} ; copie du contenu : ${contentDir}`);
  console.log(
    status.mode === 'relie' && status.inscrit
      ? `Poste inscrit : ${status.poste?.nom ?? ''} (point ${status.point?.nom ?? ''}).`
      : "Poste non inscrit : ouvrez l'adresse ci-dessus et saisissez le code d'inscription donné par l'administrateur.",
  );
  const stop = () => {
    void server
      .close()
      .then(() => desk.close())
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

try {
  if (values.server !== undefined) {
    await startDeskPreview(values.server);
  } else {
    await startStandalonePreview();
  }
} catch (error) {
  console.error(
    `Impossible de démarrer l'aperçu : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

async function startStandalonePreview(): Promise<void> {
  const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
  const dataDir = resolve(values['data-dir'] ?? join(PROJECT_ROOT, '.data', 'preview'));
  const core = await createServingCore(contentDir, dataDir);
  // The demo content describes Montrouval: its registries go with it, once, on a database without points.
  const demo = values.demo || contentDir === resolve(DEMO_CONTENT_DIR);
  const seeded = demo ? await seedDemoRegistry(core.store.db, core.now()) : null;
  if (seeded) await seedDemoJournal(core);
  const server = await startPreviewServer(core, RENDERER_DIST_DIR, Number(values.port), {
    allowedHosts: [...LOOPBACK_HOSTS, ...(values['allowed-host'] ?? [])],
  });
  console.log(`Info'Cité — aperçu dans le navigateur : ${server.url}`);
  console.log(`Contenu : ${contentDir}`);
  console.log(`Données : ${dataDir} (base ${core.store.location})`);
  if (seeded) {
    console.log(
      `Registres de démonstration ajoutés : ${seeded.points} points d'accueil, ${seeded.agents} agents, ` +
        `${seeded.sessions} sessions de formation, et un journal des contacts de l'an dernier à aujourd'hui.`,
    );
  }
  if (!(await core.auth.hasAccounts())) {
    console.log(
      "Premier démarrage : ouvrez l'adresse ci-dessus, Info'Cité vous demandera de créer le compte administrateur.",
    );
  } else {
    console.log('Les comptes existants sont conservés : identifiez-vous avec le vôtre.');
  }
  const stop = () => {
    void server
      .close()
      .then(() => core.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
