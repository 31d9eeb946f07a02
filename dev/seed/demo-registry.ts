// The demo registries of Montrouval: about fifty reception points of the Ville, the Métropole, the CCAS and
// their partners, some 150 agents with their assignments, three years of training sessions with attendance,
// and the label histories taken over from the label managers' spreadsheets. Deterministic: the same `now`
// gives the same rows, and every date is relative to it, so the demo never goes stale.
import { SYSTEM_ACTOR, recordAudit } from '../../electron/core/audit/record';
import { parisDay } from '../../common/dates';
import type { Db } from '../../electron/core/store/db';
import { labelHistory } from './demo-labels';
import type { DemoPoint } from './demo-points';
import { DEMO_POINTS } from './demo-points';
import { formerAgents, otherTrainings, staffPoint } from './demo-teams';
import type { StaffContext } from './demo-teams';
import { TrainingCalendar } from './demo-training';
import { DemoWriter } from './demo-writer';
import { seededRandom } from './random';

export interface DemoSummary {
  points: number;
  agents: number;
  affectations: number;
  sessions: number;
  presences: number;
  evenements: number;
}

const SEED = 99150;

function count(db: Db, table: string): number {
  return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
}

/**
 * Fills the registries with the demo, only when there is no reception point yet (a real installation, or a
 * demo already seeded, is left alone); returns what was added, or null. One audit row, by the system, says so.
 */
export function seedDemoRegistry(db: Db, now: Date): DemoSummary | null {
  return db.legacyTransaction(() => {
    if (db.prepare('SELECT 1 FROM points LIMIT 1').get() !== undefined) return null;
    const today = parisDay(now);
    const random = seededRandom(SEED);
    const writer = new DemoWriter(db, random, now.toISOString());
    const calendar = new TrainingCalendar(today, random, (...args) => writer.session(...args));
    const ctx: StaffContext = { writer, calendar, random, today, pointIds: [], active: [] };

    const open = new Map<number, DemoPoint>();
    for (const spec of DEMO_POINTS) {
      const pointId = writer.point(spec);
      const history = labelHistory(spec.label, today);
      for (const event of history) writer.event(pointId, event);
      // A closed point closed when its label was withdrawn.
      const closedOn = spec.ouvert === false ? (history.at(-1)?.date ?? today) : null;
      staffPoint(ctx, pointId, spec, closedOn);
      if (spec.ouvert !== false) {
        open.set(pointId, spec);
        ctx.pointIds.push(pointId);
      }
    }
    formerAgents(ctx, open, 8);
    otherTrainings(ctx);

    const summary: DemoSummary = {
      points: count(db, 'points'),
      agents: count(db, 'agents'),
      affectations: count(db, 'affectations'),
      sessions: count(db, 'sessions_formation'),
      presences: count(db, 'presences'),
      evenements: count(db, 'label_evenements'),
    };
    recordAudit(db, SYSTEM_ACTOR, { action: 'import', objet: 'demo', objetId: null, apres: summary }, now);
    return summary;
  })();
}
