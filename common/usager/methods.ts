// Giving a fiche to the citizen at the desk: the handout (« Pour l'usager », printed or saved as PDF), sending it
// by e-mail through the city's SMTP server, and that server's settings. The citizen's address is used once for
// the sending and never stored: only a count of fiches sent per day is kept.
import { z } from 'zod';
import { isEmail } from '../email';
import type { Weekday } from '../knowledge/types';
import type { MethodTable } from '../method-table';

/** How the core talks to the SMTP server: TLS from the first byte (465), STARTTLS (587), or plain (25). */
export const SMTP_SECURITES = ['tls', 'starttls', 'aucune'] as const;
export type SmtpSecurite = (typeof SMTP_SECURITES)[number];

export const SMTP_SECURITE_LABELS: Record<SmtpSecurite, string> = {
  tls: 'TLS dès la connexion (port 465 en général)',
  starttls: 'STARTTLS (port 587 en général)',
  aucune: 'Sans chiffrement (réseau interne seulement, port 25)',
};

/** One service of the handout: where to go, with today's hours and the week's. */
export interface HandoutService {
  id: string;
  nom: string;
  /** The address, line by line. */
  adresse: string[];
  telephone?: string;
  courriel?: string;
  site?: string;
  /** « Aujourd'hui (lundi 23 novembre) : 8h30 – 12h00 et 13h30 – 17h00 », or closed and why. */
  aujourdhui: string;
  semaine: Array<{ jour: Weekday; horaires: string }>;
  horairesNote?: string;
  /** Closures to come, in French (« Fermé du 24 au 26 décembre : travaux »). */
  fermetures: string[];
}

/** The fiche as the citizen takes it away: what to bring, cost, delay, where to go, the full text's address. */
export interface Handout {
  id: string;
  titre: string;
  resume: string;
  publicConcerne: string[];
  pieces: string[];
  cout?: string;
  delai?: string;
  services: HandoutService[];
  /** Services left out to keep the handout short (a national fiche may name every town hall of a kind). */
  autresServices: number;
  /** The fiche's public source (service-public.fr for national fiches), with its QR code as an SVG. */
  source?: { url: string; qrSvg: string };
  /** « 15 septembre 2026 »: when the fiche was last updated. */
  miseAJour: string;
  /** « 23 novembre 2026 »: the day the handout was made (hours are today's). */
  etabliLe: string;
}

/** The SMTP settings as the window sees them: the password is never sent back, only whether one is set. */
export interface SmtpView {
  configure: boolean;
  hote: string;
  port: number;
  securite: SmtpSecurite;
  utilisateur: string;
  motDePasseDefini: boolean;
  expediteur: string;
  nomExpediteur: string;
  /** Fiches sent by e-mail: the only trace of sending (never an address). */
  envois: { aujourdhui: number; trenteJours: number };
}

const ficheId = z.string().min(1).max(200);

/** The citizen's address: typed once at the desk, used for one sending, never stored. */
export const citizenEmail = z
  .string()
  .trim()
  .min(1, 'indiquez l’adresse électronique de l’usager')
  .max(320, 'cette adresse est trop longue')
  .refine(isEmail, 'indiquez une adresse électronique valide, par exemple nom@exemple.fr');

/** The SMTP settings' form, shared by « Enregistrer » and « Tester ». */
export const smtpFields = z.object({
  hote: z
    .string()
    .trim()
    .min(1, 'indiquez le serveur de messagerie, par exemple smtp.ville.fr')
    .max(253, 'ce nom de serveur est trop long')
    .regex(/^[A-Za-z0-9.\-:[\]]+$/, 'indiquez un nom de serveur ou une adresse IP, sans espace'),
  port: z
    .number({ error: 'indiquez un port, par exemple 587' })
    .int('indiquez un numéro de port entier')
    .min(1, 'le port est compris entre 1 et 65535')
    .max(65535, 'le port est compris entre 1 et 65535'),
  securite: z.enum(SMTP_SECURITES, { error: 'choisissez le chiffrement de la connexion' }),
  utilisateur: z.string().trim().max(320, 'cet identifiant est trop long'),
  /** Absent or empty: the stored password stays (the window never has it). */
  motDePasse: z.string().max(1000, 'ce mot de passe est trop long').optional(),
  expediteur: z
    .string()
    .trim()
    .refine(isEmail, 'indiquez l’adresse d’expédition, par exemple accueil@ville.fr'),
  nomExpediteur: z.string().trim().max(120, '120 caractères au plus'),
});

export type SmtpFields = z.input<typeof smtpFields>;

export const usagerMethods = {
  'usager.fiche': { role: 'connecte', input: z.object({ id: ficheId }) },
  'usager.envoyer': { role: 'agent', input: z.object({ id: ficheId, courriel: citizenEmail }) },
  'usager.smtp.get': { role: 'administrateur', input: z.object({}) },
  'usager.smtp.set': { role: 'administrateur', input: smtpFields },
  'usager.smtp.tester': { role: 'administrateur', input: smtpFields },
} as const satisfies MethodTable;

export interface UsagerOutputs {
  'usager.fiche': Handout;
  /** The address is not echoed back: the window keeps what was typed until the person clears it. */
  'usager.envoyer': { envoye: true };
  'usager.smtp.get': SmtpView;
  'usager.smtp.set': SmtpView;
  /** French sentence saying the server answered and accepted the login. */
  'usager.smtp.tester': { message: string };
}
