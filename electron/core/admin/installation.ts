// Which reception point this installation is bound to: its agents switch in with a PIN, its log is its own.
import type { InstallationOption, InstallationView } from '../../../common/admin/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { INSTALLATION_POINT_KEY, installationPoint } from '../points/installation-point';
import { NotFoundError, RefusedError } from '../errors';
import type { Db } from '../store/db';
import { writeSetting } from '../store/settings';

/** The open points, for the picker; read here rather than through the registry so the settings stand alone. */
function openPoints(db: Db): InstallationOption[] {
  return db
    .prepare(
      `SELECT id, code, nom, entite, commune FROM points WHERE ouvert = 1
       ORDER BY CASE entite WHEN 'ville' THEN 1 WHEN 'metropole' THEN 2 WHEN 'ccas' THEN 3 ELSE 4 END,
                nom COLLATE NOCASE`,
    )
    .all() as InstallationOption[];
}

export function installationView(db: Db): InstallationView {
  return { current: installationPoint(db), points: openPoints(db) };
}

/** Binds the installation to an open point, or unbinds it (null); audited in the same transaction. */
export function setInstallationPoint(
  db: Db,
  actor: Actor,
  pointId: number | null,
  now: Date,
): InstallationView {
  db.legacyTransaction(() => {
    const avant = installationPoint(db);
    if (pointId !== null) {
      const point = db.prepare('SELECT nom, ouvert FROM points WHERE id = ?').get(pointId) as
        { nom: string; ouvert: number } | undefined;
      if (!point) throw new NotFoundError("Ce point d'accueil n'existe pas.");
      if (point.ouvert !== 1)
        throw new RefusedError(`Le point d'accueil « ${point.nom} » est fermé : choisissez un point ouvert.`);
    }
    if ((avant?.pointId ?? null) === pointId) return;
    writeSetting(db, INSTALLATION_POINT_KEY, pointId);
    recordAudit(
      db,
      actor,
      {
        action: 'modification',
        objet: 'reglage',
        objetId: INSTALLATION_POINT_KEY,
        avant,
        apres: installationPoint(db),
      },
      now,
    );
  })();
  return installationView(db);
}
