// Which reception point this installation is bound to: its agents switch in with a PIN, its log is its own.
import type { InstallationOption, InstallationView } from '../../../common/admin/methods';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { INSTALLATION_POINT_KEY, installationPoint } from '../points/installation-point';
import { NotFoundError, RefusedError } from '../errors';
import { sql, type Db } from '../store/db';
import { writeSetting } from '../store/settings';

/** The open points, for the picker; read here rather than through the registry so the settings stand alone. */
function openPoints(db: Db): Promise<InstallationOption[]> {
  return db.all<InstallationOption>(
    sql`SELECT id, code, nom, entite, commune FROM points WHERE ouvert = 1
       ORDER BY CASE entite WHEN 'ville' THEN 1 WHEN 'metropole' THEN 2 WHEN 'ccas' THEN 3 ELSE 4 END,
                lower(nom)`,
  );
}

/** The point this installation is bound to, as the settings show and audit it. */
async function boundPoint(db: Db): Promise<InstallationView['current']> {
  const point = await installationPoint(db);
  return point && { pointId: point.pointId, nom: point.nom };
}

export async function installationView(db: Db): Promise<InstallationView> {
  return { current: await boundPoint(db), points: await openPoints(db) };
}

/** Binds the installation to an open point, or unbinds it (null); audited in the same transaction. */
export async function setInstallationPoint(
  db: Db,
  actor: Actor,
  pointId: number | null,
  now: Date,
): Promise<InstallationView> {
  await db.transaction(async (tx) => {
    const avant = await boundPoint(tx);
    if (pointId !== null) {
      const point = await tx.one<{ nom: string; ouvert: number }>(
        sql`SELECT nom, ouvert FROM points WHERE id = ${pointId}`,
      );
      if (!point) throw new NotFoundError("Ce point d'accueil n'existe pas.");
      if (point.ouvert !== 1)
        throw new RefusedError(`Le point d'accueil « ${point.nom} » est fermé : choisissez un point ouvert.`);
    }
    if ((avant?.pointId ?? null) === pointId) return;
    await writeSetting(tx, INSTALLATION_POINT_KEY, pointId);
    await recordAudit(
      tx,
      actor,
      {
        action: 'modification',
        objet: 'reglage',
        objetId: INSTALLATION_POINT_KEY,
        avant,
        apres: await boundPoint(tx),
      },
      now,
    );
  });
  return installationView(db);
}
