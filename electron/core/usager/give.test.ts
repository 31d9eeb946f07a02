// « Envoyer par courriel » against a real SMTP server on the loopback: the message arrives with the fiche in
// text and HTML, the address is nowhere in the database afterwards, and each failure has its French message.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmtpFields } from '../../../common/usager/methods';
import { ACTOR, freshDb } from '../../../dev/test-support/registres';
import { mimeParts, startTestSmtp, type TestSmtp } from '../../../dev/test-support/smtp';
import { HANDOUT_NOW, handoutSource, SOURCE_URL } from '../../../dev/test-support/usager';
import { RefusedError, UnavailableError } from '../errors';
import { sql, type Db } from '../store/db';
import type { Store } from '../store/store';
import { sendHandout } from './give';
import { SMTP_MESSAGES, verifySmtp } from './send';
import { readSmtp, settingsFrom, smtpView, writeSmtp } from './smtp-settings';

const CITIZEN = 'usager.test+infocite@exemple.fr';

function fields(port: number, more: Partial<SmtpFields> = {}): SmtpFields {
  return {
    hote: '127.0.0.1',
    port,
    securite: 'aucune',
    utilisateur: '',
    expediteur: 'accueil@montrouval.fr',
    nomExpediteur: 'Accueil de Montrouval',
    ...more,
  };
}

/** Every byte the database left on disk (the file, its WAL), as text: where an address would show. */
function databaseBytes(store: Store): string {
  const folder = dirname(store.file);
  return readdirSync(folder)
    .filter((name) => name.startsWith(basename(store.file)))
    .map((name) => readFileSync(join(folder, name)).toString('latin1'))
    .join('\n');
}

let store: Store;
let db: Db;
let smtp: TestSmtp | undefined;

beforeEach(async () => {
  ({ store, db } = await freshDb());
});

afterEach(async () => {
  await smtp?.close();
  smtp = undefined;
  await store.close();
});

