// `npm run migrate-to-server`: a standalone desk's SQLite database copied into the city's PostgreSQL database.
//
// - The source file is only ever read: it is copied (VACUUM INTO) into a temporary folder, and that copy is
//   opened with the Store, which brings an older schema up to date (the source stays as it was). A source made
//   by a newer version is refused before anything is copied.
// - The tables are those of the SQLite schema (sqlite_schema), in foreign-key order, so a new migration's table
//   is copied without editing this file; columns are copied by name, ids as they are.
// - Everything is written in ONE PostgreSQL transaction, in batches, with `ON CONFLICT (primary key) DO
//   NOTHING`: a second run copies nothing twice (the rows are « déjà présentes »). The identity sequences are
//   moved past the copied ids.
// - On a target never used (only the reference rows its migrations wrote, such as the starter control grid),
//   those rows are replaced by the desk's: same ids, but the desk's own values (and dates).
// - Then every source row is looked for in the target, by its primary key, and compared column by column: a row
//   missing, or present with other values (the server was already used: another account numbered 1…), rolls the
//   whole transaction back, and the database is left as it was.
// - The target's own triggers (the daily counts kept by PostgreSQL from the log) are switched off during the
//   copy, inside the transaction: the counts are copied as the desk had them, never counted twice.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql, type Db } from './db';
import { copyDatabase } from './database';
import { SCHEMA_VERSION } from './migrations';
import { DATABASE_FILE, Store, checkRestorable } from './store';
import { schemaVersion } from './postgres/migrate';

/** A copy that cannot be made (or whose check failed); its message is French, for the person running the tool. */
export class TransferError extends Error {}

export interface TableTransfer {
  table: string;
  /** Rows in the source. */
  source: number;
  /** Rows written by this run. */
  copied: number;
  /** Rows whose key was already in the target (an earlier run). */
  alreadyPresent: number;
  /** Source rows found in the target with the same values, after the copy. */
  verified: number;
}

export interface TransferReport {
  /** The source's schema version as found (before the copy was migrated). */
  sourceVersion: number;
  /** The schema version of both databases when copying. */
  schemaVersion: number;
  tables: TableTransfer[];
}

export interface TransferOptions {
  /** Rows per INSERT (fewer when a table has many columns: PostgreSQL takes 65 535 parameters at most). */
  batchSize?: number;
}

const DEFAULT_BATCH = 500;
const MAX_PARAMETERS = 60_000;

type Row = Record<string, unknown>;

interface SourceTable {
  name: string;
  /** Stored columns, in the table's order (generated columns left out). */
  columns: string[];
  /** The primary key (SQLite's rowid alias `id` included); empty for a table without one. */
  key: string[];
  /** Tables this one points to. */
  parents: string[];
}

interface TargetTable {
  columns: Set<string>;
  key: string[];
  hasIdentity: boolean;
  /** Columns with a sequence behind them (identity or serial). */
  sequenced: string[];
  hasUserTriggers: boolean;
}

/**
 * Copies the SQLite database `sourceFile` into the PostgreSQL database behind `target` (already migrated to this
 * version's schema: PostgresStore.open does it). Throws a TransferError or DatabaseVersionError in French.
 */
