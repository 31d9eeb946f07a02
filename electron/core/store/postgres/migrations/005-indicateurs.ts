import type { PostgresMigration } from './types';

// SQLite's 005: the objectives, and the running counts of the log kept by triggers in the very statement that
// writes an entry (see the SQLite migration for the tables' purpose). Each SQLite trigger is a PL/pgSQL function
// and a trigger of the same name, doing the same statements in the same order:
//
//   - an upsert adds `sign` × the row's counts; PostgreSQL needs the conflict target (the key columns) and the
//     table's name on the existing value: « SET nombre = indicateurs_jour.nombre + excluded.nombre »;
//   - « duree_s IS NOT NULL » is a boolean here: cast to integer to be counted;
//   - SQLite's strftime('%u', jour) (1 = Monday … 7 = Sunday) is extract(isodow FROM jour::date).
//
// This file keeps its own copy of the generator: a landed migration never changes, even if SQLite's does.

/** The trigger's row, or J: the entry a fiche row belongs to, joined as « journal J ». */
type Row = 'NEW' | 'OLD' | 'J';

function upsert(
  table: string,
  keys: Record<string, string>,
  sums: Record<string, string>,
  sign: 1 | -1,
  from = '',
  where = 'true',
): string {
  const columns = [...Object.keys(keys), ...Object.keys(sums)].join(', ');
  const values = [...Object.values(keys), ...Object.values(sums).map((value) => `${sign} * (${value})`)].join(
    ', ',
  );
  const update = Object.keys(sums)
    .map((column) => `${column} = ${table}.${column} + excluded.${column}`)
    .join(', ');
  return `INSERT INTO ${table} (${columns}) SELECT ${values} ${from} WHERE ${where}
    ON CONFLICT (${Object.keys(keys).join(', ')}) DO UPDATE SET ${update};`;
}

/** Deletes the rows of `table` at `keys` that fell to zero. A key given as « IN (…) » matches a set. */
function prune(table: string, keys: Record<string, string>): string {
  const conditions = Object.entries(keys).map(([column, value]) =>
    value.startsWith('IN ') ? `${column} ${value}` : `${column} = ${value}`,
  );
  return `DELETE FROM ${table} WHERE nombre = 0 AND ${conditions.join(' AND ')};`;
}

const month = (row: Row) => `substr(${row}.jour, 1, 7)`;
const point = (row: Row) => `coalesce(${row}.point_id, 0)`;
const weekday = (day: string) => `CAST(extract(isodow FROM CAST(${day} AS date)) AS INTEGER)`;

// ─── Entries of the log (journal) ──────────────────────────────────────────────────────────────────────────

function outcomeKeys(row: Row): Record<string, string> {
  return {
    jour: `${row}.jour`,
    issue: `${row}.issue`,
    motif: `coalesce(${row}.motif, '')`,
    point_id: point(row),
    canal: `${row}.canal`,
  };
}

const ORIENTED = (row: Row, service: string) =>
  `${row}.issue IN ('oriente_fiche', 'oriente_autre') AND ${service} IS NOT NULL AND ${service} <> ''`;

function serviceKeys(row: Row, service: string): [Record<string, string>, Record<string, string>] {
  return [
    { jour: `${row}.jour`, point_id: point(row), canal: `${row}.canal`, service_id: service },
    { mois: month(row), service_id: service, point_id: point(row), canal: `${row}.canal` },
  ];
}

function hourKeys(row: Row): [Record<string, string>, Record<string, string>] {
  return [
    { jour: `${row}.jour`, point_id: point(row), canal: `${row}.canal`, heure: `${row}.heure` },
    {
      mois: month(row),
      jour_semaine: weekday(`${row}.jour`),
      heure: `${row}.heure`,
      point_id: point(row),
      canal: `${row}.canal`,
    },
  ];
}

function countEntry(row: Row, sign: 1 | -1): string {
  const [serviceDay, serviceMonth] = serviceKeys(row, `${row}.service_id`);
  const [hourDay, hourMonth] = hourKeys(row);
  const oriented = ORIENTED(row, `${row}.service_id`);
  return [
    upsert(
      'indicateurs_jour',
      outcomeKeys(row),
      {
        nombre: '1',
        duree_totale_s: `coalesce(${row}.duree_s, 0)`,
        duree_nombre: `CAST(${row}.duree_s IS NOT NULL AS INTEGER)`,
      },
      sign,
    ),
    upsert('indicateurs_service_jour', serviceDay, { nombre: '1' }, sign, '', oriented),
    upsert('indicateurs_service_mois', serviceMonth, { nombre: '1' }, sign, '', oriented),
    upsert('indicateurs_heure_jour', hourDay, { nombre: '1' }, sign),
    upsert('indicateurs_heure_mois', hourMonth, { nombre: '1' }, sign),
  ].join('\n');
}

