// npm run --silent call -- --list
// npm run --silent call -- METHOD 'JSON' --data-dir DIR [--as LOGIN] [--content DIR]
// The API from the command line, for administrators' scripts: the same contract, roles, validation and French
// messages as the window, because the call goes through the same dispatcher after a real login.
import { resolve } from 'node:path';
import { z } from 'zod';
import { dispatch } from '../electron/server/dispatch';
import type { Envelope } from '../common/contract';
import { methods } from '../common/contract';
import { createCore } from '../electron/core/app';
import type { ClientSlot } from '../electron/core/auth/session';
import { fail, parseCommandLine } from './lib/cli';
import { DEMO_CONTENT_DIR, IMPORT_WORKER_SOURCE_FILE, WORKER_SOURCE_FILE } from './lib/paths';

const USAGE = `Usage : npm run --silent call -- --list
        npm run --silent call -- MÉTHODE ['{"clé": "valeur"}'] --data-dir DOSSIER [--as IDENTIFIANT] [--content DOSSIER]

  --list      affiche chaque méthode avec le rôle qu'elle demande et le schéma JSON de son entrée
  --data-dir  le dossier des données d'Info'Cité (celui qui contient infocite.db)
  --as        l'identifiant du compte ; le mot de passe est lu dans INFOCITE_PASSWORD ou demandé au clavier
              (sans --as : appel anonyme, pour les seules méthodes publiques)
  --content   la base de connaissances (par défaut : la démonstration de Montrouval)

Le résultat s'affiche en JSON sur la sortie standard (code 0) ; une erreur s'affiche en français sur la sortie
d'erreur (code 1) ; une ligne de commande incorrecte donne le code 2.`;

/** Every method with its access and its input as JSON Schema (what a script may send). */
export function methodList(): Record<string, { role: string; input: unknown }> {
  return Object.fromEntries(
    Object.keys(methods)
      .sort()
      .map((name) => {
        const spec = methods[name as keyof typeof methods];
        // Several roles (any one opens the method) read « redacteur | gestionnaire ».
        const role: string = typeof spec.role === 'string' ? spec.role : spec.role.join(' | ');
        return [name, { role, input: z.toJSONSchema(spec.input, { io: 'input', unrepresentable: 'any' }) }];
      }),
  );
}

/** Reads a line from the terminal without showing it (raw mode): the password never appears on screen. */
function askHidden(prompt: string): Promise<string> {
  const input = process.stdin;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((done) => {
    let typed = '';
    const finish = () => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
    };
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\r' || char === '\n') {
          finish();
          done(typed);
          return;
        }
        if (char === '\u0003') {
          finish();
          process.exit(130);
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('');
        else if (char >= ' ') typed += char;
      }
    };
    input.on('data', onData);
  });
}

async function password(login: string): Promise<string> {
  const fromEnv = process.env.INFOCITE_PASSWORD;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY)
    fail(
      `Mot de passe de « ${login} » introuvable : définissez INFOCITE_PASSWORD, ou lancez la commande ` +
        `dans un terminal pour le saisir.`,
    );
  return askHidden(`Mot de passe de ${login} : `);
}

/** Writes, then waits for the stream to take it: the process exits right after. */
function write(stream: NodeJS.WriteStream, text: string): Promise<void> {
  return new Promise((done) => stream.write(text, () => done()));
}

function errorText(envelope: Extract<Envelope<unknown>, { ok: false }>): string {
  return `Erreur (${envelope.error.code}) : ${envelope.error.message}\n`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(
    {
      allowPositionals: true,
      options: {
        list: { type: 'boolean', default: false },
        'data-dir': { type: 'string' },
        as: { type: 'string' },
        content: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    },
    USAGE,
  );
  if (values.list) {
    await write(process.stdout, `${JSON.stringify(methodList(), null, 2)}\n`);
    return 0;
  }
  const [method, json, ...extra] = positionals;
  if (!method) fail(`Indiquez la méthode à appeler, ou --list.\n${USAGE}`);
  if (extra.length > 0) fail(`Arguments en trop : ${extra.join(' ')}.\n${USAGE}`);
  let input: unknown = {};
  if (json !== undefined) {
    try {
      input = JSON.parse(json);
    } catch (error) {
      fail(
        `L'entrée n'est pas du JSON valide (${error instanceof Error ? error.message : String(error)}).\n${USAGE}`,
      );
    }
  }
  if (!values['data-dir']) fail(`Indiquez le dossier des données avec --data-dir.\n${USAGE}`);
  if (!Object.hasOwn(methods, method)) {
    await write(process.stderr, `Erreur (unknown_method) : Méthode inconnue : ${method}\n`);
    return 1;
  }
  const login = values.as;
  const secret = login === undefined ? null : await password(login);

  const core = await createCore({
    contentDir: resolve(values.content ?? DEMO_CONTENT_DIR),
    dataDir: resolve(values['data-dir']),
    workerFile: WORKER_SOURCE_FILE,
    importWorkerFile: IMPORT_WORKER_SOURCE_FILE,
    watch: false,
  });
  try {
    // Handlers that read the knowledge base (search, contacts of a point…) need the index; it is persisted in
    // the data folder, so only the first call builds it.
    await core.search.ready();
    const client: ClientSlot = { token: null };
    if (login !== undefined && secret !== null) {
      const session = await dispatch(core, client, 'auth.login', { identifiant: login, motDePasse: secret });
      if (!session.ok) {
        await write(process.stderr, errorText(session));
        return 1;
      }
    }
    const answer = await dispatch(core, client, method, input);
    if (!answer.ok) {
      await write(process.stderr, errorText(answer));
      return 1;
    }
    await write(process.stdout, `${JSON.stringify(answer.result, null, 2)}\n`);
    return 0;
  } finally {
    await core.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Start-up failures (a database from a newer version, a missing content folder) carry French messages.
    console.error(`Erreur : ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