export async function transferToPostgres(
  sourceFile: string,
  target: Db,
  options: TransferOptions = {},
): Promise<TransferReport> {
  if (target.engine !== 'postgres') throw new Error('transferToPostgres writes to a PostgreSQL database');
  const sourceVersion = checkRestorable(sourceFile);
  const work = mkdtempSync(join(tmpdir(), 'infocite-transfert-'));
  let store: Store | null = null;
  try {
    store = openCopy(sourceFile, work);
    const source = store.db;
    const copy = store;
    const targetVersion = await schemaVersion(target);
    if (targetVersion !== SCHEMA_VERSION)
      throw new TransferError(
        `La base PostgreSQL est au schéma ${targetVersion}, la base SQLite au schéma ${SCHEMA_VERSION} : ` +
          `elles doivent être au même schéma. Mettez le serveur à jour (ou démarrez-le une fois sur cette base), ` +
          `puis relancez la copie.`,
      );
    await refuseOrphans(source);
    const tables = inForeignKeyOrder(await sourceTables(source));
    const batchSize = options.batchSize ?? DEFAULT_BATCH;
    const results = await target.transaction(async (tx) => {
      const targets = new Map<string, TargetTable>();
      for (const table of tables) targets.set(table.name, await targetTable(tx, table));
      const withTriggers = tables.filter((table) => targets.get(table.name)?.hasUserTriggers);
      for (const table of withTriggers) await setTriggers(tx, table.name, false);
      // A target never used holds only the reference rows its own migrations wrote (the starter control grid,
      // the training types), stamped with the day it was migrated: the desk has the same rows, perhaps edited
      // since, and its copy replaces them.
      if (await onlyReferenceRows(tx, tables, work))
        for (const table of [...tables].reverse()) await tx.run(sql`DELETE FROM ${sql.ref(table.name)}`);
      const copied: TableTransfer[] = [];
      for (const table of tables)
        copied.push(await copyTable(copy, tx, table, targets.get(table.name)!, batchSize));
      for (const table of withTriggers) await setTriggers(tx, table.name, true);
      for (const table of tables) await moveSequences(tx, table.name, targets.get(table.name)!);
      for (const result of copied) {
        const table = tables.find((t) => t.name === result.table)!;
        result.verified = await verifyTable(copy, tx, table, batchSize);
      }
      const wrong = copied.filter((result) => result.verified !== result.source);
      if (wrong.length > 0) throw new TransferError(mismatchMessage(wrong));
      return copied;
    });
    return { sourceVersion, schemaVersion: SCHEMA_VERSION, tables: results };
  } finally {
    await store?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** A consistent copy of the source in `work`, opened (and migrated if older) by the Store; the source is read only. */
function openCopy(sourceFile: string, work: string): Store {
  const copy = join(work, DATABASE_FILE);
  const handle = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    copyDatabase(handle, copy);
  } catch {
    // VACUUM INTO needs to read the write-ahead log; a source on a read-only medium without it is copied as is.
    copyFileSync(sourceFile, copy);
  } finally {
    handle.close();
  }
  // The copy is thrown away afterwards: no copy of it is taken before migrating it.
  return new Store(work, { backupBeforeMigrating: false });
}

/** Rows pointing to rows that are not there would be refused by PostgreSQL half-way: say which, before. */
async function refuseOrphans(source: Db): Promise<void> {
  const orphans = await source.all<{ table: string; parent: string }>(sql`PRAGMA foreign_key_check`);
  if (orphans.length === 0) return;
  const counted = new Map<string, number>();
  for (const { table, parent } of orphans)
    counted.set(`${table} → ${parent}`, (counted.get(`${table} → ${parent}`) ?? 0) + 1);
  throw new TransferError(
    `La base SQLite contient des lignes qui désignent des lignes absentes (` +
      [...counted].map(([link, n]) => `${link} : ${n}`).join(', ') +
      `) : PostgreSQL les refuserait. Rien n'a été copié.`,
  );
}

/** Every table of the SQLite schema, with its stored columns, key and the tables it points to. */
async function sourceTables(source: Db): Promise<SourceTable[]> {
  const names = await source.all<{ name: string }>(
    sql`SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
  );
  const tables: SourceTable[] = [];
  for (const { name } of names) {
    const columns = await source.all<{ name: string; pk: number; hidden: number }>(
      sql`SELECT name, pk, hidden FROM pragma_table_xinfo(${name}) ORDER BY cid`,
    );
    const parents = await source.all<{ table: string }>(
      sql`SELECT DISTINCT "table" FROM pragma_foreign_key_list(${name})`,
    );
    tables.push({
      name,
      // hidden: 0 a stored column, 1 a virtual table's hidden one, 2 and 3 generated columns (computed again).
      columns: columns.filter((column) => column.hidden === 0).map((column) => column.name),
      key: columns
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      parents: parents.map((parent) => parent.table).filter((parent) => parent !== name),
    });
  }
  return tables;
}

/** Parents before children; a cycle (none in the schema today) keeps the remaining tables in name order. */
export function inForeignKeyOrder<T extends { name: string; parents: string[] }>(tables: T[]): T[] {
  const ordered: T[] = [];
  const placed = new Set<string>();
  const known = new Set(tables.map((table) => table.name));
  let remaining = [...tables];
  while (remaining.length > 0) {
    const ready = remaining.filter((table) =>
      table.parents.every((parent) => placed.has(parent) || !known.has(parent)),
    );
    const next = ready.length > 0 ? ready : remaining.slice(0, 1);
    for (const table of next) {
      ordered.push(table);
      placed.add(table.name);
    }
    remaining = remaining.filter((table) => !placed.has(table.name));
  }
  return ordered;
}

/** What the target knows of a source table; refuses a table or a column it does not have. */
async function targetTable(tx: Db, table: SourceTable): Promise<TargetTable> {
  const columns = await tx.all<{ name: string; identity: string; serial: number }>(
    sql`SELECT column_name AS "name", is_identity AS "identity",
               CASE WHEN pg_get_serial_sequence(quote_ident(table_name), column_name) IS NULL THEN 0 ELSE 1 END
                 AS "serial"
        FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${table.name}`,
  );
  if (columns.length === 0)
    throw new TransferError(
      `La table ${table.name} de la base SQLite n'existe pas dans la base PostgreSQL : ` +
        `le serveur n'est pas de la même version que la base copiée. Rien n'a été copié.`,
    );
  const names = new Set(columns.map((column) => column.name));
  const missing = table.columns.filter((column) => !names.has(column));
  if (missing.length > 0)
    throw new TransferError(
      `La table ${table.name} de la base PostgreSQL n'a pas les colonnes ${missing.join(', ')} : ` +
        `le serveur n'est pas de la même version que la base copiée. Rien n'a été copié.`,
    );
  const key = await tx.all<{ name: string }>(
    sql`SELECT a.attname AS "name"
        FROM pg_index i
        JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
        WHERE i.indrelid = CAST(quote_ident(${table.name}) AS regclass) AND i.indisprimary
        ORDER BY array_position(CAST(i.indkey AS int2[]), a.attnum)`,
  );
  const triggers = await tx.value<number>(
    sql`SELECT count(*) FROM pg_trigger
        WHERE tgrelid = CAST(quote_ident(${table.name}) AS regclass) AND NOT tgisinternal`,
  );
  return {
    columns: names,
    key: key.map((column) => column.name),
    hasIdentity: columns.some((column) => column.identity === 'YES'),
    sequenced: columns.filter((column) => column.serial === 1).map((column) => column.name),
    hasUserTriggers: (triggers ?? 0) > 0,
  };
}

/**
 * Whether every table of the target holds exactly as many rows as a database just created by the migrations
 * (their reference rows, and nothing else): the server was never used on it.
 */
async function onlyReferenceRows(tx: Db, tables: SourceTable[], work: string): Promise<boolean> {
  const fresh = new Store(join(work, 'neuve'));
  try {
    for (const table of tables) {
      const expected = await fresh.db.value<number>(sql`SELECT count(*) FROM ${sql.ref(table.name)}`);
      const found = await tx.value<number>(sql`SELECT count(*) FROM ${sql.ref(table.name)}`);
      if (found !== expected) return false;
    }
    return true;
  } finally {
    await fresh.close();
  }
}

/** Switches the table's own triggers off (or on again), inside the transaction: a failure leaves them on. */
async function setTriggers(tx: Db, table: string, enabled: boolean): Promise<void> {
  try {
    await tx.run(sql`ALTER TABLE ${sql.ref(table)} ${sql.raw(enabled ? 'ENABLE' : 'DISABLE')} TRIGGER USER`);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === '42501')
      throw new TransferError(
        `Le rôle PostgreSQL utilisé n'est pas propriétaire de la table ${table} : lancez la copie avec le rôle ` +
          `du serveur Info'Cité (celui qui a créé les tables). Rien n'a été copié.`,
      );
    throw error;
  }
}

