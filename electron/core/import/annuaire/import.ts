// The whole import for one commune: read the export, select the services, build the contacts, sync the
// folder, and say what happened in French.
import { parseAddress } from './address';
import type { LineProblem } from './records';
import { parseAnnuaireLines } from './records';
import type { SyncResult } from '../sync-folder';
import { syncGeneratedFiles } from '../sync-folder';
import { isInseeCode, selectForCommune } from './select';
import type { ImportedContact, LeftOut } from './to-contact';
import { isGeneratedFile, renderContactFile, toContact } from './to-contact';

/** A problem with the user's request (not with one record): the command stops with this French message. */
export class AnnuaireImportError extends Error {}

export interface ImportOptions {
  /** Content of the JSON lines export. */
  content: string;
  /** INSEE code of the commune. */
  insee: string;
  outDir: string;
  dryRun?: boolean;
  /** Labels of the pivot codes (types-pivot-local.yaml), for the report. */
  typeLabels?: ReadonlyMap<string, string>;
}

export interface SkippedRecord {
  id: string;
  line?: number;
  reason: string;
}

export interface CompetentEntry {
  id: string;
  nom: string;
  kinds: string[];
  distanceKm: number;
}

export interface ImportReport {
  insee: string;
  communeName?: string;
  outDir: string;
  dryRun: boolean;
  recordCount: number;
  lineProblems: LineProblem[];
  localCount: number;
  /** Local services by pivot code (with its label when known), most frequent first. */
  localTypes: Array<{ type: string; label?: string; count: number }>;
  competent: CompetentEntry[];
  missingKinds: string[];
  /** The commune's services have no coordinates: no nearest service could be chosen. */
  noReference: boolean;
  sync: SyncResult;
  /** Records selected but not written: unusable address, conflict with a hand-written file… */
  skipped: SkippedRecord[];
  /** Data left out of the contacts written, by contact id. */
  notes: Array<LeftOut & { id: string }>;
  contacts: ImportedContact[];
}

/** Runs the import; throws AnnuaireImportError for a malformed INSEE code or a commune absent from the export. */
export function importAnnuaire(options: ImportOptions): ImportReport {
  const { content, outDir, dryRun = false, typeLabels } = options;
  const insee = options.insee.trim().toUpperCase();
  if (!isInseeCode(insee)) {
    throw new AnnuaireImportError(
      `Code INSEE invalide : « ${options.insee} ». Il faut le code de la commune sur 5 caractères (par exemple 25056 pour Besançon), pas son code postal.`,
    );
  }
  const { records, problems } = parseAnnuaireLines(content);
  const selection = selectForCommune(records, insee, {
    isUsable: (record) => parseAddress(record.address).ok,
  });
  if (selection.local.length === 0) {
    throw new AnnuaireImportError(
      `Aucun service de la commune ${insee} dans ce fichier (${records.length} services lus). Vérifiez le code INSEE (ce n'est pas le code postal) et que le fichier couvre bien son département.`,
    );
  }

  const skipped: SkippedRecord[] = [];
  const notes: Array<LeftOut & { id: string }> = [];
  const contacts: ImportedContact[] = [];
  const taken = new Map<string, string>();
  for (const record of [...selection.local, ...selection.competent.map((entry) => entry.record)]) {
    const result = toContact(record, insee);
    if (!result.ok) {
      skipped.push({ id: record.id, line: record.line, reason: result.reason });
      continue;
    }
    const owner = taken.get(result.contact.id);
    if (owner) {
      skipped.push({
        id: record.id,
        line: record.line,
        reason: `même identifiant de contact (${result.contact.id}) que « ${owner} »`,
      });
      continue;
    }
    taken.set(result.contact.id, record.id);
    contacts.push(result.contact);
    for (const note of result.contact.notes) notes.push({ id: result.contact.id, ...note });
  }

  const sync = syncGeneratedFiles(
    outDir,
    contacts.map((contact) => ({ name: contact.fileName, text: renderContactFile(contact) })),
    { isOwned: isGeneratedFile, dryRun },
  );
  for (const name of sync.conflicts) {
    skipped.push({
      id: name.replace(/\.md$/, ''),
      reason: 'un fichier de ce nom, écrit à la main, existe déjà dans le dossier : il est laissé tel quel',
    });
  }

  const mairie = contacts.find((contact) => contact.frontMatter.entite === 'ville');
  const counts = new Map<string, number>();
  for (const record of selection.local) counts.set(record.type, (counts.get(record.type) ?? 0) + 1);
  return {
    insee,
    communeName: (mairie?.frontMatter.adresse as { commune?: string } | undefined)?.commune,
    outDir,
    dryRun,
    recordCount: records.length,
    lineProblems: problems,
    localCount: selection.local.length,
    localTypes: [...counts]
      .map(([type, count]) => ({ type, label: typeLabels?.get(type), count }))
      .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    competent: selection.competent.map((entry) => ({
      id: entry.record.id,
      nom: entry.record.nom,
      kinds: entry.kinds,
      distanceKm: entry.distanceKm,
    })),
    missingKinds: selection.missing,
    noReference: !selection.reference,
    sync,
    skipped,
    notes,
    contacts,
  };
}

