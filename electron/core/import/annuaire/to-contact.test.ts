import { describe, expect, it } from 'vitest';
import { frenchDate } from '../../../../common/french-date';
import { parseKnowledge } from '../../knowledge/parse';
import { record } from '../../../../dev/test-support/annuaire';
import {
  contactId,
  entiteFor,
  GENERATED_MARKER,
  HORAIRES_NOTE,
  isGeneratedFile,
  renderContactFile,
  toContact,
} from './to-contact';

describe('entiteFor', () => {
  it('maps the commune’s mairie and annexes to ville, its CCAS to ccas, an EPCI to metropole', () => {
    expect(entiteFor(record({ id: 'mairie-25056-01' }), '25056')).toBe('ville');
    expect(entiteFor(record({ id: 'mairie-25056-02' }), '25056')).toBe('ville');
    expect(entiteFor(record({ id: 'ccas-25056-01' }), '25056')).toBe('ccas');
    expect(entiteFor(record({ id: 'epci-25056-01' }), '25056')).toBe('metropole');
  });

  it('maps everything else, other communes’ mairies and CCAS included, to partenaire', () => {
    expect(entiteFor(record({ id: 'mairie-25388-01' }), '25056')).toBe('partenaire');
    expect(entiteFor(record({ id: 'ccas-25388-01' }), '25056')).toBe('partenaire');
    expect(entiteFor(record({ id: 'caf-25056-01' }), '25056')).toBe('partenaire');
    expect(entiteFor(record({ id: 'prefecture-25056-01' }), '25056')).toBe('partenaire');
  });
});

describe('contactId and frenchDate', () => {
  it('derives a stable, prefixed id in lower case with hyphens', () => {
    expect(contactId('mairie-25056-01')).toBe('annuaire-mairie-25056-01');
    expect(contactId('commissariat_police-25056-02')).toBe('annuaire-commissariat-police-25056-02');
    expect(contactId('mairie-2A004-01')).toBe('annuaire-mairie-2a004-01');
    expect(contactId('___')).toBeUndefined();
  });

  it('writes dates the French way', () => {
    expect(frenchDate('2015-07-08')).toBe('8 juillet 2015');
    expect(frenchDate('2016-02-01')).toBe('1er février 2016');
    expect(frenchDate('2015-13-01')).toBeUndefined();
    expect(frenchDate('hier')).toBeUndefined();
  });
});

describe('toContact', () => {
  it('builds the contact with the schema’s keys only, and its body with the source', () => {
    const result = toContact(
      record({
        id: 'clic-25056-01',
        nom: "Point d'information local dédié aux personnes âgées - Besançon",
        street: ['Maison des Séniors', '8 rue Pasteur'],
        locality: 'Besançon',
        postalCode: '25000',
        contact_email: 'clic@besancon.fr',
        website: ['https://www.besancon.fr/seniors', 'http://www.besancon.fr'],
        commentaire: "Téléphoner pour convenir d'un rendez-vous avant de se rendre sur place.",
        update: '2015-04-29',
      }),
      '25056',
    );
    expect(result).toEqual({
      ok: true,
      contact: {
        id: 'annuaire-clic-25056-01',
        fileName: 'annuaire-clic-25056-01.md',
        frontMatter: {
          id: 'annuaire-clic-25056-01',
          nom: "Point d'information local dédié aux personnes âgées - Besançon",
          type: 'clic',
          entite: 'partenaire',
          adresse: {
            voie: '8 rue Pasteur',
            complement: 'Maison des Séniors',
            code_postal: '25000',
            commune: 'Besançon',
          },
          telephone: '03 81 61 50 50',
          courriel: 'clic@besancon.fr',
          site: 'https://www.besancon.fr/seniors',
          horaires_note: HORAIRES_NOTE,
          canaux: ['accueil_physique', 'telephone', 'courriel', 'en_ligne'],
        },
        body:
          "Téléphoner pour convenir d'un rendez-vous avant de se rendre sur place.\n\n" +
          "Source : Annuaire de l'administration (DILA), données du 29 avril 2015, Licence Ouverte.",
        notes: [],
      },
    });
  });

  it('leaves out an http site, a malformed e-mail and an unknown phone, and says so', () => {
    const result = toContact(
      record({
        id: 'msa-25056-01',
        contact_phone: '03 81 65 60',
        contact_email: 'http://www.msafranchecomte.fr/lfr/contact-particulier',
        website: ['http://www.msafranchecomte.fr'],
      }),
      '25056',
    );
    if (!result.ok) throw new Error(result.reason);
    const { frontMatter, notes } = result.contact;
    expect(frontMatter).not.toHaveProperty('site');
    expect(frontMatter).not.toHaveProperty('courriel');
    expect(frontMatter).not.toHaveProperty('telephone');
    expect(frontMatter.canaux).toEqual(['accueil_physique']);
    expect(notes.map((note) => note.what)).toEqual([
      'téléphone non reconnu',
      'courriel non valide',
      'site en http:// (seul https:// est accepté)',
    ]);
  });

  it('accepts a mailto: e-mail', () => {
    const result = toContact(record({ id: 'tgi-25388-01', contact_email: 'mailto:tgi@justice.fr' }), '25056');
    expect(result.ok && result.contact.frontMatter.courriel).toBe('tgi@justice.fr');
  });

  it('refuses a record whose address has no street, with the reason', () => {
    expect(toContact(record({ id: 'conciliateur_fiscal-25056-01', street: ['BP 46192'] }), '25056')).toEqual({
      ok: false,
      reason: 'adresse sans voie (seulement « BP 46192 »)',
    });
  });

  it('renders a marked file that the knowledge base reads without problem', () => {
    const result = toContact(record({ id: 'mairie-25056-01', commentaire: 'Pas de permanence.' }), '25056');
    if (!result.ok) throw new Error(result.reason);
    const text = renderContactFile(result.contact);
    expect(text.startsWith(`---\n${GENERATED_MARKER}\nid: annuaire-mairie-25056-01\n`)).toBe(true);
    expect(text).toContain('code_postal: "25034"');
    expect(isGeneratedFile('annuaire-mairie-25056-01.md', text)).toBe(true);
    const kb = parseKnowledge([{ path: 'contacts/annuaire/annuaire-mairie-25056-01.md', text }]);
    expect(kb.problems).toEqual([]);
    expect(kb.contacts[0]).toMatchObject({ id: 'annuaire-mairie-25056-01', entite: 'ville', horaires: {} });
  });

  it('does not claim hand-written files, even named like its own', () => {
    const handWritten = '---\nid: annuaire-mairie-25056-01\nnom: Mairie\n---\n';
    expect(isGeneratedFile('annuaire-mairie-25056-01.md', handWritten)).toBe(false);
    const marked = `---\n${GENERATED_MARKER}\nid: mairie\nnom: Mairie\n---\n`;
    expect(isGeneratedFile('annuaire-mairie.md', marked)).toBe(false);
    expect(isGeneratedFile('mairie.md', `---\n${GENERATED_MARKER}\nid: annuaire-mairie\n---\n`)).toBe(false);
  });
});
