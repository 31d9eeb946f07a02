// Where a connected desk keeps its credential (what `postes.enrol` gave it): `<dataDir>/poste.json`, readable by
// its owner only (0600), written through a temporary file and a rename so a crash never leaves half a file.
// In Electron the credential inside is encrypted with the system's safe storage (the `protect` seam); the
// browser preview keeps it in clear in that 0600 file.
import { chmodSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What an enrolled desk knows of itself. */
export interface DeskCredential {
  serverUrl: string;
  credential: string;
  poste: { id: number; nom: string };
  point: { id: number; nom: string };
}

export interface CredentialStore {
  load(): DeskCredential | null;
  save(credential: DeskCredential): void;
}

/** Encrypts the credential at rest (Electron's safeStorage); absent: kept in clear in the 0600 file. */
export interface SecretProtector {
  encrypt(secret: string): string;
  decrypt(sealed: string): string;
}

export const CREDENTIAL_FILE = 'poste.json';

const ref = z.object({ id: z.number().int(), nom: z.string() });
const fileSchema = z.object({
  serverUrl: z.string(),
  poste: ref,
  point: ref,
  credential: z.string().optional(),
  sealed: z.string().optional(),
});

export function fileCredentialStore(dataDir: string, protector?: SecretProtector): CredentialStore {
  const file = join(dataDir, CREDENTIAL_FILE);
  return {
    load() {
      if (!existsSync(file)) return null;
      const parsed = fileSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
      if (!parsed.success) return null;
      const { sealed, credential, ...rest } = parsed.data;
      const secret = sealed !== undefined && protector ? protector.decrypt(sealed) : credential;
      return secret === undefined ? null : { ...rest, credential: secret };
    },
    save(value) {
      const { credential, ...rest } = value;
      const body = protector ? { ...rest, sealed: protector.encrypt(credential) } : value;
      const temporary = `${file}.${process.pid}.tmp`;
      try {
        // The mode applies at creation; chmod again in case the file existed (a previous crash).
        writeFileSync(temporary, `${JSON.stringify(body, null, 2)}\n`, { mode: 0o600 });
        chmodSync(temporary, 0o600);
        renameSync(temporary, file);
      } finally {
        rmSync(temporary, { force: true });
      }
    },
  };
}