const km = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

function plural(count: number, one: string, many: string): string {
  return `${count} ${count > 1 ? many : one}`;
}

/** The report shown by the command, in French. */
export function formatReport(report: ImportReport): string {
  const out: string[] = [];
  const commune = report.communeName ? `${report.communeName} (${report.insee})` : report.insee;
  out.push(
    `Import de l'Annuaire de l'administration pour ${commune}${report.dryRun ? ' — simulation, aucun fichier écrit' : ''}`,
  );
  out.push(
    `Fichier lu : ${plural(report.recordCount, 'service', 'services')}${
      report.lineProblems.length > 0
        ? `, ${plural(report.lineProblems.length, 'ligne ignorée', 'lignes ignorées')}`
        : ''
    }.`,
  );
  for (const problem of report.lineProblems) out.push(`  - ligne ${problem.line} : ${problem.message}`);

  out.push('', `Services situés dans la commune : ${report.localCount}`);
  for (const { type, label, count } of report.localTypes) {
    out.push(`  - ${label ? `${label} (${type})` : type} : ${count}`);
  }
  if (report.noReference) {
    out.push(
      '',
      "Aucun service de la commune n'a de coordonnées : les services compétents d'autres communes n'ont pas pu être choisis.",
    );
  } else {
    out.push('', `Services compétents les plus proches, hors de la commune : ${report.competent.length}`);
    for (const entry of report.competent) {
      out.push(`  - ${entry.kinds.join(', ')} : ${entry.nom} (${km.format(entry.distanceKm)} km)`);
    }
    if (report.missingKinds.length > 0) {
      out.push(`  Aucun service dans le département pour : ${report.missingKinds.join(', ')}.`);
    }
  }

  const { sync } = report;
  out.push(
    '',
    `Dossier ${report.outDir} :`,
    `  créés : ${sync.created.length}`,
    `  mis à jour : ${sync.updated.length}`,
    `  inchangés : ${sync.unchanged.length}`,
    `  supprimés : ${sync.deleted.length}${sync.deleted.length > 0 ? ` (${sync.deleted.join(', ')})` : ''}`,
    `  ignorés : ${report.skipped.length}`,
  );
  for (const skip of report.skipped) {
    out.push(`    - ${skip.id}${skip.line ? ` (ligne ${skip.line})` : ''} : ${skip.reason}`);
  }

  if (report.notes.length > 0) {
    // Grouped by kind of note, so that 70 http:// sites make one paragraph, not 70 lines of noise.
    const groups = new Map<string, string[]>();
    for (const { id, what, value } of report.notes) {
      groups.set(what, [...(groups.get(what) ?? []), `${id} : ${value}`]);
    }
    out.push('', 'Données non reprises dans les contacts :');
    for (const [what, entries] of groups) {
      out.push(`  - ${what} : ${entries.length}`);
      for (const entry of entries) out.push(`      ${entry}`);
    }
  }
  return out.join('\n');
}
