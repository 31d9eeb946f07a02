// Bulk import of agents from a CSV file (nom, prenom, service, courriel, point, debut). Every line is checked
// first and rejected with all its reasons at once, so a file is fixed in one go; the valid lines are then
// written in one transaction with their audit rows. A dry run stops before writing and gives the same report.
import type { ImportReport, RejectedLine } from '../../../common/agents/methods';
import type { Actor } from '../audit/record';
import { isRealDay } from '../../../common/dates';
import { sql, type Db } from '../store/db';
import type { AgentRecord } from './agents';
import { agentsByEmail, insertAgent, rewriteAgent } from './agents';
import { insertAssignment } from './affectations';
import type { CsvLine } from './csv-read';
import { readCsv } from './csv-read';
import { isEmail } from '../../../common/email';

/** What one valid line will do. */
interface LinePlan {
  nom: string;
  prenom: string;
  /** Undefined when the file has no service column, or leaves it empty: an existing service is kept. */
  service: string | undefined;
  courriel: string | null;
  existing: AgentRecord | null;
  /** The existing agent's fields differ from the line's. */
  changes: boolean;
  assignment: { pointId: number; debut: string } | null;
}

/** « 15/03/2024 », « 5/3/2024 », « 15.03.2024 » or « 2024-03-15 » → « 2024-03-15 »; null when no such day. */
export function parseImportDay(text: string): string | null {
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const day = french
    ? `${french[3]}-${french[2]?.padStart(2, '0')}-${french[1]?.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? text
      : null;
  return day !== null && isRealDay(day) ? day : null;
}

const MAX_NAME = 120;
const MAX_SERVICE = 200;

/**
 * What the lines are checked against, read once for the whole file (the check runs before any write, in the
 * transaction of the writes): the points by code, the agents by email, the end of each agent's assignments
 * at each point.
 */
interface Register {
  points: Map<string, { id: number; code: string; nom: string; ouvert: boolean }>;
  agents: Map<string, AgentRecord>;
  /** « agentId:pointId » → the ends of the agent's assignments there (null: open-ended). */
  assignmentEnds: Map<string, Array<string | null>>;
}

async function readRegister(db: Db): Promise<Register> {
  const points = await db.all<{ id: number; code: string; nom: string; ouvert: number }>(
    sql`SELECT id, code, nom, ouvert FROM points`,
  );
  const assignments = await db.all<{ agent_id: number; point_id: number; fin: string | null }>(
    sql`SELECT agent_id, point_id, fin FROM affectations`,
  );
  const assignmentEnds = new Map<string, Array<string | null>>();
  for (const { agent_id, point_id, fin } of assignments) {
    const key = `${agent_id}:${point_id}`;
    assignmentEnds.set(key, [...(assignmentEnds.get(key) ?? []), fin]);
  }
  return {
    // Codes are unique whatever the case.
    points: new Map(
      points.map((point) => [point.code.toLowerCase(), { ...point, ouvert: point.ouvert === 1 }]),
    ),
    agents: await agentsByEmail(db),
    assignmentEnds,
  };
}

/** Whether the agent is assigned to the point on `day` or after (an assignment ending before does not count). */
function assignedFrom(register: Register, agentId: number, pointId: number, day: string): boolean {
  return (register.assignmentEnds.get(`${agentId}:${pointId}`) ?? []).some(
    (fin) => fin === null || fin >= day,
  );
}

function checkLine(
  register: Register,
  line: CsvLine,
  emailsSeen: Map<string, number>,
): { reasons: string[]; plan: LinePlan | null } {
  if (line.malformed) return { reasons: [line.malformed], plan: null };
  const { nom = '', prenom = '', service = '', courriel = '', point = '', debut = '' } = line.cells;
  const reasons: string[] = [];
  if (!nom) reasons.push('le nom est vide');
  else if (nom.length > MAX_NAME) reasons.push(`le nom dépasse ${MAX_NAME} caractères`);
  if (!prenom) reasons.push('le prénom est vide');
  else if (prenom.length > MAX_NAME) reasons.push(`le prénom dépasse ${MAX_NAME} caractères`);
  if (service.length > MAX_SERVICE) reasons.push(`le service dépasse ${MAX_SERVICE} caractères`);

  if (courriel) {
    const key = courriel.toLowerCase();
    const first = emailsSeen.get(key);
    if (!isEmail(courriel)) reasons.push(`le courriel « ${courriel} » n’est pas une adresse valide`);
    else if (first !== undefined) reasons.push(`le courriel « ${courriel} » figure déjà ligne ${first}`);
    if (first === undefined) emailsSeen.set(key, line.line);
  }

  let pointId: number | null = null;
  if (point) {
    const found = register.points.get(point.toLowerCase());
    if (!found) reasons.push(`aucun point d’accueil n’a le code « ${point} »`);
    else if (!found.ouvert) reasons.push(`le point « ${found.nom} » (${found.code}) est fermé`);
    else pointId = found.id;
  }
  let day: string | null = null;
  if (debut) {
    day = parseImportDay(debut);
    if (day === null)
      reasons.push(`la date d’affectation « ${debut} » n’existe pas (attendu : jj/mm/aaaa ou aaaa-mm-jj)`);
  }
  if (point && !debut) reasons.push(`indiquez la date d’affectation au point « ${point} » (colonne debut)`);
  if (debut && !point) reasons.push('une date d’affectation est donnée sans point (colonne point)');
  if (reasons.length > 0) return { reasons, plan: null };

  const existing = courriel ? (register.agents.get(courriel.toLowerCase()) ?? null) : null;
  const changes =
    existing !== null &&
    (existing.nom !== nom || existing.prenom !== prenom || (service !== '' && existing.service !== service));
  let assignment: LinePlan['assignment'] = null;
  if (pointId !== null && day !== null) {
    // Already assigned there over that period: nothing to do.
    const already = existing !== null && assignedFrom(register, existing.id, pointId, day);
    if (!already) assignment = { pointId, debut: day };
  }
  return {
    reasons,
    plan: {
      nom,
      prenom,
      service: service || undefined,
      courriel: courriel || null,
      existing,
      changes,
      assignment,
    },
  };
}

/** Writes the planned lines; the caller holds the transaction. */
async function apply(db: Db, actor: Actor, plans: readonly LinePlan[], now: Date): Promise<void> {
  for (const plan of plans) {
    let agentId: number;
    if (plan.existing) {
      agentId = plan.existing.id;
      if (plan.changes)
        await rewriteAgent(
          db,
          actor,
          agentId,
          {
            ...plan.existing,
            nom: plan.nom,
            prenom: plan.prenom,
            service: plan.service ?? plan.existing.service,
          },
          now,
        );
    } else {
      agentId = (
        await insertAgent(
          db,
          actor,
          {
            nom: plan.nom,
            prenom: plan.prenom,
            service: plan.service ?? '',
            courriel: plan.courriel,
            actif: true,
          },
          now,
        )
      ).id;
    }
    if (plan.assignment) await insertAssignment(db, actor, { agentId, ...plan.assignment, fin: null }, now);
  }
}

export async function importAgentsCsv(
  db: Db,
  actor: Actor,
  csv: string,
  dryRun: boolean,
  now: Date,
): Promise<ImportReport> {
  const file = readCsv(csv);
  // Checking and writing in the same transaction: what was checked is what gets written, all lines or none.
  const run = async (tx: Db): Promise<ImportReport> => {
    const emailsSeen = new Map<string, number>();
    const rejected: RejectedLine[] = [];
    const plans: LinePlan[] = [];
    const register = await readRegister(tx);
    for (const line of file.lines) {
      const { reasons, plan } = checkLine(register, line, emailsSeen);
      if (plan) plans.push(plan);
      else rejected.push({ line: line.line, raw: line.raw, reasons });
    }
    if (!dryRun) await apply(tx, actor, plans, now);
    return report(dryRun, file.lines.length, plans, rejected, file.ignoredColumns);
  };
  return dryRun ? run(db) : db.transaction(run);
}

function report(
  dryRun: boolean,
  total: number,
  plans: readonly LinePlan[],
  rejected: RejectedLine[],
  ignoredColumns: string[],
): ImportReport {
  return {
    dryRun,
    total,
    created: plans.filter((p) => !p.existing).length,
    updated: plans.filter((p) => p.existing && p.changes).length,
    unchanged: plans.filter((p) => p.existing && !p.changes).length,
    assignments: plans.filter((p) => p.assignment).length,
    rejected,
    ignoredColumns,
  };
}
