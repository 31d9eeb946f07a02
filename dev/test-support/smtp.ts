// A real SMTP server on the loopback for the tests of « Envoyer par courriel » (the smtp-server package): it
// keeps every message it accepts, raw, with its envelope, and can refuse a login or a recipient on demand.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  raw: string;
}

export interface TestSmtp {
  port: number;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export interface TestSmtpOptions {
  /** The only login accepted; absent: no login asked for. */
  login?: { user: string; pass: string };
  /** Recipients refused with a 550, as a real server refuses an unknown mailbox. */
  refuse?: (address: string) => boolean;
}

export async function startTestSmtp(options: TestSmtpOptions = {}): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    // No certificate to trust on the loopback: the tests use « Sans chiffrement ».
    disabledCommands: options.login ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    authOptional: !options.login,
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      const { login } = options;
      if (login && auth.username === login.user && auth.password === login.pass)
        callback(null, { user: auth.username });
      else callback(Object.assign(new Error('Identifiants refusés'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      if (options.refuse?.(address.address))
        callback(Object.assign(new Error('Boîte inconnue'), { responseCode: 550 }));
      else callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const from = session.envelope.mailFrom;
        received.push({
          from: from ? from.address : '',
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The decoded text of each part of a raw MIME message, by content type (quoted-printable or base64). */
export function mimeParts(raw: string): Array<{ type: string; body: string }> {
  const parts: Array<{ type: string; body: string }> = [];
  for (const chunk of raw.split(/\r?\n--[^\r\n]+/)) {
    const split = /\r?\n\r?\n/.exec(chunk);
    if (!split) continue;
    const headers = chunk.slice(0, split.index);
    const body = chunk.slice(split.index + split[0].length);
    const type = /content-type:\s*([^;\s]+)/i.exec(headers)?.[1]?.toLowerCase();
    if (!type || type.startsWith('multipart/')) continue;
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(headers)?.[1]?.toLowerCase();
    let bytes: Buffer;
    if (encoding === 'base64') bytes = Buffer.from(body.replace(/\s+/g, ''), 'base64');
    else if (encoding === 'quoted-printable')
      bytes = Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      );
    else bytes = Buffer.from(body, 'utf8');
    parts.push({ type, body: type.startsWith('text/') ? bytes.toString('utf8') : bytes.toString('base64') });
  }
  return parts;
}