function batchRows(table: SourceTable, batchSize: number): number {
  return Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / Math.max(1, table.columns.length))));
}

/**
 * The source's rows, batch after batch, in key order (so a parent row of the same table comes first): one
 * statement walked by better-sqlite3's iterator, so a large table is read once, not again up to each OFFSET.
 * Nothing else may use the source's connection while a walk is under way (the loops only write to the target).
 */
function* sourceBatches(source: Store, table: SourceTable, size: number): Generator<Row[]> {
  const order = table.key.length > 0 ? table.key : table.columns;
  const query = sql`SELECT ${sql.join(table.columns.map((column) => sql.ref(column)))}
      FROM ${sql.ref(table.name)}
      ORDER BY ${sql.join(order.map((column) => sql.ref(column)))}`.compile(source.db.kysely);
  let batch: Row[] = [];
  for (const row of source.sqlite.prepare(query.sql).iterate(...query.parameters) as Iterable<Row>) {
    batch.push(row);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}

async function copyTable(
  source: Store,
  tx: Db,
  table: SourceTable,
  target: TargetTable,
  batchSize: number,
): Promise<TableTransfer> {
  const result: TableTransfer = { table: table.name, source: 0, copied: 0, alreadyPresent: 0, verified: 0 };
  const columns = sql.join(table.columns.map((column) => sql.ref(column)));
  const overriding = target.hasIdentity ? sql` OVERRIDING SYSTEM VALUE` : sql``;
  const conflict =
    target.key.length > 0
      ? sql`ON CONFLICT (${sql.join(target.key.map((column) => sql.ref(column)))}) DO NOTHING`
      : sql`ON CONFLICT DO NOTHING`;
  for (const rows of sourceBatches(source, table, batchRows(table, batchSize))) {
    const values = sql.join(
      rows.map((row) => sql`(${sql.join(table.columns.map((column) => toTarget(row[column])))})`),
    );
    const { changes } = await tx.run(
      sql`INSERT INTO ${sql.ref(table.name)} (${columns})${overriding} VALUES ${values} ${conflict}`,
    );
    result.source += rows.length;
    result.copied += changes;
    result.alreadyPresent += rows.length - changes;
  }
  return result;
}

/** SQLite's values as PostgreSQL takes them (bigints from very large integers, blobs as they are). */
function toTarget(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** The next id PostgreSQL gives is past every copied one. */
async function moveSequences(tx: Db, table: string, target: TargetTable): Promise<void> {
  for (const column of target.sequenced) {
    await tx.run(
      sql`SELECT setval(pg_get_serial_sequence(quote_ident(${table}), ${column}), m)
          FROM (SELECT max(${sql.ref(column)}) AS m FROM ${sql.ref(table)}) AS copied
          WHERE m IS NOT NULL`,
    );
  }
}

/** How many of the source's rows the target holds with the same values (found by primary key). */
async function verifyTable(source: Store, tx: Db, table: SourceTable, batchSize: number): Promise<number> {
  const key = table.key.length > 0 ? table.key : table.columns;
  let verified = 0;
  for (const rows of sourceBatches(source, table, batchRows(table, batchSize))) {
    const keyTuple = sql`(${sql.join(key.map((column) => sql.ref(column)))})`;
    const wanted = sql.join(
      rows.map((row) => sql`(${sql.join(key.map((column) => toTarget(row[column])))})`),
    );
    const found = await tx.all<Row>(
      sql`SELECT ${sql.join(table.columns.map((column) => sql.ref(column)))}
          FROM ${sql.ref(table.name)} WHERE ${keyTuple} IN (${wanted})`,
    );
    const byKey = new Map(found.map((row) => [keyOf(row, key), row]));
    for (const row of rows) {
      const twin = byKey.get(keyOf(row, key));
      if (twin && table.columns.every((column) => sameValue(row[column], twin[column]))) verified++;
    }
  }
  return verified;
}

function keyOf(row: Row, key: string[]): string {
  return JSON.stringify(key.map((column) => normalise(row[column])));
}

function normalise(value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') return String(value);
  if (Buffer.isBuffer(value)) return value.toString('base64');
  return value;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b))
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  if (typeof a === 'number' || typeof b === 'number' || typeof a === 'bigint' || typeof b === 'bigint') {
    const x = Number(a);
    const y = Number(b);
    // A REAL column may hold single precision on PostgreSQL.
    return x === y || Math.fround(x) === Math.fround(y);
  }
  return a === b;
}

