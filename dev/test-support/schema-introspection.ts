// The schema of a database, read from the engine's own catalogue and put in one shape for both engines, so that
// the SQLite and PostgreSQL schemas can be compared (electron/core/store/postgres/schema.test.ts) and a
// PostgreSQL schema checked unchanged (migrate.test.ts).
//
// What « the same » means across engines:
//   - types: INTEGER ≙ integer (or bigint), TEXT ≙ text, REAL ≙ double precision, BLOB ≙ bytea;
//   - a primary key's columns are NOT NULL (PostgreSQL says so; SQLite implies it);
//   - a column unique under SQLite's COLLATE NOCASE ≙ a unique index on lower(column) in PostgreSQL;
//   - indexes and partial-index predicates compare as text, casts and parentheses aside;
//   - triggers compare by name, table, timing and event (UPDATE OF its columns), not by body.
import type { SqliteHandle } from '../../electron/core/store/database';
import { sql, type Db } from '../../electron/core/store/db';

export interface ColumnDescription {
  type: string;
  notNull: boolean;
  default: string | null;
}

export interface TableDescription {
  /** In the table's column order. */
  columns: Record<string, ColumnDescription>;
  primaryKey: string[];
  /** « a, lower(b) » (the key's columns, sorted) and « WHERE … » for a partial index. */
  uniques: string[];
  /** « name (a, b) WHERE … », non-unique indexes. */
  indexes: string[];
  /** « (a) → table(b) ON DELETE CASCADE ». */
  foreignKeys: string[];
  checks: number;
  /** « name BEFORE DELETE », « name AFTER UPDATE OF a, b ». */
  triggers: string[];
}

export type SchemaDescription = Record<string, TableDescription>;

const TYPES: Record<string, string> = {
  integer: 'integer',
  bigint: 'integer',
  text: 'text',
  real: 'double',
  'double precision': 'double',
  blob: 'bytes',
  bytea: 'bytes',
};

function type(declared: string): string {
  return TYPES[declared.toLowerCase()] ?? `unknown(${declared})`;
}

