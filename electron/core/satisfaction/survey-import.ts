// Importing survey results: each line is one answer (or « nombre » identical answers) of a day, for a point (by
// its code; empty for the city as a whole) and a channel. Every line is checked and each refused one is reported
// with its number and all its reasons; the valid ones are written in one transaction, or none when the file is
// unusable. A dry run writes nothing and gives the same report.
import { isRealDay, parisDay } from '../../../common/dates';
import type { JournalCanal } from '../../../common/journal/codes';
import { CANAL_LABELS, JOURNAL_CANAUX } from '../../../common/journal/codes';
import type { Note } from '../../../common/satisfaction/codes';
import { NOTE_LABELS, NOTES } from '../../../common/satisfaction/codes';
import type { LigneRejetee, RapportEnquete } from '../../../common/satisfaction/methods';
import { fold } from '../../../common/text';
import type { Actor } from '../audit/record';
import { recordAudit } from '../audit/record';
import { sql, type Db } from '../store/db';
import { addRatings } from './record';
import { readSurveyCsv } from './survey-csv';

/** Folded spellings of each answer: the label, the code, a digit on a 4-to-1 scale. */
const NOTE_WORDS = new Map<string, Note>();
for (const note of NOTES) {
  NOTE_WORDS.set(fold(NOTE_LABELS[note]).replace(/[^a-z0-9]/g, ''), note);
  NOTE_WORDS.set(note.replace(/_/g, ''), note);
}
NOTE_WORDS.set('4', 'tres_satisfait');
NOTE_WORDS.set('3', 'satisfait');
NOTE_WORDS.set('2', 'insatisfait');
NOTE_WORDS.set('1', 'tres_insatisfait');

const CANAL_WORDS = new Map<string, JournalCanal>();
for (const canal of JOURNAL_CANAUX) {
  CANAL_WORDS.set(fold(CANAL_LABELS[canal]).replace(/[^a-z0-9]/g, ''), canal);
  CANAL_WORDS.set(canal.replace(/_/g, ''), canal);
}
CANAL_WORDS.set('web', 'courriel');
CANAL_WORDS.set('internet', 'courriel');
CANAL_WORDS.set('accueil', 'accueil_physique');
CANAL_WORDS.set('guichet', 'accueil_physique');

/** « 31/01/2025 » (French spreadsheets) or « 2025-01-31 ». */
function dayOf(text: string): string | null {
  const french = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const day = french ? `${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}` : text;
  return isRealDay(day) ? day : null;
}

export async function importSurvey(
  db: Db,
  actor: Actor,
  input: { csv: string; source: 'enquete_web' | 'enquete_papier'; dryRun: boolean },
  now: Date,
): Promise<RapportEnquete> {
  const { lines, ignored } = readSurveyCsv(input.csv);
  const today = parisDay(now);
  const points = new Map(
    (await db.all<{ id: number; code: string }>(sql`SELECT id, code FROM points`)).map((p) => [
      fold(p.code),
      p.id,
    ]),
  );
  const rejets: LigneRejetee[] = [];
  const valid: Array<{ jour: string; pointId: number; canal: JournalCanal; note: Note; nombre: number }> = [];
  for (const line of lines) {
    const raisons: string[] = [];
    if (line.malformed) raisons.push(line.malformed);
    const { date = '', point = '', canal = '', note = '', nombre = '' } = line.cells;
    const jour = dayOf(date);
    if (date === '') raisons.push('la date manque');
    else if (jour === null)
      raisons.push(`la date « ${date} » n’est pas une date réelle (JJ/MM/AAAA ou AAAA-MM-JJ)`);
    else if (jour > today) raisons.push(`la date ${date} est dans le futur`);
    const pointId = point === '' ? 0 : points.get(fold(point));
    if (pointId === undefined) raisons.push(`aucun point d’accueil n’a le code « ${point} »`);
    const foundCanal = canal === '' ? 'courriel' : CANAL_WORDS.get(fold(canal).replace(/[^a-z0-9]/g, ''));
    if (foundCanal === undefined)
      raisons.push(`canal « ${canal} » inconnu (${JOURNAL_CANAUX.map((c) => CANAL_LABELS[c]).join(', ')})`);
    const foundNote = NOTE_WORDS.get(fold(note).replace(/[^a-z0-9]/g, ''));
    if (note === '') raisons.push('la note manque');
    else if (foundNote === undefined)
      raisons.push(`note « ${note} » inconnue (${NOTES.map((n) => NOTE_LABELS[n]).join(', ')}, ou 4 à 1)`);
    const count = nombre === '' ? 1 : Number(nombre);
    if (!Number.isInteger(count) || count < 1 || count > 100_000)
      raisons.push(`le nombre « ${nombre} » n’est pas un entier de 1 à 100 000`);
    if (raisons.length > 0 || jour === null || pointId === undefined || !foundCanal || !foundNote) {
      rejets.push({ ligne: line.line, contenu: line.raw.slice(0, 300), raisons });
      continue;
    }
    // Channel of a paper questionnaire left empty: the desk's own (accueil physique) is the likeliest.
    const canalOf = canal === '' && input.source === 'enquete_papier' ? 'accueil_physique' : foundCanal;
    valid.push({ jour, pointId, canal: canalOf, note: foundNote, nombre: count });
  }
  const reponses = valid.reduce((sum, row) => sum + row.nombre, 0);
  const report: RapportEnquete = {
    dryRun: input.dryRun,
    lignes: lines.length,
    reponses,
    rejets,
    colonnesIgnorees: ignored,
  };
  if (input.dryRun || valid.length === 0) return report;
  await db.transaction(async (tx) => {
    for (const row of valid) await addRatings(tx, { ...row, source: input.source }, row.nombre);
    await recordAudit(
      tx,
      actor,
      {
        action: 'import',
        objet: 'enquete_satisfaction',
        objetId: null,
        apres: { source: input.source, lignes: lines.length, reponses, rejets: rejets.length },
      },
      now,
    );
  });
  return report;
}
