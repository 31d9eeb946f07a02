import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../electron/core/knowledge/parse';
import { ficheFile, sampleContent, THEMES_FILE } from '../../dev/test-support/content';
import type { SourceFiche } from './synthetic-corpus';
import { seededRandom, syntheticFiches, syntheticSource } from './synthetic-corpus';

const realFiches = () =>
  parseKnowledge([
    ...sampleContent(),
    ficheFile(
      'naissance',
      { titre: 'Naissance : déclaration', mots_cles: ['naissance', 'bébé'] },
      [
        '## Démarche',
        '',
        'La déclaration est obligatoire. Elle se fait dans les 5 jours, à la [mairie](contact:mairie).',
        '',
        '- Certificat du médecin',
        '- Pièce d’identité du déclarant',
        '',
        '| Qui | Quoi |',
        '|---|---|',
        '| Père | Déclare |',
      ].join('\n'),
    ),
  ]).fiches;

describe('seededRandom', () => {
  it('gives the same floats in [0, 1) for the same seed', () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(seededRandom(8)()).not.toBe(values[0]);
  });
});

describe('syntheticSource', () => {
  it('takes sentences, list items, headings and shapes from real bodies, without their links', () => {
    const source = syntheticSource(realFiches());
    expect(source.all.headings).toContain('Démarche');
    expect(source.all.listItems).toContain('Certificat du médecin');
    expect(source.all.sentences).toContain('Elle se fait dans les 5 jours, à la mairie.');
    expect(source.all.sentences.join(' ')).not.toContain('Père');
    expect(source.titleTails).toContain('déclaration');
    expect(source.all.keywords).toContain('bébé');
    const naissance = source.fiches.find((fiche) => fiche.titre === 'Naissance : déclaration');
    expect(naissance?.shape).toEqual([
      { kind: 'heading' },
      { kind: 'paragraph', sentences: 2 },
      { kind: 'list', items: 2 },
    ]);
    expect(source.groups.get('etat-civil')).toContain(source.fiches.indexOf(naissance as SourceFiche));
  });
});

describe('syntheticFiches', () => {
  const source = syntheticSource(realFiches());
  const options = { count: 200, seed: 3, themes: ['etat-civil', 'identite'] };

  it('is deterministic', () => {
    expect(syntheticFiches(source, options)).toEqual(syntheticFiches(source, options));
    expect(syntheticFiches(source, { ...options, seed: 4 })).not.toEqual(syntheticFiches(source, options));
  });

  it('writes fiches the project parses without a problem', () => {
    const knowledge = parseKnowledge([THEMES_FILE, ...syntheticFiches(source, options)]);
    expect(knowledge.problems).toEqual([]);
    expect(knowledge.fiches).toHaveLength(200);
    expect(new Set(knowledge.fiches.map((fiche) => fiche.id)).size).toBe(200);
    expect(knowledge.fiches.every((fiche) => fiche.body.length > 0)).toBe(true);
  });
});
