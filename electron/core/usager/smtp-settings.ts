// The city's SMTP server, set by an administrator in Réglages. The password has to be kept as typed (the server
// asks for it at each sending, a hash would not do); it stays in the database and is never sent back to a window
// nor written in the audit trail, which says « (modifié) » instead.
import { z } from 'zod';
import { SMTP_SECURITES, type SmtpFields, type SmtpView } from '../../../common/usager/methods';
import { recordAudit, type Actor } from '../audit/record';
import type { Db } from '../store/db';
import { readSetting, writeSetting } from '../store/settings';
import { sendCounts } from './envois';

export const SMTP_KEY = 'usager.smtp';

const stored = z.object({
  hote: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  securite: z.enum(SMTP_SECURITES),
  utilisateur: z.string(),
  motDePasse: z.string(),
  expediteur: z.string().min(1),
  nomExpediteur: z.string(),
});

/** The settings the core sends with, password included: never leaves the core. */
export type SmtpSettings = z.output<typeof stored>;

export async function readSmtp(db: Db): Promise<SmtpSettings | null> {
  return await readSetting(db, SMTP_KEY, stored.nullable(), null);
}

/**
 * The settings a form describes: an absent or empty password keeps the stored one (the window never had it);
 * no login means no password.
 */
export function settingsFrom(fields: SmtpFields, current: SmtpSettings | null): SmtpSettings {
  const utilisateur = fields.utilisateur.trim();
  const typed = fields.motDePasse ?? '';
  return {
    hote: fields.hote.trim(),
    port: fields.port,
    securite: fields.securite,
    utilisateur,
    motDePasse: utilisateur === '' ? '' : typed !== '' ? typed : (current?.motDePasse ?? ''),
    expediteur: fields.expediteur.trim(),
    nomExpediteur: fields.nomExpediteur.trim(),
  };
}

export async function smtpView(db: Db, now: Date): Promise<SmtpView> {
  const settings = await readSmtp(db);
  const envois = await sendCounts(db, now);
  if (!settings)
    return {
      configure: false,
      hote: '',
      port: 587,
      securite: 'starttls',
      utilisateur: '',
      motDePasseDefini: false,
      expediteur: '',
      nomExpediteur: '',
      envois,
    };
  const { motDePasse, ...rest } = settings;
  return { configure: true, ...rest, motDePasseDefini: motDePasse !== '', envois };
}

/** What the audit trail keeps of the settings: everything but the password. */
function audited(settings: SmtpSettings | null): unknown {
  if (!settings) return null;
  const { motDePasse, ...rest } = settings;
  return { ...rest, motDePasse: motDePasse === '' ? '(aucun)' : '(défini)' };
}

/** Writes the settings and their audit row in one transaction. */
export async function writeSmtp(db: Db, actor: Actor, fields: SmtpFields, now: Date): Promise<SmtpView> {
  await db.transaction(async (tx) => {
    const before = await readSmtp(tx);
    const after = settingsFrom(fields, before);
    await writeSetting(tx, SMTP_KEY, after);
    const apres = audited(after) as Record<string, unknown>;
    if (before && after.motDePasse !== before.motDePasse) apres.motDePasse = '(modifié)';
    await recordAudit(
      tx,
      actor,
      { action: 'modification', objet: 'reglage', objetId: SMTP_KEY, avant: audited(before), apres },
      now,
    );
  });
  return smtpView(db, now);
}