/** An SQL expression without casts, parentheses, spaces or case: « (uid IS NOT NULL) » ≙ « uid is not null ». */
function normaliseExpression(text: string): string {
  return text
    .replace(/::[a-z ]+(\[\])?/gi, '')
    .replace(/[()\s"]/g, '')
    .toLowerCase();
}

function normaliseDefault(text: string | null): string | null {
  if (text === null) return null;
  const bare = text.replace(/::[a-z ]+$/i, '');
  const quotedNumber = /^'(-?\d+(\.\d+)?)'$/.exec(bare);
  return quotedNumber?.[1] ?? bare;
}

const ON_DELETE: Record<string, string> = {
  a: 'NO ACTION',
  r: 'RESTRICT',
  c: 'CASCADE',
  n: 'SET NULL',
  d: 'SET DEFAULT',
};

/** « CREATE TRIGGER name AFTER UPDATE OF a, b ON t … » → « name AFTER UPDATE OF a, b » and its table. */
function parseTrigger(definition: string): { name: string; table: string; text: string } {
  const flat = definition.replace(/\s+/g, ' ');
  const match = /CREATE TRIGGER (\w+) (BEFORE|AFTER|INSTEAD OF) (.+?) ON (?:public\.)?(\w+)/i.exec(flat);
  const [, name, timing, event, table] = match ?? [];
  if (!name || !timing || !event || !table) throw new Error(`Unreadable trigger: ${flat.slice(0, 200)}`);
  return { name, table, text: `${name} ${timing.toUpperCase()} ${event.replace(/ OF /i, ' OF ').trim()}` };
}

function emptyTable(): TableDescription {
  return { columns: {}, primaryKey: [], uniques: [], indexes: [], foreignKeys: [], checks: 0, triggers: [] };
}

function sortLists(schema: SchemaDescription): SchemaDescription {
  for (const table of Object.values(schema)) {
    table.uniques.sort();
    table.indexes.sort();
    table.foreignKeys.sort();
    table.triggers.sort();
  }
  return schema;
}

// ─── SQLite ────────────────────────────────────────────────────────────────────────────────────────────────

interface SqliteColumn {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
}

export function describeSqlite(db: SqliteHandle): SchemaDescription {
  const schema: SchemaDescription = {};
  const tables = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const { name: table, sql: definition } of tables) {
    const description = emptyTable();
    schema[table] = description;
    const columns = db.prepare(`SELECT * FROM pragma_table_info(?)`).all(table) as SqliteColumn[];
    for (const column of columns)
      description.columns[column.name] = {
        type: type(column.type),
        notNull: column.notnull === 1 || column.pk > 0,
        default: normaliseDefault(column.dflt_value),
      };
    description.primaryKey = columns
      .filter((column) => column.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((column) => column.name);
    const indexes = db.prepare(`SELECT * FROM pragma_index_list(?)`).all(table) as Array<{
      name: string;
      unique: number;
      origin: string;
      partial: number;
    }>;
    for (const index of indexes) {
      if (index.origin === 'pk') continue;
      const keys = (
        db
          .prepare(`SELECT * FROM pragma_index_xinfo(?) WHERE key = 1 ORDER BY seqno`)
          .all(index.name) as Array<{
          name: string;
          coll: string;
        }>
      ).map((key) => (key.coll.toUpperCase() === 'NOCASE' ? `lower(${key.name})` : key.name));
      let predicate = '';
      if (index.partial) {
        const text = (
          db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = ?`).get(index.name) as {
            sql: string;
          }
        ).sql;
        predicate = ` WHERE ${normaliseExpression(text.replace(/^[\s\S]*?\bWHERE\b/i, ''))}`;
      }
      if (index.unique) description.uniques.push(`${[...keys].sort().join(', ')}${predicate}`);
      else description.indexes.push(`${index.name} (${keys.join(', ')})${predicate}`);
    }
    const foreignKeys = db.prepare(`SELECT * FROM pragma_foreign_key_list(?)`).all(table) as Array<{
      id: number;
      seq: number;
      table: string;
      from: string;
      to: string;
      on_delete: string;
    }>;
    const byId = new Map<number, typeof foreignKeys>();
    for (const key of foreignKeys) byId.set(key.id, [...(byId.get(key.id) ?? []), key]);
    for (const parts of byId.values()) {
      parts.sort((a, b) => a.seq - b.seq);
      const [first] = parts;
      if (!first) continue;
      description.foreignKeys.push(
        `(${parts.map((part) => part.from).join(', ')}) → ${first.table}(${parts.map((part) => part.to).join(', ')}) ` +
          `ON DELETE ${first.on_delete.toUpperCase()}`,
      );
    }
    description.checks = (definition.replace(/--[^\n]*/g, '').match(/\bCHECK\s*\(/gi) ?? []).length;
  }
  const triggers = db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'trigger'`).all() as Array<{
    sql: string;
  }>;
  for (const trigger of triggers) {
    const { table, text } = parseTrigger(trigger.sql);
    (schema[table] ??= emptyTable()).triggers.push(text);
  }
  return sortLists(schema);
}

// ─── PostgreSQL ────────────────────────────────────────────────────────────────────────────────────────────

/** The tables PostgreSQL has and SQLite does not: the migration runner's own. */
export const POSTGRES_ONLY_TABLES = ['schema_version'];

export async function describePostgres(db: Db): Promise<SchemaDescription> {
  const schema: SchemaDescription = {};
  const columns = await db.all<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>(sql`
    SELECT c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
    FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`);
  for (const column of columns) {
    const table = (schema[column.table_name] ??= emptyTable());
    table.columns[column.column_name] = {
      type: type(column.data_type),
      notNull: column.is_nullable === 'NO',
      default: normaliseDefault(column.column_default),
    };
  }
  const indexes = await db.all<{
    table_name: string;
    index_name: string;
    is_unique: boolean;
    is_primary: boolean;
    keys: string;
    predicate: string | null;
  }>(sql`
    SELECT t.relname AS table_name, i.relname AS index_name, x.indisunique AS is_unique,
           x.indisprimary AS is_primary,
           (SELECT string_agg(pg_get_indexdef(x.indexrelid, k, true), E'\\n' ORDER BY k)
              FROM generate_series(1, x.indnkeyatts) AS k) AS keys,
           pg_get_expr(x.indpred, x.indrelid, true) AS predicate
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    JOIN pg_class t ON t.oid = x.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public'`);
  for (const index of indexes) {
    const table = (schema[index.table_name] ??= emptyTable());
    const keys = index.keys.split('\n');
    const predicate = index.predicate ? ` WHERE ${normaliseExpression(index.predicate)}` : '';
    if (index.is_primary) table.primaryKey = keys;
    else if (index.is_unique) table.uniques.push(`${[...keys].sort().join(', ')}${predicate}`);
    else table.indexes.push(`${index.index_name} (${keys.join(', ')})${predicate}`);
  }
  const constraints = await db.all<{
    table_name: string;
    kind: string;
    columns: string | null;
    target: string | null;
    target_columns: string | null;
    on_delete: string;
  }>(sql`
    SELECT t.relname AS table_name, c.contype AS kind,
           (SELECT string_agg(a.attname::text, ', ' ORDER BY k.i) FROM unnest(c.conkey) WITH ORDINALITY AS k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
           r.relname AS target,
           (SELECT string_agg(a.attname::text, ', ' ORDER BY k.i) FROM unnest(c.confkey) WITH ORDINALITY AS k(n, i)
              JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS target_columns,
           c.confdeltype AS on_delete
    FROM pg_constraint c
    JOIN pg_class t ON t.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    LEFT JOIN pg_class r ON r.oid = c.confrelid
    WHERE n.nspname = 'public' AND c.contype IN ('f', 'c')`);
  for (const constraint of constraints) {
    const table = (schema[constraint.table_name] ??= emptyTable());
    if (constraint.kind === 'c') table.checks++;
    else
      table.foreignKeys.push(
        `(${constraint.columns}) → ${constraint.target}(${constraint.target_columns}) ` +
          `ON DELETE ${ON_DELETE[constraint.on_delete] ?? constraint.on_delete}`,
      );
  }
  const triggers = await db.all<{ definition: string }>(sql`
    SELECT pg_get_triggerdef(g.oid) AS definition
    FROM pg_trigger g
    JOIN pg_class t ON t.oid = g.tgrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = 'public' AND NOT g.tgisinternal`);
  for (const trigger of triggers) {
    const { table, text } = parseTrigger(trigger.definition);
    (schema[table] ??= emptyTable()).triggers.push(text);
  }
  return sortLists(schema);
}

/** The identity columns (« GENERATED BY DEFAULT AS IDENTITY »), as « table.column ». */
export async function postgresIdentityColumns(db: Db): Promise<string[]> {
  const rows = await db.all<{ name: string }>(sql`
    SELECT table_name || '.' || column_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND is_identity = 'YES' ORDER BY 1`);
  return rows.map((row) => row.name);
}

/** The rowid aliases (a single « INTEGER PRIMARY KEY » column of a rowid table), as « table.column ». */
export function sqliteRowidAliases(db: SqliteHandle): string[] {
  const schema = describeSqlite(db);
  const aliases: string[] = [];
  for (const [table, description] of Object.entries(schema)) {
    if (description.primaryKey.length !== 1) continue;
    const [column] = description.primaryKey;
    if (column === undefined) continue;
    const withoutRowid = (
      db.prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`).get(table) as {
        sql: string;
      }
    ).sql;
    if (description.columns[column]?.type === 'integer' && !/WITHOUT\s+ROWID/i.test(withoutRowid))
      aliases.push(`${table}.${column}`);
  }
  return aliases.sort();
}
