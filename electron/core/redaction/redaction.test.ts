// The editor's core pieces on their own: files written as the reader reads them, similar queries, ids.
import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../knowledge/parse';
import { queryKey, slugOf } from './manques';
import { renderFile, splitFile } from './front-matter';

describe('files written by the editor', () => {
  it('read back as the same fiche, keys canonical, empty fields dropped', () => {
    const text = renderFile(
      'fiche',
      {
        id: 'pacs',
        résumé: '  Le PACS s’enregistre en mairie : sur rendez-vous.  ',
        titre: 'PACS : conclure un pacte',
        themes: ['etat-civil'],
        'mots-clés': ['pacs', 'pacte civil'],
        pieces_a_fournir: ['Acte de naissance', 'Pièce d’identité'],
        cout: '',
        services: [],
        mise_a_jour: '2026-11-23',
        statut: 'brouillon',
      },
      '## Démarche\r\n\r\nSur rendez-vous.\r\n',
    );
    expect(text).toBe(
      [
        '---',
        'id: pacs',
        'titre: "PACS : conclure un pacte"',
        'resume: "Le PACS s’enregistre en mairie : sur rendez-vous."',
        'themes: [etat-civil]',
        'mots_cles: [pacs, pacte civil]',
        'pieces_a_fournir:',
        '  - Acte de naissance',
        '  - Pièce d’identité',
        'mise_a_jour: 2026-11-23',
        'statut: brouillon',
        '---',
        '## Démarche',
        '',
        'Sur rendez-vous.',
        '',
      ].join('\n'),
    );
    const { fiches, problems } = parseKnowledge([{ path: 'fiches/pacs.md', text }]);
    expect(problems).toEqual([]);
    expect(fiches[0]).toMatchObject({
      titre: 'PACS : conclure un pacte',
      statut: 'brouillon',
    });
    expect(fiches[0]?.cout).toBeUndefined();
    expect(splitFile(text)).toMatchObject({ body: '## Démarche\n\nSur rendez-vous.', readable: true });
  });

  it('writes a contact with its address, hours and closures the reader accepts', () => {
    const text = renderFile(
      'contact',
      {
        id: 'ccas',
        nom: 'CCAS',
        entite: 'ccas',
        adresse: { voie: '4 rue des Tilleuls', code_postal: '99150', commune: 'Montrouval', complement: '' },
        horaires: { lundi: ['08:30-12:00'], mardi: [] },
        fermetures: [{ du: '2026-12-24', au: '2026-12-26', motif: 'Fêtes' }],
        canaux: ['telephone'],
      },
      'Missions du service.',
    );
    expect(text).toContain('horaires:\n  lundi: ["08:30-12:00"]\nfermetures:\n  - du: 2026-12-24\n');
    const { contacts, problems } = parseKnowledge([{ path: 'contacts/ccas.md', text }]);
    expect(problems).toEqual([]);
    expect(contacts[0]?.adresse).toEqual({
      voie: '4 rue des Tilleuls',
      code_postal: '99150',
      commune: 'Montrouval',
    });
  });

  it('opens a file whose front-matter is broken as a body to repair', () => {
    expect(splitFile('---\ntitre: [oups\n---\ncorps')).toMatchObject({ frontMatter: {}, readable: false });
  });
});

describe('backlog keys and ids', () => {
  it('groups queries by their analysed terms, in any order, accents and stop words aside', () => {
    expect(queryKey("cartes d'identité")).toBe(queryKey('carte identite'));
    expect(queryKey('identité carte')).toBe(queryKey('Carte  d’Identité'));
    expect(queryKey('passeport')).not.toBe(queryKey('carte identite'));
    expect(queryKey('le la')).toBe('le la');
  });

  it('makes ids of queries', () => {
    expect(slugOf('  Carte d’identité perdue ! ')).toBe('carte-d-identite-perdue');
    expect(slugOf('Œuvres sociales')).toBe('oeuvres-sociales');
    expect(slugOf('???')).toBe('fiche');
    expect(slugOf('mot '.repeat(30)).length).toBeLessThanOrEqual(60);
  });
});
