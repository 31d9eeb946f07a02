// Builders of small content folders for tests: a real knowledge base in a few lines.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import YAML from 'yaml';
import type { ContentFile } from '../../electron/core/knowledge/content-files';

export function markdownFile(path: string, frontMatter: Record<string, unknown>, body = ''): ContentFile {
  return { path, text: `---\n${YAML.stringify(frontMatter)}---\n${body}\n` };
}

export function ficheFile(id: string, fields: Record<string, unknown> = {}, body = ''): ContentFile {
  return markdownFile(
    `fiches/${id}.md`,
    {
      id,
      titre: `Fiche ${id}`,
      resume: `Résumé de ${id}.`,
      themes: ['etat-civil'],
      mise_a_jour: '2026-01-15',
      ...fields,
    },
    body,
  );
}

export function contactFile(id: string, fields: Record<string, unknown> = {}, body = ''): ContentFile {
  return markdownFile(
    `contacts/${id}.md`,
    {
      id,
      nom: `Service ${id}`,
      entite: 'ville',
      adresse: { voie: '1 place de la Mairie', code_postal: '99150', commune: 'Montrouval' },
      ...fields,
    },
    body,
  );
}

export const THEMES_FILE: ContentFile = {
  path: 'themes.yml',
  text: YAML.stringify([
    { id: 'etat-civil', libelle: 'État civil', description: 'Naissance, mariage, décès' },
    { id: 'identite', libelle: "Papiers d'identité", description: "Carte d'identité et passeport" },
    { id: 'dechets', libelle: 'Déchets', description: 'Encombrants, déchèterie' },
    { id: 'logement', libelle: 'Logement' },
  ]),
};

export const SYNONYMS_FILE: ContentFile = {
  path: 'synonymes.yml',
  text: YAML.stringify([
    ['cni', "carte nationale d'identité", "carte d'identité"],
    ['hlm', 'logement social'],
  ]),
};

/** A small knowledge base with the words the search tests need. */
export function sampleContent(): ContentFile[] {
  return [
    THEMES_FILE,
    SYNONYMS_FILE,
    contactFile('mairie', { type: 'mairie', telephone: '01 99 00 10 00' }, 'Accueil général de la mairie.'),
    contactFile(
      'dechets-service',
      { entite: 'metropole', nom: 'Collecte des déchets' },
      'Collecte des encombrants.',
    ),
    ficheFile(
      'passeport',
      {
        titre: 'Passeport : première demande',
        themes: ['identite'],
        mots_cles: ['passeport'],
        services: ['mairie'],
      },
      'Le passeport se demande en mairie, sur rendez-vous, avec un timbre fiscal.',
    ),
    ficheFile(
      'cni',
      { titre: "Carte d'identité perdue", themes: ['identite'], services: ['mairie'] },
      "Déclarez la perte puis demandez une nouvelle carte nationale d'identité.",
    ),
    ficheFile(
      'acte',
      { titre: "Demander un acte d'état civil", themes: ['etat-civil'] },
      "Toutes les démarches pour obtenir un acte de naissance ou de mariage de l'état civil.",
    ),
    ficheFile(
      'encombrants',
      { titre: 'Encombrants', themes: ['dechets'], services: ['dechets-service'] },
      'Les objets volumineux sont collectés sur rendez-vous.',
    ),
    ficheFile(
      'logement',
      { titre: 'Demande de logement social', themes: ['logement'] },
      'Déposez votre demande de logement social en ligne ou au guichet.',
    ),
    ficheFile(
      'brouillon',
      { titre: 'Passeport secret', statut: 'brouillon', themes: ['identite'] },
      'Pas encore publié.',
    ),
  ];
}

/** Writes content files into a fresh temporary folder and returns its path. */
export function writeContentFolder(
  files: ContentFile[],
  dir = mkdtempSync(join(tmpdir(), 'infocite-content-')),
): string {
  for (const file of files) {
    const full = join(dir, file.path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, file.text);
  }
  return dir;
}
