// Sending through the city's SMTP server with nodemailer, from the core (the window never talks to a mail
// server). Every failure becomes a French sentence saying whose side to look at: the server unreachable, the
// login refused, the citizen's address refused. The address never reaches a log: nodemailer's logger stays off
// and its errors (which quote the address) are translated here, never rethrown.
import nodemailer from 'nodemailer';
import { RefusedError, UnavailableError } from '../errors';
import type { SmtpSettings } from './smtp-settings';
import type { HandoutMail } from './handout-mail';
import { QR_CID } from './handout-mail';

/** A desk must not wait minutes on a server that does not answer. */
const TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

function transportOf(settings: SmtpSettings) {
  return nodemailer.createTransport({
    host: settings.hote,
    port: settings.port,
    // TLS from the first byte; otherwise plain, upgraded by STARTTLS when asked (and then required).
    secure: settings.securite === 'tls',
    requireTLS: settings.securite === 'starttls',
    // « Sans chiffrement » means it: no opportunistic STARTTLS that would fail on an internal relay's certificate.
    ignoreTLS: settings.securite === 'aucune',
    auth: settings.utilisateur ? { user: settings.utilisateur, pass: settings.motDePasse } : undefined,
    logger: false,
    debug: false,
    ...TIMEOUTS,
  });
}

interface SmtpFailure {
  code?: string;
  command?: string;
  responseCode?: number;
}

function failureOf(error: unknown): SmtpFailure {
  if (typeof error !== 'object' || error === null) return {};
  const { code, command, responseCode } = error as Record<string, unknown>;
  return {
    code: typeof code === 'string' ? code : undefined,
    command: typeof command === 'string' ? command : undefined,
    responseCode: typeof responseCode === 'number' ? responseCode : undefined,
  };
}

export const SMTP_MESSAGES = {
  unreachable: (settings: SmtpSettings) =>
    `Le serveur de messagerie ${settings.hote}:${settings.port} ne répond pas. Vérifiez le réseau et les réglages de messagerie (serveur, port) ; le courriel n’est pas parti.`,
  tls: 'La connexion chiffrée avec le serveur de messagerie a échoué : vérifiez le chiffrement choisi dans les réglages (TLS ou STARTTLS) ; le courriel n’est pas parti.',
  auth: 'Le serveur de messagerie a refusé l’identifiant ou le mot de passe enregistrés dans les réglages ; le courriel n’est pas parti. Prévenez votre administrateur.',
  recipient:
    'Le serveur de messagerie a refusé cette adresse : vérifiez-la avec l’usager ; le courriel n’est pas parti.',
  sender:
    'Le serveur de messagerie a refusé l’adresse d’expédition enregistrée dans les réglages ; le courriel n’est pas parti. Prévenez votre administrateur.',
  other:
    'Le serveur de messagerie a refusé le courriel ; il n’est pas parti. Réessayez ; si cela persiste, prévenez votre administrateur.',
  notConfigured:
    'L’envoi par courriel n’est pas encore possible : un administrateur doit renseigner le serveur de messagerie dans Réglages.',
} as const;

/** The French error for a failure of nodemailer; `recipientField` names the form field of the citizen's address. */
export function smtpError(error: unknown, settings: SmtpSettings, recipientField?: string): Error {
  const { code, command, responseCode } = failureOf(error);
  const unreachable = ['ECONNECTION', 'ETIMEDOUT', 'EDNS', 'ESOCKET', 'EHLO'];
  if (code && unreachable.includes(code)) return new UnavailableError(SMTP_MESSAGES.unreachable(settings));
  if (code === 'ETLS' || code === 'EREQUIRETLS') return new UnavailableError(SMTP_MESSAGES.tls);
  if (code === 'EAUTH') return new RefusedError(SMTP_MESSAGES.auth);
  // 530: the server wants a login the settings do not give.
  if (responseCode === 530) return new RefusedError(SMTP_MESSAGES.auth);
  if (code === 'EENVELOPE') {
    if (command?.toUpperCase().startsWith('RCPT') || command === undefined)
      return new RefusedError(SMTP_MESSAGES.recipient, { field: recipientField });
    if (command.toUpperCase().startsWith('MAIL')) return new RefusedError(SMTP_MESSAGES.sender);
  }
  return new RefusedError(SMTP_MESSAGES.other);
}

/** Connects, greets and logs in, without sending anything: the « Tester » button of the settings. */
export async function verifySmtp(settings: SmtpSettings): Promise<void> {
  const transport = transportOf(settings);
  try {
    await transport.verify();
  } catch (error) {
    throw smtpError(error, settings);
  } finally {
    transport.close();
  }
}

/** Sends `mail` to `to`; the QR code, when given, goes as the inline image the HTML part refers to. */
export async function sendMail(
  settings: SmtpSettings,
  to: string,
  mail: HandoutMail,
  qrPng?: Buffer,
): Promise<void> {
  const transport = transportOf(settings);
  try {
    await transport.sendMail({
      from: { name: settings.nomExpediteur || settings.expediteur, address: settings.expediteur },
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      attachments: qrPng
        ? [{ filename: 'qr-code.png', content: qrPng, contentType: 'image/png', cid: QR_CID }]
        : [],
    });
  } catch (error) {
    throw smtpError(error, settings, 'courriel');
  } finally {
    transport.close();
  }
}
