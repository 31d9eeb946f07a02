// Which points hold the label on a day, from the label's history: the point's latest decision (in the order
// they were recorded, as desks/label-events.ts reads it) dated on or before the day, if it is « labellisé » or
// « renouvelé » and has not expired (desks/label-lifecycle.ts). Any day, so the annual review can ask for
// 31 December. « depuis » is the latest grant, as in the public register.
import { sql, type Db } from '../store/db';
import { pointWhere } from './filters';
import type { Filtres, PointLabellise } from '../../../common/indicateurs/types';

export async function labelledPoints(
  db: Db,
  day: string,
  filtres: Pick<Filtres, 'entite' | 'pointId'>,
): Promise<PointLabellise[]> {
  const points = pointWhere(filtres, 'p');
  return db.all<PointLabellise>(
    sql`SELECT p.id AS "pointId", p.nom, p.entite, p.type, e.statut, e.expire_le AS "expireLe",
               coalesce((SELECT max(g.date) FROM label_evenements g
                         WHERE g.point_id = p.id AND g.action = 'accorder' AND g.date <= ${day}), e.date) AS depuis
        FROM points p
        JOIN label_evenements e ON e.id = (
          SELECT max(l.id) FROM label_evenements l WHERE l.point_id = p.id AND l.date <= ${day})
        WHERE e.statut IN ('labellise', 'renouvele') AND (e.expire_le IS NULL OR e.expire_le >= ${day})
          AND ${points}
        ORDER BY lower(p.nom), p.id`,
  );
}
