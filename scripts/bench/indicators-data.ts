// The registries beside a year of log, for the dashboard and annual-review benches: label decisions on the
// points (about two thirds labelled, some renewed, suspended or withdrawn during the year), agents assigned to
// them, and Info'Cité training sessions with attendance. Deterministic (seeded), one transaction.
import type { Db } from '../../electron/core/store/db';
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

export function generateRegistries(db: Db, options: RegistryDataOptions): RegistryDataSummary {
  const random = seededRandom(options.seed ?? 20_250_505);
  const { year } = options;
  const perPoint = options.agentsPerPoint ?? 4;
  const summary: RegistryDataSummary = { labelEvents: 0, agents: 0, sessions: 0, presences: 0 };
  const stamp = `${year}-01-01T00:00:00.000Z`;
  db.legacyTransaction(() => {
    const event = db.prepare(
      `INSERT INTO label_evenements (point_id, action, statut, date, expire_le, motif, decide_par_nom, enregistre_le)
       VALUES (?, ?, ?, ?, ?, ?, 'banc d’essai', ?)`,
    );
    const addEvent = (
      point: number,
      action: string,
      statut: string,
      date: string,
      expire: string | null,
      motif: string | null = null,
    ) => {
      event.run(point, action, statut, date, expire, motif, stamp);
      summary.labelEvents++;
    };
    options.pointIds.forEach((point, index) => {
      // Two points in three hold the label, granted one to three years earlier for three years.
      if (index % 3 === 2) return;
      const granted = day(year - 1 - (index % 3), 1 + (index % 12), 1 + (index % 27));
      addEvent(point, 'demander', 'demande', granted, null);
      addEvent(
        point,
        'accorder',
        'labellise',
        granted,
        `${Number(granted.slice(0, 4)) + 3}${granted.slice(4)}`,
      );
      if (index % 10 === 0)
        addEvent(point, 'suspendre', 'suspendu', day(year, 6, 15), null, 'agents non formés');
      else if (index % 7 === 0)
        addEvent(point, 'renouveler', 'renouvele', day(year, 3, 10), day(year + 3, 3, 10));
    });

    const agent = db.prepare(
      "INSERT INTO agents (nom, prenom, service, cree_le) VALUES (?, ?, 'Accueil', ?) RETURNING id",
    );
    const assign = db.prepare(
      'INSERT INTO affectations (agent_id, point_id, debut, fin) VALUES (?, ?, ?, ?)',
    );
    const agentIds: number[] = [];
    options.pointIds.forEach((point, index) => {
      for (let n = 0; n < perPoint; n++) {
        const id = agent.pluck().get(`Agent ${index + 1}-${n + 1}`, 'Banc', stamp) as number;
        agentIds.push(id);
        summary.agents++;
        const leaves =
          random() < 0.1 ? day(year, 1 + Math.floor(random() * 12), 1 + Math.floor(random() * 28)) : null;
        assign.run(id, point, day(year - 2, 1 + Math.floor(random() * 12), 1), leaves);
      }
    });

    const session = db.prepare(
      "INSERT INTO sessions_formation (type, date, formateur, lieu, cree_le) VALUES (?, ?, 'Formateur', 'Salle', ?) RETURNING id",
    );
    const presence = db.prepare('INSERT INTO presences (session_id, agent_id, statut) VALUES (?, ?, ?)');
    for (const y of [year - 2, year - 1, year]) {
      for (let month = 1; month <= 12; month += 1) {
        const type = month % 4 === 0 ? 'accueil' : 'infocite';
        const id = session.pluck().get(type, day(y, month, 12), stamp) as number;
        summary.sessions++;
        for (const agentId of agentIds) {
          if (random() < 0.05) {
            presence.run(id, agentId, random() < 0.9 ? 'present' : 'absent');
            summary.presences++;
          }
        }
      }
    }
  })();
  return summary;
}
