// Bulk import of agents from a CSV file (nom, prenom, service, courriel, point, debut). Every line is checked
// first and rejected with all its reasons at once, so a file is fixed in one go; the valid lines are then
// written in one transaction with their audit rows. A dry run stops before writing and gives the same report.
import type { ImportReport, RejectedLine } from '../../../common/agents/methods';
import type { Actor } from '../audit/record';
import { isRealDay } from '../../../common/dates';
import { pointByCode } from '../points/points';
import type { Db } from '../store/db';
import type { AgentRecord } from './agents';
import { agentByEmail, insertAgent, rewriteAgent } from './agents';
import { insertAssignment, overlapping } from './affectations';
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

async function checkLine(
  db: Db,
  line: CsvLine,
  emailsSeen: Map<string, number>,
): Promise<{ reasons: string[]; plan: LinePlan | null }> {
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
    const found = await pointByCode(db, point);
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

  const existing = courriel ? await agentByEmail(db, courriel) : null;
  const changes =
    existing !== null &&
    (existing.nom !== nom || existing.prenom !== prenom || (service !== '' && existing.service !== service));
  let assignment: LinePlan['assignment'] = null;
  if (pointId !== null && day !== null) {
    // Already assigned there over that period: nothing to do.
    const already = existing ? await overlapping(db, existing.id, pointId, day, null) : null;
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
    for (const line of file.lines) {
      const { reasons, plan } = await checkLine(tx, line, emailsSeen);
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
