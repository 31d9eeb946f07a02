// npm run preview: the app in a browser, on the demo content (or --content) and a data folder that survives
// restarts (.data/preview by default, or --data-dir), so the accounts created at the first start stay.
import { join, resolve } from 'node:path';
import type { Core } from '../electron/core/app';
import { setInstallationPoint } from '../electron/core/admin/installation';
import { SYSTEM_ACTOR } from '../electron/core/audit/record';
import { parisDay } from '../common/dates';
import { seedDemoRegistry } from '../dev/seed/demo-registry';
import { parseCommandLine } from './lib/cli';
import { createServingCore } from './lib/source-core';
import { DEMO_CONTENT_DIR, PROJECT_ROOT, RENDERER_DIST_DIR } from './lib/paths';
import { LOOPBACK_HOSTS } from '../electron/server/http-guards';
import { startPreviewServer } from '../electron/server/http-server';
import { generateJournal } from './bench/journal-data';

const USAGE = `Usage : npm run preview -- [--port N] [--content DOSSIER] [--data-dir DOSSIER] [--demo]
                           [--allowed-host NOM[:PORT]]…

  --content   la base de connaissances (par défaut : la démonstration de Montrouval, content/)
  --data-dir  le dossier des données : base, sauvegardes, index (par défaut : .data/preview)
  --demo      ajoute les registres de démonstration (points d'accueil, agents, formations, labels) et un
              journal des contacts à une base qui n'a encore aucun point d'accueil ; implicite avec le
              contenu de démonstration
  --allowed-host  un nom de plus sous lequel le serveur répond (en plus de 127.0.0.1, localhost et [::1]) ;
              toute demande adressée à un autre nom est refusée (protection contre le « DNS rebinding »)`;

/**
 * A demo log to go with the demo registries, so that the dashboard and the annual review have something to
 * show: last year whole and this year up to today, on the demo's open points, drawn from the demo content; and
 * this installation bound to the town hall's desk.
 */
async function seedDemoJournal(core: Core): Promise<void> {
  await core.search.ready();
  const { knowledge } = core.search.current();
  const db = core.store.db;
  const points = db.prepare('SELECT id FROM points WHERE ouvert = 1 ORDER BY id').pluck().all() as number[];
  // The demo's desk is the town hall's general reception, so the outcome bar works from the first search.
  const desk = db.prepare("SELECT id FROM points WHERE code = 'hotel-de-ville-accueil'").pluck().get() as
    number | undefined;
  if (desk !== undefined) setInstallationPoint(db, SYSTEM_ACTOR, desk, core.now());
  const today = parisDay(core.now());
  const year = Number(today.slice(0, 4));
  generateJournal(db, { entries: 24_000, year: year - 1, points, knowledge, seed: year - 1 });
  generateJournal(db, { entries: 24_000, year, points, knowledge, seed: year, until: today });
}

const { values } = parseCommandLine(
  {
    options: {
      port: { type: 'string', default: process.env.PORT ?? '4173' },
      content: { type: 'string' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'allowed-host': { type: 'string', multiple: true },
      help: { type: 'boolean', short: 'h' },
    },
  },
  USAGE,
);

try {
  const contentDir = resolve(values.content ?? DEMO_CONTENT_DIR);
  const dataDir = resolve(values['data-dir'] ?? join(PROJECT_ROOT, '.data', 'preview'));
  const core = await createServingCore(contentDir, dataDir);
  // The demo content describes Montrouval: its registries go with it, once, on a database without points.
  const demo = values.demo || contentDir === resolve(DEMO_CONTENT_DIR);
  const seeded = demo ? seedDemoRegistry(core.store.db, core.now()) : null;
  if (seeded) await seedDemoJournal(core);
  const server = await startPreviewServer(core, RENDERER_DIST_DIR, Number(values.port), {
    allowedHosts: [...LOOPBACK_HOSTS, ...(values['allowed-host'] ?? [])],
  });
  console.log(`Info'Cité — aperçu dans le navigateur : ${server.url}`);
  console.log(`Contenu : ${contentDir}`);
  console.log(`Données : ${dataDir} (base ${core.store.file}, sauvegardes ${core.store.backupDir})`);
  if (seeded) {
    console.log(
      `Registres de démonstration ajoutés : ${seeded.points} points d'accueil, ${seeded.agents} agents, ` +
        `${seeded.sessions} sessions de formation, et un journal des contacts de l'an dernier à aujourd'hui.`,
    );
  }
  if (!core.auth.hasAccounts()) {
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
} catch (error) {
  console.error(
    `Impossible de démarrer l'aperçu : ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