function pruneEntry(row: Row): string {
  const [serviceDay, serviceMonth] = serviceKeys(row, `${row}.service_id`);
  const [hourDay, hourMonth] = hourKeys(row);
  return [
    prune('indicateurs_jour', outcomeKeys(row)),
    prune('indicateurs_service_jour', serviceDay),
    prune('indicateurs_service_mois', serviceMonth),
    prune('indicateurs_heure_jour', hourDay),
    prune('indicateurs_heure_mois', hourMonth),
  ].join('\n');
}

function ficheKeys(row: Row, fiche: string): [Record<string, string>, Record<string, string>] {
  return [
    { jour: `${row}.jour`, point_id: point(row), canal: `${row}.canal`, fiche_id: fiche },
    { mois: month(row), fiche_id: fiche, point_id: point(row), canal: `${row}.canal` },
  ];
}

function countFiches(row: Row, sign: 1 | -1): string {
  const [day, monthly] = ficheKeys(row, 'journal_fiches.fiche_id');
  const where = `journal_fiches.entree_id = ${row}.id`;
  const statements = [
    upsert('indicateurs_fiche_jour', day, { nombre: '1' }, sign, 'FROM journal_fiches', where),
    upsert('indicateurs_fiche_mois', monthly, { nombre: '1' }, sign, 'FROM journal_fiches', where),
  ];
  if (sign === -1) {
    const fiches = `IN (SELECT fiche_id FROM journal_fiches WHERE entree_id = ${row}.id)`;
    const [dayKeys, monthKeys] = ficheKeys(row, fiches);
    statements.push(prune('indicateurs_fiche_jour', dayKeys), prune('indicateurs_fiche_mois', monthKeys));
  }
  return statements.join('\n');
}

function countOneFiche(row: Row, sign: 1 | -1): string {
  const [day, monthly] = ficheKeys('J', `${row}.fiche_id`);
  const where = `J.id = ${row}.entree_id`;
  const statements = [
    upsert('indicateurs_fiche_jour', day, { nombre: '1' }, sign, 'FROM journal J', where),
    upsert('indicateurs_fiche_mois', monthly, { nombre: '1' }, sign, 'FROM journal J', where),
  ];
  if (sign === -1) {
    const entry = `(SELECT %s FROM journal WHERE id = ${row}.entree_id)`;
    const of = (column: string) => entry.replace('%s', column);
    statements.push(
      `DELETE FROM indicateurs_fiche_jour WHERE nombre = 0 AND fiche_id = ${row}.fiche_id
         AND jour = ${of('jour')} AND point_id = ${of('coalesce(point_id, 0)')} AND canal = ${of('canal')};`,
      `DELETE FROM indicateurs_fiche_mois WHERE nombre = 0 AND fiche_id = ${row}.fiche_id
         AND mois = ${of('substr(jour, 1, 7)')} AND point_id = ${of('coalesce(point_id, 0)')}
         AND canal = ${of('canal')};`,
    );
  }
  return statements.join('\n');
}

// ─── Daily counts left by retention (journal_quotidien) ───────────────────────────────────────────────────

function dailyKeys(row: Row): Record<string, string> {
  return {
    jour: `${row}.jour`,
    issue: `${row}.issue`,
    motif: `${row}.motif`,
    point_id: `${row}.point_id`,
    canal: `${row}.canal`,
  };
}

function countDaily(row: Row, sign: 1 | -1): string {
  const [serviceDay, serviceMonth] = serviceKeys(row, `${row}.service_id`);
  const oriented = ORIENTED(row, `${row}.service_id`);
  const n = `${row}.nombre`;
  return [
    upsert(
      'indicateurs_jour',
      dailyKeys(row),
      { nombre: n, duree_totale_s: `${row}.duree_totale_s`, duree_nombre: `${row}.duree_nombre` },
      sign,
    ),
    upsert('indicateurs_service_jour', serviceDay, { nombre: n }, sign, '', oriented),
    upsert('indicateurs_service_mois', serviceMonth, { nombre: n }, sign, '', oriented),
  ].join('\n');
}

