// The demo registries of Montrouval: about fifty reception points of the Ville, the Métropole, the CCAS and
// their partners, some 150 agents with their assignments, three years of training sessions with attendance,
// and the label histories taken over from the label managers' spreadsheets. Deterministic: the same `now`
// gives the same rows, and every date is relative to it, so the demo never goes stale.
import { SYSTEM_ACTOR, recordAudit } from '../../electron/core/audit/record';
import { parisDay } from '../../common/dates';
import { sql, type Db } from '../../electron/core/store/db';
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

/** The demo's tables, named here only (never from input). */
type DemoTable =
  'points' | 'agents' | 'affectations' | 'sessions_formation' | 'presences' | 'label_evenements';

async function count(db: Db, table: DemoTable): Promise<number> {
  return Number(await db.value(sql`SELECT count(*) FROM ${sql.ref(table)}`));
}

/**
 * Fills the registries with the demo, only when there is no reception point yet (a real installation, or a
 * demo already seeded, is left alone); returns what was added, or null. One audit row, by the system, says so.
 * One transaction: the check that the registry is empty and every row, or nothing.
 */
export async function seedDemoRegistry(db: Db, now: Date): Promise<DemoSummary | null> {
  return db.transaction(async (tx) => {
    if ((await tx.one(sql`SELECT 1 AS found FROM points LIMIT 1`)) !== undefined) return null;
    const today = parisDay(now);
    const random = seededRandom(SEED);
    const writer = new DemoWriter(tx, random, now.toISOString());
    const calendar = await TrainingCalendar.create(today, random, (...args) => writer.session(...args));
    const ctx: StaffContext = { writer, calendar, random, today, pointIds: [], active: [] };

    const open = new Map<number, DemoPoint>();
    for (const spec of DEMO_POINTS) {
      const pointId = await writer.point(spec);
      const history = labelHistory(spec.label, today);
      for (const event of history) await writer.event(pointId, event);
      // A closed point closed when its label was withdrawn.
      const closedOn = spec.ouvert === false ? (history.at(-1)?.date ?? today) : null;
      await staffPoint(ctx, pointId, spec, closedOn);
      if (spec.ouvert !== false) {
        open.set(pointId, spec);
        ctx.pointIds.push(pointId);
      }
    }
    await formerAgents(ctx, open, 8);
    await otherTrainings(ctx);

    const summary: DemoSummary = {
      points: await count(tx, 'points'),
      agents: await count(tx, 'agents'),
      affectations: await count(tx, 'affectations'),
      sessions: await count(tx, 'sessions_formation'),
      presences: await count(tx, 'presences'),
      evenements: await count(tx, 'label_evenements'),
    };
    await recordAudit(
      tx,
      SYSTEM_ACTOR,
      { action: 'import', objet: 'demo', objetId: null, apres: summary },
      now,
    );
    return summary;
  });
}
