import { describe, expect, it } from 'vitest';
import { HANDOUT_NOW, handoutKnowledge, handoutSource, SOURCE_URL } from '../../../dev/test-support/usager';
import { contactFile } from '../../../dev/test-support/content';
import { parseKnowledge } from '../knowledge/parse';
import { handoutOf } from './give';
import { buildHandout, formatSlots, MAX_HANDOUT_SERVICES, publicUrl } from './handout';
import { handoutHtml, handoutText } from './handout-mail';

describe('the handout « Pour l’usager »', () => {
  it('holds what to bring, cost, delay and where to go with today’s and the week’s hours', async () => {
    const handout = await handoutOf(handoutSource(), 'cni-mineur', HANDOUT_NOW);
    expect(handout).toMatchObject({
      id: 'cni-mineur',
      titre: 'Carte d’identité d’un mineur',
      resume: 'Demandée par un parent, en présence de l’enfant.',
      publicConcerne: ['Mineur', 'Parents'],
      pieces: ['Numéro de pré-demande ANTS', 'Photo d’identité <récente> & conforme'],
      cout: 'Gratuit (25 € en cas de perte)',
      delai: 'Environ 3 semaines',
      autresServices: 0,
      miseAJour: '15 septembre 2026',
      etabliLe: '23 novembre 2026',
    });
    const [titres, annexe] = handout.services;
    expect(titres).toMatchObject({
      nom: 'Service Titres d’identité',
      adresse: ['2 place de la Mairie', 'Bâtiment B', '99150 Montrouval'],
      telephone: '01 99 00 10 20',
      aujourdhui: 'Aujourd’hui (lundi 23 novembre 2026) : 8h30 – 12h00 et 13h30 – 17h00',
      fermetures: [
        'Fermé du 24 décembre 2026 au 26 décembre 2026 : fêtes de fin d’année',
        'Fermé le 2 janvier 2027',
      ],
    });
    expect(titres?.semaine).toHaveLength(7);
    expect(titres?.semaine[0]).toEqual({ jour: 'lundi', horaires: '8h30 – 12h00 et 13h30 – 17h00' });
    expect(titres?.semaine[1]).toEqual({ jour: 'mardi', horaires: 'Fermé' });
    // Closed today: said with the reason and the end, and not repeated among the closures to come.
    expect(annexe?.aujourdhui).toBe(
      'Aujourd’hui (lundi 23 novembre 2026) : fermeture exceptionnelle jusqu’au 25 novembre 2026 inclus (travaux)',
    );
    expect(annexe?.fermetures).toEqual([]);
    // The body is for the desk; the citizen gets the full text through the QR code.
    expect(JSON.stringify(handout)).not.toContain('Le corps de la fiche');
  });

  it('carries the service-public.fr address as a QR code made in the core', async () => {
    const handout = await handoutOf(handoutSource(), 'cni-mineur', HANDOUT_NOW);
    expect(handout.source?.url).toBe(SOURCE_URL);
    expect(handout.source?.qrSvg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ \d+"/);
    // Only drawn modules: no text, no link, no script in the SVG.
    expect(handout.source?.qrSvg).not.toMatch(/<(text|a|script|foreignObject)\b/);
  });

  it('has no QR code when the source is not a web address', async () => {
    const handout = await handoutOf(handoutSource(), 'sans-source', HANDOUT_NOW);
    expect(handout.source).toBeUndefined();
    expect(publicUrl('javascript:alert(1)')).toBeUndefined();
    expect(publicUrl(' https://example.org/a ')).toBe('https://example.org/a');
  });

  it('keeps at most three services and counts the others', () => {
    const { fiches } = handoutKnowledge();
    const extra = parseKnowledge(
      [1, 2, 3, 4, 5].map((n) => contactFile(`mairie-${n}`, { nom: `Mairie ${n}` })),
    ).contacts;
    const fiche = fiches.find((f) => f.id === 'cni-mineur');
    if (!fiche) throw new Error('fixture');
    const handout = buildHandout(fiche, extra, HANDOUT_NOW);
    expect(handout.services.map((s) => s.nom)).toEqual(['Mairie 1', 'Mairie 2', 'Mairie 3']);
    expect(handout.services).toHaveLength(MAX_HANDOUT_SERVICES);
    expect(handout.autresServices).toBe(2);
    expect(handoutText(handout)).toContain('2 autres services peuvent aussi vous recevoir');
  });

  it('formats slots as the desk reads them', () => {
    expect(formatSlots([])).toBe('Fermé');
    expect(formatSlots(['08:30-12:00'])).toBe('8h30 – 12h00');
  });
});

describe('the handout as an e-mail', () => {
  it('says the same in text and HTML, every text escaped in the HTML', async () => {
    const handout = await handoutOf(handoutSource(), 'cni-mineur', HANDOUT_NOW);
    const text = handoutText(handout);
    const html = handoutHtml(handout, true);
    for (const part of [
      'Pièces à fournir',
      'Numéro de pré-demande ANTS',
      'Environ 3 semaines',
      '01 99 00 10 20',
    ])
      for (const body of [text, html]) expect(body).toContain(part);
    expect(text).toContain('Photo d’identité <récente> & conforme');
    expect(text).toContain('    Lundi : 8h30 – 12h00 et 13h30 – 17h00');
    expect(text).toContain(`La fiche complète : ${SOURCE_URL}`);
    expect(html).toContain('Photo d’identité &lt;récente&gt; &amp; conforme');
    expect(html).toContain('Mairie annexe &lt;du Plateau&gt;');
    expect(html).not.toContain('<récente>');
    expect(html).toContain('src="cid:qr-fiche@infocite"');
    expect(handoutHtml(handout, false)).not.toContain('cid:');
  });
});
