// Who works at each demo point, and which trainings they attended: built so that every labelled point meets
// the label's rule today, except the one meant to be « à régulariser », and so that the two points of the
// label's e2e test are on either side of the rule.
import { addDaysToDay } from '../../common/dates';
import type { DemoPoint } from './demo-points';
import type { DemoWriter } from './demo-writer';
import type { TrainingCalendar } from './demo-training';
import { daysBefore } from './demo-training';
import type { Random } from './random';

export interface StaffContext {
  writer: DemoWriter;
  calendar: TrainingCalendar;
  random: Random;
  today: string;
  /** Every point created so far: where a transferred agent worked before. */
  pointIds: number[];
  /** Active agents currently assigned somewhere: the other trainings' attendees are drawn from them. */
  active: number[];
}

// Windows, in days before today, for an Info'Cité training (valid 24 months, that is 730 days or more).
/** Valid, and not due for a refresher within 90 days. */
const VALID: [number, number] = [60, 630];
/** Still valid, but its refresher falls due within the next 90 days. */
const DUE_SOON: [number, number] = [650, 715];
/** Lapsed. */
const EXPIRED: [number, number] = [760, 900];

/** A present attendance at an Info'Cité session in the window; sometimes an earlier one, or an absence. */
async function trainInfocite(
  ctx: StaffContext,
  agentId: number,
  [min, max]: [number, number],
): Promise<void> {
  const { calendar, random, writer, today } = ctx;
  const latest = calendar.between('infocite', min, max);
  await writer.attend(latest.id, agentId, 'present');
  const age = daysBefore(today, latest.date);
  if (random.chance(0.4)) {
    // The training before: the agent has been through a refresher already.
    const earlier = calendar.find('infocite', age + 600, Math.min(age + 720, 1090));
    if (earlier) await writer.attend(earlier.id, agentId, 'present');
  }
  if (random.chance(0.12)) {
    const missed = calendar.find('infocite', age + 30, age + 200);
    if (missed) await writer.attend(missed.id, agentId, 'absent');
  }
}

/** An agent assigned here for more than three months; now and then one who worked at another point before. */
async function veteran(
  ctx: StaffContext,
  pointId: number,
  spec: DemoPoint,
  minDays = 120,
  maxDays = 2400,
): Promise<number> {
  const { random, today, writer } = ctx;
  const agentId = await writer.agent(spec.entite, spec.service);
  const since = random.int(minDays, maxDays);
  const debut = addDaysToDay(today, -since);
  await writer.assign(agentId, pointId, debut);
  const others = ctx.pointIds.filter((id) => id !== pointId);
  if (others.length > 0 && random.chance(0.15)) {
    const before = random.int(200, 1200);
    await writer.assign(agentId, random.pick(others), addDaysToDay(debut, -before), addDaysToDay(debut, -1));
  }
  ctx.active.push(agentId);
  return agentId;
}

/** An agent who arrived less than three months ago: in integration, registered for the next session. */
async function newcomer(ctx: StaffContext, pointId: number, spec: DemoPoint): Promise<number> {
  const { random, today, writer, calendar } = ctx;
  const agentId = await writer.agent(spec.entite, spec.service);
  await writer.assign(agentId, pointId, addDaysToDay(today, -random.int(10, 75)));
  const next = calendar.next('infocite');
  if (next) await writer.attend(next.id, agentId, 'inscrit');
  ctx.active.push(agentId);
  return agentId;
}

/** Creates the agents of one point, their assignments and their Info'Cité trainings. */
export async function staffPoint(
  ctx: StaffContext,
  pointId: number,
  spec: DemoPoint,
  closedOn: string | null,
): Promise<void> {
  const { random } = ctx;
  switch (spec.team) {
    case 'forme': {
      const count = spec.agents ?? random.int(2, 3);
      for (let i = 0; i < count; i++) {
        const agentId = await veteran(ctx, pointId, spec);
        await trainInfocite(ctx, agentId, i === 0 && random.chance(0.4) ? DUE_SOON : VALID);
      }
      if (random.chance(0.35)) await newcomer(ctx, pointId, spec);
      return;
    }
    case 'expiree': {
      // Trained before the grant; two of them have not been back since, and their training has lapsed.
      const count = spec.agents ?? 3;
      for (let i = 0; i < count; i++)
        await trainInfocite(ctx, await veteran(ctx, pointId, spec, 800), i === 0 ? VALID : EXPIRED);
      return;
    }
    case 'nord': {
      // The rule is met: three agents there for months, all trained within the last year or so.
      for (let i = 0; i < 3; i++)
        await trainInfocite(ctx, await veteran(ctx, pointId, spec, 200, 1500), [90, 400]);
      return;
    }
    case 'sud': {
      // The rule is not met: of three agents there for months, one trained, one never, one lapsed.
      await trainInfocite(ctx, await veteran(ctx, pointId, spec, 200, 1500), [90, 400]);
      await veteran(ctx, pointId, spec, 200, 1500);
      await trainInfocite(ctx, await veteran(ctx, pointId, spec, 200, 1500), [800, 950]);
      return;
    }
    case 'mixte': {
      const count = spec.agents ?? random.int(2, 4);
      for (let i = 0; i < count; i++) {
        const agentId = random.chance(0.25)
          ? await newcomer(ctx, pointId, spec)
          : await veteran(ctx, pointId, spec);
        if (random.chance(0.5)) await trainInfocite(ctx, agentId, [60, 1000]);
      }
      return;
    }
    case 'ferme': {
      // The point closed: its agents have left (their assignments end on the closing day).
      const fin = closedOn ?? ctx.today;
      for (let i = 0; i < (spec.agents ?? 2); i++) {
        const agentId = await ctx.writer.agent(spec.entite, spec.service, false);
        await ctx.writer.assign(agentId, pointId, addDaysToDay(fin, -random.int(400, 1500)), fin);
        if (random.chance(0.5)) await trainInfocite(ctx, agentId, EXPIRED);
      }
      return;
    }
  }
}

/** Agents who have left (retired, moved away): inactive, with an assignment that ended. */
export async function formerAgents(
  ctx: StaffContext,
  specs: ReadonlyMap<number, DemoPoint>,
  count: number,
): Promise<void> {
  const { random, today, writer } = ctx;
  const ids = [...specs.keys()];
  for (let i = 0; i < count; i++) {
    const pointId = random.pick(ids);
    const spec = specs.get(pointId);
    if (!spec) continue;
    const agentId = await writer.agent(spec.entite, spec.service, false);
    const fin = addDaysToDay(today, -random.int(30, 400));
    await writer.assign(agentId, pointId, addDaysToDay(fin, -random.int(300, 1500)), fin);
    if (random.chance(0.5)) {
      const session = ctx.calendar.find('infocite', daysBefore(today, fin) + 30, 1080);
      if (session) await writer.attend(session.id, agentId, 'present');
    }
  }
}

/** The other trainings (accueil, posture, numérique, handicap): a handful of current agents at each session. */
export async function otherTrainings(ctx: StaffContext): Promise<void> {
  const { calendar, random, writer } = ctx;
  for (const session of calendar.past) {
    if (session.type === 'infocite') continue;
    const count = random.int(5, 10);
    for (let i = 0; i < count; i++)
      await writer.attend(session.id, random.pick(ctx.active), random.chance(0.88) ? 'present' : 'absent');
  }
  const next = calendar.next('accueil');
  if (next) for (let i = 0; i < 4; i++) await writer.attend(next.id, random.pick(ctx.active), 'inscrit');
}
