// Refreshers due: the active agents assigned to a point today whose latest training of some type has expired
// or expires within N days. An agent never trained in a type is not listed here: that is a first training,
// not a refresher (the agents list filters those with « non formé »).
import type { RefresherRow } from '../../../common/formations/methods';
import { parisDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';
import { currentPoints } from '../agents/affectations';
import { attendedDays } from './attended';
import { trainingStatus } from './training-status';
import { listTrainingTypes } from './training-types';

export async function refreshersDue(db: Db, withinDays: number, now: Date): Promise<RefresherRow[]> {
  const today = parisDay(now);
  const points = await currentPoints(db, today);
  const attended = await attendedDays(db);
  const types = await listTrainingTypes(db);
  const agents = await db.all<RefresherRow['agent']>(
    sql`SELECT id, nom, prenom, service FROM agents WHERE actif = 1 ORDER BY id`,
  );
  const rows: RefresherRow[] = [];
  for (const agent of agents) {
    const assigned = points.get(agent.id);
    if (!assigned) continue;
    for (const type of types) {
      const status = trainingStatus(
        attended.get(agent.id)?.get(type.code) ?? [],
        type.validiteMois,
        today,
        withinDays,
      );
      if (status.etat !== 'a_recycler' && status.etat !== 'expiree') continue;
      // Both are set once a training that expires was attended.
      if (!status.derniere || !status.valideJusquau || !status.recyclageLe || status.joursRestants === null)
        continue;
      rows.push({
        agent,
        type: { code: type.code, libelle: type.libelle },
        derniere: status.derniere,
        valideJusquau: status.valideJusquau,
        recyclageLe: status.recyclageLe,
        joursRestants: status.joursRestants,
        etat: status.etat,
        points: assigned,
      });
    }
  }
  return rows.sort(
    (a, b) =>
      a.valideJusquau.localeCompare(b.valideJusquau) ||
      a.agent.nom.localeCompare(b.agent.nom, 'fr') ||
      a.agent.prenom.localeCompare(b.agent.prenom, 'fr'),
  );
}