function mismatchMessage(wrong: TableTransfer[]): string {
  return (
    `La base PostgreSQL ne contient pas la base SQLite à l'identique : ` +
    wrong
      .map(
        (result) =>
          `${result.table} (${result.source - result.verified} ligne(s) sur ${result.source} absente(s) ou ` +
          `différente(s))`,
      )
      .join(', ') +
    `. Elle contient sans doute déjà d'autres données (le serveur y a été utilisé) : copiez la base dans une ` +
    `base PostgreSQL neuve, avant le premier démarrage du serveur. Rien n'a été copié.`
  );
}

/** The report as a French table, one line per table and a total. */
export function formatReport(report: TransferReport): string {
  const header = ['Table', 'Source', 'Copiées', 'Déjà présentes', 'Vérifiées'];
  const lines = report.tables.map((t) => [
    t.table,
    String(t.source),
    String(t.copied),
    String(t.alreadyPresent),
    String(t.verified),
  ]);
  const sum = (pick: (t: TableTransfer) => number): string =>
    String(report.tables.reduce((total, t) => total + pick(t), 0));
  const total = [
    'Total',
    sum((t) => t.source),
    sum((t) => t.copied),
    sum((t) => t.alreadyPresent),
    sum((t) => t.verified),
  ];
  const widths = header.map((_, i) => Math.max(...[header, ...lines, total].map((line) => line[i]!.length)));
  const format = (line: string[]): string =>
    line.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const copied = report.tables.reduce((total, t) => total + t.copied, 0);
  const present = report.tables.reduce((total, t) => total + t.alreadyPresent, 0);
  const summary =
    copied === 0 && present > 0
      ? `Rien à copier : toutes les lignes sont déjà présentes dans la base PostgreSQL.`
      : `${copied} ligne(s) copiée(s)` + (present > 0 ? `, ${present} déjà présente(s).` : '.');
  const migrated =
    report.sourceVersion < report.schemaVersion
      ? `La base SQLite (schéma ${report.sourceVersion}) a été mise à jour au schéma ${report.schemaVersion} ` +
        `dans une copie temporaire ; le fichier d'origine n'a pas été modifié.\n`
      : '';
  return `${migrated}${[format(header), rule, ...lines.map(format), rule, format(total)].join('\n')}\n${summary}`;
}