function pruneDaily(row: Row): string {
  const [serviceDay, serviceMonth] = serviceKeys(row, `${row}.service_id`);
  return [
    prune('indicateurs_jour', dailyKeys(row)),
    prune('indicateurs_service_jour', serviceDay),
    prune('indicateurs_service_mois', serviceMonth),
  ].join('\n');
}

/**
 * A PL/pgSQL function and a row trigger of the same name. An AFTER trigger's result is ignored; a BEFORE DELETE
 * one must return OLD for the row to be deleted.
 */
function trigger(name: string, when: string, table: string, body: string[]): string {
  const result = when.startsWith('BEFORE') ? 'OLD' : 'NULL';
  return `
    CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $body$
    BEGIN
      ${body.join('\n')}
      RETURN ${result};
    END;
    $body$;
    CREATE TRIGGER ${name} ${when} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${name}();
  `;
}

export const postgresMigration005: PostgresMigration = {
  version: 5,
  name: 'indicateurs et objectifs',
  sql: `
    -- One objective per indicator; the codes are checked by the API (the list grows without a migration).
    CREATE TABLE objectifs (
      indicateur TEXT PRIMARY KEY,
      cible DOUBLE PRECISION NOT NULL,
      sens TEXT NOT NULL CHECK (sens IN ('au_moins', 'au_plus')),
      marge DOUBLE PRECISION NOT NULL DEFAULT 5 CHECK (marge >= 0)
    );
    INSERT INTO objectifs (indicateur, cible, sens, marge) VALUES
      ('taux_premier_niveau', 80, 'au_moins', 5),
      ('taux_non_resolu', 5, 'au_plus', 2),
      ('couverture_formation', 90, 'au_moins', 5),
      ('points_labellises', 34, 'au_moins', 2);

    CREATE TABLE indicateurs_jour (
      jour TEXT NOT NULL,
      issue TEXT NOT NULL,
      motif TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      duree_totale_s INTEGER NOT NULL,
      duree_nombre INTEGER NOT NULL,
      PRIMARY KEY (jour, issue, motif, point_id, canal)
    );

    CREATE TABLE indicateurs_service_jour (
      jour TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      service_id TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (jour, point_id, canal, service_id)
    );

    CREATE TABLE indicateurs_service_mois (
      mois TEXT NOT NULL,
      service_id TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (mois, service_id, point_id, canal)
    );

    CREATE TABLE indicateurs_heure_jour (
      jour TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      heure INTEGER NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (jour, point_id, canal, heure)
    );

    CREATE TABLE indicateurs_heure_mois (
      mois TEXT NOT NULL,
      jour_semaine INTEGER NOT NULL, -- 1 = Monday … 7 = Sunday
      heure INTEGER NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (mois, jour_semaine, heure, point_id, canal)
    );

    CREATE TABLE indicateurs_fiche_jour (
      jour TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      fiche_id TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (jour, point_id, canal, fiche_id)
    );

    CREATE TABLE indicateurs_fiche_mois (
      mois TEXT NOT NULL,
      fiche_id TEXT NOT NULL,
      point_id INTEGER NOT NULL,
      canal TEXT NOT NULL,
      nombre INTEGER NOT NULL,
      PRIMARY KEY (mois, fiche_id, point_id, canal)
    );

    ${trigger('journal_indicateurs_insert', 'AFTER INSERT', 'journal', [countEntry('NEW', 1)])}

    -- BEFORE: the entry's fiches, which the cascade deletes, are still there to be counted out.
    ${trigger('journal_indicateurs_delete', 'BEFORE DELETE', 'journal', [
      countEntry('OLD', -1),
      pruneEntry('OLD'),
      countFiches('OLD', -1),
    ])}

    ${trigger(
      'journal_indicateurs_update',
      'AFTER UPDATE OF jour, heure, point_id, canal, issue, motif, service_id, duree_s',
      'journal',
      [countEntry('OLD', -1), pruneEntry('OLD'), countEntry('NEW', 1)],
    )}

    -- Only these columns of an entry are in the keys of its fiches' counts.
    ${trigger('journal_indicateurs_update_fiches', 'AFTER UPDATE OF jour, point_id, canal', 'journal', [
      countFiches('OLD', -1),
      countFiches('NEW', 1),
    ])}

    ${trigger('journal_fiches_indicateurs_insert', 'AFTER INSERT', 'journal_fiches', [countOneFiche('NEW', 1)])}

    -- A fiche taken off an entry that stays. When the entry itself is deleted, it is gone by the time the
    -- cascade removes its fiches, so this finds nothing: its BEFORE DELETE trigger counted them out.
    ${trigger('journal_fiches_indicateurs_delete', 'AFTER DELETE', 'journal_fiches', [countOneFiche('OLD', -1)])}

    ${trigger('journal_quotidien_indicateurs_insert', 'AFTER INSERT', 'journal_quotidien', [countDaily('NEW', 1)])}

    ${trigger('journal_quotidien_indicateurs_update', 'AFTER UPDATE', 'journal_quotidien', [
      countDaily('OLD', -1),
      pruneDaily('OLD'),
      countDaily('NEW', 1),
    ])}

    ${trigger('journal_quotidien_indicateurs_delete', 'AFTER DELETE', 'journal_quotidien', [
      countDaily('OLD', -1),
      pruneDaily('OLD'),
    ])}

    -- The content-gap report.
    CREATE INDEX recherches_sans_resultat ON recherches (jour, point_id, requete) WHERE resultats = 0;
    CREATE INDEX recherches_entree_requete ON recherches (entree_id, requete);
    CREATE INDEX journal_non_resolu ON journal (jour, point_id, canal) WHERE issue = 'non_resolu';

    -- SQLite's backfill: a database that already holds entries or daily counts counts them once (a no-op on a
    -- new PostgreSQL database, kept so the two migrations do the same thing).
    INSERT INTO indicateurs_jour
    SELECT jour, issue, motif, point_id, canal, sum(nombre), sum(duree), sum(timed) FROM (
      SELECT jour, issue, coalesce(motif, '') AS motif, coalesce(point_id, 0) AS point_id, canal, 1 AS nombre,
             coalesce(duree_s, 0) AS duree, CAST(duree_s IS NOT NULL AS INTEGER) AS timed FROM journal
      UNION ALL
      SELECT jour, issue, motif, point_id, canal, nombre, duree_totale_s, duree_nombre FROM journal_quotidien
    ) AS counted GROUP BY 1, 2, 3, 4, 5;

    CREATE TEMP TABLE orientations ON COMMIT DROP AS
    SELECT jour, coalesce(point_id, 0) AS point_id, canal, service_id, 1 AS nombre FROM journal
    WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id IS NOT NULL AND service_id <> ''
    UNION ALL
    SELECT jour, point_id, canal, service_id, nombre FROM journal_quotidien
    WHERE issue IN ('oriente_fiche', 'oriente_autre') AND service_id <> '';
    INSERT INTO indicateurs_service_jour SELECT jour, point_id, canal, service_id, sum(nombre)
    FROM orientations GROUP BY 1, 2, 3, 4;
    INSERT INTO indicateurs_service_mois SELECT substr(jour, 1, 7), service_id, point_id, canal, sum(nombre)
    FROM orientations GROUP BY 1, 2, 3, 4;
    DROP TABLE orientations;

    INSERT INTO indicateurs_heure_jour
    SELECT jour, coalesce(point_id, 0), canal, heure, count(*) FROM journal GROUP BY 1, 2, 3, 4;
    INSERT INTO indicateurs_heure_mois
    SELECT substr(jour, 1, 7), ${weekday('jour')}, heure, coalesce(point_id, 0), canal, count(*)
    FROM journal GROUP BY 1, 2, 3, 4, 5;

    INSERT INTO indicateurs_fiche_jour
    SELECT j.jour, coalesce(j.point_id, 0), j.canal, f.fiche_id, count(*)
    FROM journal_fiches f JOIN journal j ON j.id = f.entree_id GROUP BY 1, 2, 3, 4;
    INSERT INTO indicateurs_fiche_mois
    SELECT substr(j.jour, 1, 7), f.fiche_id, coalesce(j.point_id, 0), j.canal, count(*)
    FROM journal_fiches f JOIN journal j ON j.id = f.entree_id GROUP BY 1, 2, 3, 4;
  `,
};
