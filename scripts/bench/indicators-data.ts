// The registries beside a year of log, for the dashboard and annual-review benches: label decisions on the
// points (about two thirds labelled, some renewed, suspended or withdrawn during the year), agents assigned to
// them, and Info'Cité training sessions with attendance. Deterministic (seeded), one transaction.
import { sql, type Db } from '../../electron/core/store/db';
import { seededRandom } from './synthetic-corpus';

export interface RegistryDataOptions {
  year: number;
  pointIds: readonly number[];
  agentsPerPoint?: number;
  seed?: number;
}

export interface RegistryDataSummary {
  labelEvents: number;
  agents: number;
  sessions: number;
  presences: number;
}

function day(year: number, month: number, date: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

export async function generateRegistries(db: Db, options: RegistryDataOptions): Promise<RegistryDataSummary> {
  const random = seededRandom(options.seed ?? 20_250_505);
  const { year } = options;
  const perPoint = options.agentsPerPoint ?? 4;
  const summary: RegistryDataSummary = { labelEvents: 0, agents: 0, sessions: 0, presences: 0 };
  const stamp = `${year}-01-01T00:00:00.000Z`;
  await db.transaction(async (tx) => {
    const addEvent = async (
      point: number,
      action: string,
      statut: string,
      date: string,
      expire: string | null,
      motif: string | null = null,
    ): Promise<void> => {
      await tx.run(
        sql`INSERT INTO label_evenements (point_id, action, statut, date, expire_le, motif, decide_par_nom, enregistre_le)
            VALUES (${point}, ${action}, ${statut}, ${date}, ${expire}, ${motif}, 'banc d’essai', ${stamp})`,
      );
      summary.labelEvents++;
    };
    for (const [index, point] of options.pointIds.entries()) {
      // Two points in three hold the label, granted one to three years earlier for three years.
      if (index % 3 === 2) continue;
      const granted = day(year - 1 - (index % 3), 1 + (index % 12), 1 + (index % 27));
      await addEvent(point, 'demander', 'demande', granted, null);
      await addEvent(
        point,
        'accorder',
        'labellise',
        granted,
        `${Number(granted.slice(0, 4)) + 3}${granted.slice(4)}`,
      );
      if (index % 10 === 0)
        await addEvent(point, 'suspendre', 'suspendu', day(year, 6, 15), null, 'agents non formés');
      else if (index % 7 === 0)
        await addEvent(point, 'renouveler', 'renouvele', day(year, 3, 10), day(year + 3, 3, 10));
    }

    const agentIds: number[] = [];
    for (const [index, point] of options.pointIds.entries()) {
      for (let n = 0; n < perPoint; n++) {
        const id = Number(
          await tx.value<number>(
            sql`INSERT INTO agents (nom, prenom, service, cree_le)
                VALUES (${`Agent ${index + 1}-${n + 1}`}, 'Banc', 'Accueil', ${stamp}) RETURNING id`,
          ),
        );
        agentIds.push(id);
        summary.agents++;
        const leaves =
          random() < 0.1 ? day(year, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)) : null;
        await tx.run(
          sql`INSERT INTO affectations (agent_id, point_id, debut, fin)
              VALUES (${id}, ${point}, ${day(year - 2, 1 + Math.floor(random() * 12), 1)}, ${leaves})`,
        );
      }
    }

    for (const y of [year - 2, year - 1, year]) {
      for (let month = 1; month <= 12; month += 1) {
        const type = month % 4 === 0 ? 'accueil' : 'infocite';
        const id = Number(
          await tx.value<number>(
            sql`INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le)
                VALUES (${type}, ${day(y, month, 12)}, 'Formateur', 'Salle', ${stamp}) RETURNING id`,
          ),
        );
        summary.sessions++;
        for (const agentId of agentIds) {
          if (random() < 0.05) {
            const statut = random() < 0.9 ? 'present' : 'absent';
            await tx.run(
              sql`INSERT INTO presences (session_id, agent_id, statut) VALUES (${id}, ${agentId}, ${statut})`,
            );
            summary.presences++;
          }
        }
      }
    }
  });
  return summary;
}
