// The connected desk's outbox: `<dataDir>/outbox.db` (SQLite, WAL). Every outcome, settled search and « utile /
// pas utile » made at the desk is committed here first, with an id made on the desk (UUID v7) and the desk's
// time, in the same transaction as its local mirror row (what `journal.mine` and corrections read offline);
// the window's toast comes only after that commit. The sender (sender.ts) then moves entries to the server and
// removes each one the server has answered for. The file also keeps the desk's small state: the PIN hashes
// for the offline switch and the time of the last batch the server acknowledged.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { OutboxEntry, OutboxKind } from '../../../common/sync/methods';

export const OUTBOX_FILE = 'outbox.db';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS envois (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    at TEXT NOT NULL,
    compte_id INTEGER NOT NULL,
    payload TEXT NOT NULL
  );
  -- The desk's own log entries (the JournalEntry the window saw), by local id: journal.mine and corrections.
  CREATE TABLE IF NOT EXISTS contacts_locaux (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    compte_id INTEGER NOT NULL,
    jour TEXT NOT NULL,
    entree TEXT NOT NULL
  );
  -- Local ids handed to the window for searches and opinions, so a later entry can name them by uid.
  CREATE TABLE IF NOT EXISTS ids_locaux (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    uid TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    jour TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS etat (cle TEXT PRIMARY KEY, valeur TEXT NOT NULL);
`;

export interface OutboxOptions {
  dataDir: string;
  /** The desk's clock: the time each entry keeps. */
  now: () => Date;
  /** better-sqlite3's native module built for Electron; Node's own otherwise. */
  nativeBinding?: string;
}

interface EnvoiRow {
  uid: string;
  kind: OutboxKind;
  at: string;
  compte_id: number;
  payload: string;
}

export class Outbox {
  readonly db: Database.Database;
  private readonly now: () => Date;

  constructor(options: OutboxOptions) {
    mkdirSync(options.dataDir, { recursive: true });
    this.db = new Database(
      join(options.dataDir, OUTBOX_FILE),
      options.nativeBinding ? { nativeBinding: options.nativeBinding } : {},
    );
    this.db.pragma('journal_mode = WAL');
    // NORMAL survives a killed process (the commit is in the WAL before `run` returns), like the core's store.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
    this.now = options.now;
  }

  /** Runs `work` in one transaction: an entry and its mirror row are committed together or not at all. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  /** Adds an entry (call inside `transaction` with its mirror row); returns its uid and time. */
  enqueue(kind: OutboxKind, compteId: number, payload: unknown): { uid: string; at: string } {
    const uid = uuidv7();
    const at = this.now().toISOString();
    this.db
      .prepare('INSERT INTO envois (uid, kind, at, compte_id, payload) VALUES (?, ?, ?, ?, ?)')
      .run(uid, kind, at, compteId, JSON.stringify(payload));
    return { uid, at };
  }

  /** The oldest entries still to send, in the order they were made. */
  pending(limit: number): OutboxEntry[] {
    const rows = this.db
      .prepare('SELECT uid, kind, at, compte_id, payload FROM envois ORDER BY seq LIMIT ?')
      .all(limit) as EnvoiRow[];
    // Each payload was validated against the contract's schema of its kind before it was committed.
    return rows.map(
      (row) =>
        ({
          uid: row.uid,
          kind: row.kind,
          at: row.at,
          compteId: row.compte_id,
          payload: JSON.parse(row.payload) as unknown,
        }) as OutboxEntry,
    );
  }

  /** Entries the server has answered for (accepted, already there, or kept in its dead letters). */
  remove(uids: readonly string[]): void {
    const remove = this.db.prepare('DELETE FROM envois WHERE uid = ?');
    this.transaction(() => {
      for (const uid of uids) remove.run(uid);
    });
  }

  count(): number {
    return this.db.prepare('SELECT count(*) FROM envois').pluck().get() as number;
  }

  /** A local id for a search or an opinion, so that later entries can name it by its uid. */
  localId(uid: string, kind: OutboxKind, jour: string): number {
    return Number(
      this.db.prepare('INSERT INTO ids_locaux (uid, kind, jour) VALUES (?, ?, ?)').run(uid, kind, jour)
        .lastInsertRowid,
    );
  }

  uidOfLocal(id: number, kind: OutboxKind): string | undefined {
    return this.db.prepare('SELECT uid FROM ids_locaux WHERE id = ? AND kind = ?').pluck().get(id, kind) as
      string | undefined;
  }

  getState<T>(key: string): T | undefined {
    const value = this.db.prepare('SELECT valeur FROM etat WHERE cle = ?').pluck().get(key) as
      string | undefined;
    return value === undefined ? undefined : (JSON.parse(value) as T);
  }

  setState(key: string, value: unknown): void {
    this.db
      .prepare(
        'INSERT INTO etat (cle, valeur) VALUES (?, ?) ON CONFLICT (cle) DO UPDATE SET valeur = excluded.valeur',
      )
      .run(key, JSON.stringify(value));
  }

  /** Mirror rows and local ids of days before `jour`: corrections are of the day only. */
  forgetBefore(jour: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM contacts_locaux WHERE jour < ?').run(jour);
      this.db.prepare('DELETE FROM ids_locaux WHERE jour < ?').run(jour);
    });
  }

  close(): void {
    this.db.close();
  }
}