describe('sending a fiche by e-mail', () => {
  it('arrives with the fiche in text and HTML and the QR code, and leaves only a count', async () => {
    smtp = await startTestSmtp();
    await writeSmtp(db, ACTOR, fields(smtp.port), HANDOUT_NOW);
    await expect(sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW)).resolves.toEqual({
      envoye: true,
    });

    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail?.from).toBe('accueil@montrouval.fr');
    expect(mail?.to).toEqual([CITIZEN]);
    const parts = mimeParts(mail?.raw ?? '');
    const text = parts.find((part) => part.type === 'text/plain')?.body ?? '';
    const html = parts.find((part) => part.type === 'text/html')?.body ?? '';
    for (const body of [text, html]) {
      expect(body).toContain('Carte d’identité d’un mineur');
      expect(body).toContain('Numéro de pré-demande ANTS');
      expect(body).toContain('Gratuit (25 € en cas de perte)');
      expect(body).toContain('Service Titres d’identité');
      expect(body).toContain('8h30 – 12h00 et 13h30 – 17h00');
      expect(body).toContain(SOURCE_URL);
    }
    expect(html).toContain('<img src="cid:qr-fiche@infocite"');
    const png = parts.find((part) => part.type === 'image/png');
    expect(
      Buffer.from(png?.body ?? '', 'base64')
        .subarray(1, 4)
        .toString('latin1'),
    ).toBe('PNG');
    expect(mail?.raw).toMatch(/Subject: =\?UTF-8\?.*\?=|Subject: Votre d/);

    // One more in the day's count for the fiche; the address nowhere, in no table nor in the files.
    expect(await db.all(sql`SELECT jour, fiche_id, nombre FROM envois_fiches`)).toEqual([
      { jour: '2026-11-23', fiche_id: 'cni-mineur', nombre: 1 },
    ]);
    expect((await smtpView(db, HANDOUT_NOW)).envois).toEqual({ aujourdhui: 1, trenteJours: 1 });
    // SQLite only (this test's store): the WAL written back into the file, so both are read below.
    await db.all(sql`PRAGMA wal_checkpoint(TRUNCATE)`);
    expect(databaseBytes(store)).not.toContain(CITIZEN);
    expect(databaseBytes(store)).not.toContain('usager.test');
  });

  it('logs in when the settings have a login, and says so when it is refused', async () => {
    smtp = await startTestSmtp({ login: { user: 'infocite', pass: 'secret-smtp' } });
    await writeSmtp(
      db,
      ACTOR,
      fields(smtp.port, { utilisateur: 'infocite', motDePasse: 'secret-smtp' }),
      HANDOUT_NOW,
    );
    await sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW);
    expect(smtp.received).toHaveLength(1);

    await writeSmtp(
      db,
      ACTOR,
      fields(smtp.port, { utilisateur: 'infocite', motDePasse: 'faux' }),
      HANDOUT_NOW,
    );
    const refused = sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW);
    await expect(refused).rejects.toThrow(RefusedError);
    await expect(refused).rejects.toThrow(SMTP_MESSAGES.auth);
    expect(smtp.received).toHaveLength(1);
    // A failure counts nothing.
    expect((await smtpView(db, HANDOUT_NOW)).envois.aujourdhui).toBe(1);
  });

  it('puts a refused address beside the field', async () => {
    smtp = await startTestSmtp({ refuse: (address) => address === CITIZEN });
    await writeSmtp(db, ACTOR, fields(smtp.port), HANDOUT_NOW);
    const error = await sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RefusedError);
    expect((error as RefusedError).message).toBe(SMTP_MESSAGES.recipient);
    expect((error as RefusedError).field).toBe('courriel');
    // The server's reply quotes the address; the French message does not.
    expect((error as Error).message).not.toContain(CITIZEN);
    expect(smtp.received).toHaveLength(0);
    expect((await smtpView(db, HANDOUT_NOW)).envois.aujourdhui).toBe(0);
  });

  it('says the server is unreachable when nothing listens', async () => {
    const closed = await startTestSmtp();
    await closed.close();
    await writeSmtp(db, ACTOR, fields(closed.port), HANDOUT_NOW);
    const sending = sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW);
    await expect(sending).rejects.toThrow(UnavailableError);
    await expect(sending).rejects.toThrow(`Le serveur de messagerie 127.0.0.1:${closed.port} ne répond pas`);
    await expect(verifySmtp(settingsFrom(fields(closed.port), null))).rejects.toThrow('ne répond pas');
  });

  it('refuses before any connection when no server is set, or for a draft', async () => {
    await expect(sendHandout(db, handoutSource(), 'cni-mineur', CITIZEN, HANDOUT_NOW)).rejects.toThrow(
      SMTP_MESSAGES.notConfigured,
    );
    smtp = await startTestSmtp();
    await writeSmtp(db, ACTOR, fields(smtp.port), HANDOUT_NOW);
    await expect(sendHandout(db, handoutSource(), 'brouillon', CITIZEN, HANDOUT_NOW)).rejects.toThrow(
      "n'existe pas ou n'est pas publiée",
    );
    expect(smtp.received).toHaveLength(0);
  });

  it('tests the settings with « Tester » without sending anything', async () => {
    smtp = await startTestSmtp({ login: { user: 'infocite', pass: 'secret-smtp' } });
    await expect(
      verifySmtp(
        settingsFrom(fields(smtp.port, { utilisateur: 'infocite', motDePasse: 'secret-smtp' }), null),
      ),
    ).resolves.toBeUndefined();
    await expect(
      verifySmtp(settingsFrom(fields(smtp.port, { utilisateur: 'infocite', motDePasse: 'non' }), null)),
    ).rejects.toThrow(SMTP_MESSAGES.auth);
    expect(smtp.received).toHaveLength(0);
  });
});

describe('the SMTP settings', () => {
  it('keep the password in the core: never in the view nor in the audit trail', async () => {
    await writeSmtp(
      db,
      ACTOR,
      fields(2525, { utilisateur: 'infocite', motDePasse: 'secret-smtp' }),
      HANDOUT_NOW,
    );
    const view = await smtpView(db, HANDOUT_NOW);
    expect(view).toMatchObject({ configure: true, hote: '127.0.0.1', port: 2525, motDePasseDefini: true });
    expect(JSON.stringify(view)).not.toContain('secret-smtp');
    // Saved again without a password (the window never has it): the stored one stays.
    await writeSmtp(db, ACTOR, fields(2526, { utilisateur: 'infocite' }), HANDOUT_NOW);
    expect((await readSmtp(db))?.motDePasse).toBe('secret-smtp');
    await writeSmtp(db, ACTOR, fields(2526, { utilisateur: 'infocite', motDePasse: 'autre' }), HANDOUT_NOW);
    const audit = await db.all<{ avant: string | null; apres: string }>(
      sql`SELECT avant, apres FROM audit WHERE objet = 'reglage' ORDER BY id`,
    );
    expect(audit).toHaveLength(3);
    expect(JSON.stringify(audit)).not.toMatch(/secret-smtp|autre/);
    expect(JSON.parse(audit[2]?.apres ?? '{}')).toMatchObject({ port: 2526, motDePasse: '(modifié)' });
    // No login, no password.
    await writeSmtp(db, ACTOR, fields(2526, { utilisateur: '' }), HANDOUT_NOW);
    expect((await smtpView(db, HANDOUT_NOW)).motDePasseDefini).toBe(false);
  });
});
