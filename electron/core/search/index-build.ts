import type { ContentFile } from '../knowledge/content-files';
import { parseKnowledge } from '../knowledge/parse';
import { markdownToText } from '../knowledge/render';
import type { Contact, Fiche, KnowledgeBase } from '../../../common/knowledge/types';
import { ANALYZER_VERSION, analyze, lunr, lunrTokenizer } from './analyzer';
import type { SearchData } from './search-data';
import { SEARCH_DATA_FORMAT } from './search-data';
import { SnippetDataBuilder } from './snippet-data';

export type Progress = (done: number, total: number) => void;

/** Field boosts: a word of the title says far more about a fiche than the same word deep in its body. */
export const FICHE_FIELDS = { titre: 10, mots_cles: 5, resume: 3, themes: 2, body: 1 } as const;
export const CONTACT_FIELDS = { nom: 10, type: 3, commune: 2, body: 1 } as const;

const ENTITE_LABEL: Record<Contact['entite'], string> = {
  ville: 'Ville mairie',
  metropole: 'Métropole',
  ccas: 'CCAS action sociale',
  partenaire: 'Partenaire',
};

/** Fiches an agent may see: drafts stay with their editors. */
export function publishedFiches(knowledge: KnowledgeBase): Fiche[] {
  return knowledge.fiches.filter((fiche) => fiche.statut === 'publiee');
}

function newBuilder(fields: Record<string, number>): lunr.Builder {
  const builder = new lunr.Builder();
  // The analyzer does all the work in the tokenizer; lunr's own pipelines stay empty, so a persisted index
  // needs no registered pipeline function to load.
  builder.tokenizer = lunrTokenizer as unknown as typeof lunr.tokenizer;
  builder.pipeline.reset();
  builder.searchPipeline.reset();
  builder.ref('id');
  for (const [name, boost] of Object.entries(fields)) builder.field(name, { boost });
  return builder;
}

function recordSurface(
  text: string,
  counts: Map<string, Map<string, number>>,
  words: Record<string, string>,
): void {
  for (const match of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = match[0].toLowerCase();
    const [token] = analyze(word);
    if (!token) continue;
    words[token.folded] = token.term;
    const forms = counts.get(token.term) ?? new Map<string, number>();
    forms.set(word, (forms.get(word) ?? 0) + 1);
    counts.set(token.term, forms);
  }
}

/** Parses the content files and builds both indexes; runs in the worker thread, or in-process as a fallback. */
export function buildSearchData(
  files: ContentFile[],
  contentHash: string,
  onProgress: Progress = () => {},
): SearchData {
  const knowledge = parseKnowledge(files);
  const fiches = publishedFiches(knowledge);
  const themeLabel = new Map(knowledge.themes.map((theme) => [theme.id, theme.libelle]));
  const total = fiches.length + knowledge.contacts.length;
  const surfaceCounts = new Map<string, Map<string, number>>();
  const words: Record<string, string> = {};
  let done = 0;
  const step = Math.max(1, Math.floor(total / 50));
  const tick = () => {
    done++;
    if (done % step === 0 || done === total) onProgress(done, total);
  };
  onProgress(0, total);

  const ficheBuilder = newBuilder(FICHE_FIELDS);
  const snippets = new SnippetDataBuilder();
  for (const fiche of fiches) {
    const body = markdownToText(fiche.body);
    snippets.add(fiche.id, body);
    ficheBuilder.add({
      id: fiche.id,
      titre: fiche.titre,
      mots_cles: fiche.mots_cles.join(' \n '),
      resume: fiche.resume,
      themes: fiche.themes.map((id) => themeLabel.get(id) ?? id).join(' \n '),
      body,
    });
    recordSurface(
      `${fiche.titre} ${fiche.mots_cles.join(' ')} ${fiche.resume} ${body}`,
      surfaceCounts,
      words,
    );
    tick();
  }

  const contactBuilder = newBuilder(CONTACT_FIELDS);
  for (const contact of knowledge.contacts) {
    const fields = {
      id: contact.id,
      nom: contact.nom,
      type: `${contact.type?.replace(/_/g, ' ') ?? ''} ${ENTITE_LABEL[contact.entite]}`,
      commune: `${contact.adresse.commune} ${contact.adresse.voie}`,
      body: markdownToText(contact.body),
    };
    contactBuilder.add(fields);
    recordSurface(`${fields.nom} ${fields.type} ${fields.commune} ${fields.body}`, surfaceCounts, words);
    tick();
  }

  const surface: Record<string, string> = {};
  for (const [term, forms] of surfaceCounts) {
    surface[term] = [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? term;
  }
  return {
    format: SEARCH_DATA_FORMAT,
    analyzerVersion: ANALYZER_VERSION,
    contentHash,
    builtAt: new Date().toISOString(),
    knowledge,
    fichesIndex: ficheBuilder.build().toJSON(),
    contactsIndex: contactBuilder.build().toJSON(),
    snippets: snippets.build(),
    surface,
    words,
  };
}
