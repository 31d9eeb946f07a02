import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../knowledge/parse';
import { renderMarkdown } from '../../knowledge/render';
import type { LinkTargets } from './markdown';
import type { PublicationFixture } from '../../../../dev/test-support/service-public';
import { publicationXml } from '../../../../dev/test-support/service-public';
import type { ImportedFiche } from './xml-to-fiche';
import { isNationalFile, normalizePivot, parseDcDate, renderFicheFile, xmlToFiche } from './xml-to-fiche';

const targets: LinkTargets = {
  fiches: new Set(['F100', 'F200']),
  titles: new Map([
    ['F200', 'Passeport : première demande'],
    ['N358', "Carte d'identité"],
  ]),
};

function convert(fixture: PublicationFixture = {}): ImportedFiche {
  const id = fixture.id ?? 'F100';
  const result = xmlToFiche({ name: `${id}.xml`, text: publicationXml(fixture) }, targets);
  if (!result.ok) throw new Error(result.reason);
  return result.fiche;
}

function body(xml: string): string {
  return convert({ body: xml }).body;
}

/** The fiche as the app reads it: no 'erreur' problem allowed. */
function parseBack(fiche: ImportedFiche) {
  const knowledge = parseKnowledge([{ path: `national/${fiche.id}.md`, text: renderFicheFile(fiche) }]);
  expect(knowledge.problems.filter((problem) => problem.severity === 'erreur')).toEqual([]);
  expect(knowledge.fiches).toHaveLength(1);
  return knowledge.fiches[0];
}

describe('front-matter', () => {
  it('writes the exact front-matter of a national fiche, in order, and the app reads it back', () => {
    const fiche = convert({
      body: `<Texte><Paragraphe>Texte.</Paragraphe>
        <OuSAdresser ID="R2" type="Local"><Titre>Mairie</Titre><PivotLocal>mairie</PivotLocal></OuSAdresser>
        <OuSAdresser ID="R3" type="Local"><Titre>Préfecture</Titre><PivotLocal>prefecture</PivotLocal></OuSAdresser>
      </Texte>`,
    });
    const file = renderFicheFile(fiche);
    expect(file.split('---\n')[1]).toBe(
      [
        'id: F100',
        'titre: "Carte d\'identité : en cas de perte"',
        'resume: "Résumé de la fiche."',
        'themes: ["Papiers - Citoyenneté"]',
        'mots_cles: ["Papiers - Citoyenneté", "Carte d\'identité"]',
        'mise_a_jour: 2020-08-26',
        'source: https://www.service-public.fr/particuliers/vosdroits/F100',
        'statut: publiee',
        'origine: national',
        'pivots: [mairie, prefecture]',
        '',
      ].join('\n'),
    );
    expect(parseBack(fiche)).toMatchObject({
      id: 'F100',
      titre: "Carte d'identité : en cas de perte",
      themes: ['Papiers - Citoyenneté'],
      mise_a_jour: '2020-08-26',
      origine: 'national',
      statut: 'publiee',
      pivots: ['mairie', 'prefecture'],
    });
    expect(isNationalFile(file)).toBe(true);
  });

  it('keeps YAML-special characters of titles and descriptions intact', () => {
    const fiche = convert({
      title: 'Titre : « guillemets » "doubles" # pas un commentaire',
      description: '- commence comme une liste: et finit par deux-points:',
    });
    expect(parseBack(fiche)).toMatchObject({
      titre: 'Titre : « guillemets » "doubles" # pas un commentaire',
      resume: '- commence comme une liste: et finit par deux-points:',
    });
  });

  it('writes the ordinals of titles and descriptions typed with a caret as French writes them', () => {
    const fiche = convert({
      title: 'Le 1^er mai',
      description: 'Depuis le 1^er janvier 2011, la 1^re année.',
    });
    expect(parseBack(fiche)).toMatchObject({
      titre: 'Le 1er mai',
      resume: 'Depuis le 1er janvier 2011, la 1re année.',
    });
  });

  it('falls back to the first sentence of the introduction when there is no description', () => {
    const fiche = convert({
      description: null,
      body: `<Introduction><Texte><Paragraphe>Première phrase utile. Seconde phrase.</Paragraphe></Texte></Introduction>`,
    });
    expect(fiche.frontMatter.resume).toBe('Première phrase utile.');
  });

  it('builds the Service-Public.fr address when spUrl is absent', () => {
    expect(convert({ id: 'F300', spUrl: null }).frontMatter.source).toBe(
      'https://www.service-public.fr/particuliers/vosdroits/F300',
    );
  });

  it('reads the date of dc:date, and falls back on the date of the last important change', () => {
    expect(parseDcDate('modified 2020-08-26')).toBe('2020-08-26');
    expect(parseDcDate('modified 2020-02-30')).toBeUndefined();
    expect(convert({ date: 'modified 2019-12-31' }).frontMatter.mise_a_jour).toBe('2019-12-31');

    const withoutDate = publicationXml({ date: null }).replace(
      'ID="F100"',
      'ID="F100" dateDerniereModificationImportante="2018-06-21T00:00:00"',
    );
    const result = xmlToFiche({ name: 'F100.xml', text: withoutDate }, targets);
    expect(result.ok && result.fiche.frontMatter.mise_a_jour).toBe('2018-06-21');
  });

  it('rejects a fiche whose date is missing or impossible, saying why in French', () => {
    expect(xmlToFiche({ name: 'F100.xml', text: publicationXml({ date: null }) }, targets)).toEqual({
      ok: false,
      reason: 'la date de mise à jour (dc:date) est absente',
    });
    expect(
      xmlToFiche({ name: 'F100.xml', text: publicationXml({ date: 'modified 2020-02-30' }) }, targets),
    ).toEqual({ ok: false, reason: 'date de mise à jour illisible (dc:date « modified 2020-02-30 »)' });
  });

  it('normalises pivot codes to what the schema accepts', () => {
    expect(normalizePivot('Sécurité sociale des indépendants')).toBe('securite_sociale_des_independants');
    expect(normalizePivot('sage-femme')).toBe('sage_femme');
    expect(normalizePivot('Onac')).toBe('onac');
  });
});

describe('broken files', () => {
  it('reports malformed XML with its line, in French, instead of throwing', () => {
    const text = publicationXml().replace('</Paragraphe>', '</Paragraph>');
    const result = xmlToFiche({ name: 'F100.xml', text }, targets);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/^XML mal formé, ligne \d+, colonne \d+/);
  });

  it('rejects a file that is not a publication, or whose ID does not match its name', () => {
    expect(xmlToFiche({ name: 'F100.xml', text: '<Autre/>' }, targets)).toEqual({
      ok: false,
      reason: "l'élément racine est <Autre>, <Publication> attendu",
    });
    const result = xmlToFiche({ name: 'F999.xml', text: publicationXml() }, targets);
    expect(!result.ok && result.reason).toBe("l'identifiant F100 ne correspond pas au nom du fichier");
  });
});

describe('body', () => {
  it('turns each situation into a ## section, its chapters into ### and sub-chapters into ####', () => {
    const md = body(`
      <Introduction><Texte><Paragraphe>Introduction.</Paragraphe></Texte></Introduction>
      <ListeSituations affichage="onglet">
        <Situation><Titre>En France</Titre><Texte>
          <Chapitre><Titre><Paragraphe>Démarche</Paragraphe></Titre>
            <Paragraphe>Il faut se rendre en mairie.</Paragraphe>
            <SousChapitre><Titre><Paragraphe>Pièces</Paragraphe></Titre><Paragraphe>Photo.</Paragraphe></SousChapitre>
          </Chapitre>
        </Texte></Situation>
        <Situation><Titre>À l'étranger</Titre><Texte><Paragraphe>Au consulat.</Paragraphe></Texte></Situation>
      </ListeSituations>`);
    expect(md).toBe(
      [
        'Introduction.',
        '## En France',
        '### Démarche',
        'Il faut se rendre en mairie.',
        '#### Pièces',
        'Photo.',
        "## À l'étranger",
        'Au consulat.',
      ].join('\n\n'),
    );
  });

  it('puts chapters at ## without situations, and keeps inline emphasis in order', () => {
    const md = body(`<Texte><Chapitre><Titre><Paragraphe>Coût</Paragraphe></Titre>
      <Paragraphe>La carte coûte <Valeur>25 €</Valeur> pour les <MiseEnEvidence>majeurs</MiseEnEvidence>, le 1<Exposant>er</Exposant> jour, 10 m<Exposant>2</Exposant>.</Paragraphe>
      </Chapitre></Texte>`);
    expect(md).toBe('## Coût\n\nLa carte coûte **25 €** pour les **majeurs**, le 1er jour, 10 m².');
  });

  it('writes ordinals typed with a caret in the source as French writes them', () => {
    const md = body(
      `<Texte><Paragraphe>Depuis le 1^er janvier 2011, la 1^re année, le 2^nd bénéficiaire ; 2^3 reste.</Paragraphe></Texte>`,
    );
    expect(md).toBe('Depuis le 1er janvier 2011, la 1re année, le 2nd bénéficiaire ; 2^3 reste.');
  });

  it('writes lists with nested lists indented, and notes as quotes with a bold label', () => {
    const md = body(`<Texte>
      <Liste type="puce"><Item><Paragraphe>Un</Paragraphe><Liste type="puce"><Item><Paragraphe>Un bis</Paragraphe></Item></Liste></Item><Item><Paragraphe>Deux</Paragraphe></Item></Liste>
      <Liste type="numero"><Item><Paragraphe>Étape</Paragraphe></Item><Item><Paragraphe>Suite</Paragraphe></Item></Liste>
      <ANoter><Titre>À noter</Titre><Paragraphe>le dépôt se fait sur rendez-vous.</Paragraphe></ANoter>
      <Attention><Titre>Attention</Titre><Paragraphe>délai de 3 mois.</Paragraphe><Paragraphe>Sinon la carte est détruite.</Paragraphe></Attention>
    </Texte>`);
    expect(md).toBe(
      [
        '- Un\n  - Un bis\n- Deux',
        '1. Étape\n2. Suite',
        '> **À noter :** le dépôt se fait sur rendez-vous.',
        '> **Attention :** délai de 3 mois.\n>\n> Sinon la carte est détruite.',
      ].join('\n\n'),
    );
  });

  it('turns a table into a markdown table: header row, escaped pipes, one line per cell, spans', () => {
    const md =
      body(`<Texte><Tableau><Titre>Tarifs</Titre><Colonne largeur="50" type="normal"/><Colonne largeur="50" type="normal"/><Colonne largeur="50" type="normal"/>
      <Rangée type="header"><Cellule><Paragraphe>Âge</Paragraphe></Cellule><Cellule fusionHorizontale="2"><Paragraphe>Prix</Paragraphe></Cellule></Rangée>
      <Rangée type="normal"><Cellule fusionVerticale="2"><Paragraphe>Majeur</Paragraphe></Cellule><Cellule><Paragraphe>A | B</Paragraphe></Cellule><Cellule><Paragraphe>ligne
une</Paragraphe><Paragraphe>ligne deux</Paragraphe></Cellule></Rangée>
      <Rangée type="normal"><Cellule><Liste type="puce"><Item><Paragraphe>x</Paragraphe></Item><Item><Paragraphe>y</Paragraphe></Item></Liste></Cellule><Cellule><Paragraphe><Valeur>86 €</Valeur></Paragraphe></Cellule></Rangée>
    </Tableau></Texte>`);
    expect(md).toBe(
      [
        '**Tarifs**',
        [
          '| Âge | Prix | |',
          '| --- | --- | --- |',
          '| Majeur | A \\| B | ligne une ligne deux |',
          '| Majeur | • x • y | **86 €** |',
        ].join('\n'),
      ].join('\n\n'),
    );
    const html = renderMarkdown(md);
    expect(html).toContain('<th>Âge</th>');
    expect(html).toContain('<td>A | B</td>');
  });

  it('links to a fiche of the archive inside the app, to anything else on Service-Public.fr', () => {
    const md = body(
      `<Texte><Paragraphe>Voir <LienInterne LienPublication="F200" type="Fiche d'information" audience="Particuliers">le passeport</LienInterne>, <LienInterne LienPublication="F999" audience="Particuliers">une fiche absente</LienInterne>, <LienInterne LienPublication="N358" type="Dossier">le dossier</LienInterne>, <LienInterne LienPublication="R13630" type="Formulaire">le cerfa</LienInterne> et <LienInterne LienPublication="F200"/>.</Paragraphe></Texte>`,
    );
    expect(md).toBe(
      'Voir [le passeport](fiche:F200), ' +
        '[une fiche absente](https://www.service-public.fr/particuliers/vosdroits/F999), ' +
        '[le dossier](https://www.service-public.fr/particuliers/vosdroits/N358), ' +
        '[le cerfa](https://www.service-public.fr/particuliers/vosdroits/R13630) ' +
        'et [Passeport : première demande](fiche:F200).',
    );
  });

  it('links external addresses only when they are http(s), and glues the punctuation DILA sets apart', () => {
    const md = body(`<Texte><Paragraphe>Sur <LienExterne URL="https://ants.gouv.fr/a(b)">le site</LienExterne>

. Et <LienExterne URL="javascript:alert(1)">ce lien</LienExterne> ou <LienExterne URL="mailto:a@b.fr">écrire</LienExterne>.</Paragraphe></Texte>`);
    expect(md).toBe('Sur [le site](https://ants.gouv.fr/a%28b%29). Et ce lien ou écrire.');
  });

  it('escapes text that would be HTML or markdown, so it shows as written', () => {
    const md =
      body(`<Texte><Paragraphe>&lt;script&gt;alert(1)&lt;/script&gt; [lien](javascript:alert(1)) *gras* &lt;b&gt;x&lt;/b&gt; a_b _c_ &amp;eacute;</Paragraphe>
      <Paragraphe>1. pas une liste</Paragraphe><Paragraphe>- pas une puce</Paragraphe><Paragraphe># pas un titre</Paragraphe></Texte>`);
    expect(md).not.toMatch(/(?<!\\)</);
    const html = renderMarkdown(md);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('<ol');
    expect(html).not.toContain('<ul');
    expect(html).not.toContain('<h1');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; [lien](javascript:alert(1)) *gras*');
    expect(html).toContain('a_b _c_ &amp;eacute;');
    expect(html).toContain('1. pas une liste');
  });

  it('gathers the places into « Où s’adresser » and their pivot codes into `pivots`', () => {
    const fiche = convert({
      body: `<Texte><Paragraphe>Il faut aller au commissariat.</Paragraphe>
        <OuSAdresser ID="R13" type="Local personnalisable"><Titre>Commissariat ou Gendarmerie</Titre><PivotLocal>commissariat_police</PivotLocal><RessourceWeb URL="http://www.interieur.gouv.fr/contact"/></OuSAdresser>
      </Texte>
      <OuSAdresser ID="R1" type="Local personnalisable"><Titre>Mairie</Titre><Complement>Pour déposer le dossier</Complement><PivotLocal>mairie</PivotLocal><RessourceWeb URL="https://lannuaire.service-public.fr/"/></OuSAdresser>
      <OuSAdresser ID="R13" type="Local personnalisable"><Titre>Commissariat ou Gendarmerie</Titre><PivotLocal>commissariat_police</PivotLocal></OuSAdresser>
      <OuSAdresser ID="R4" type="Centre de contact"><Titre>Allô Service public</Titre><Texte><Paragraphe>Par téléphone : <MiseEnEvidence>39 39</MiseEnEvidence></Paragraphe></Texte></OuSAdresser>`,
    });
    expect(fiche.frontMatter.pivots).toEqual(['commissariat_police', 'mairie']);
    expect(fiche.body).toBe(
      [
        'Il faut aller au commissariat.',
        "Où s'adresser : **Commissariat ou Gendarmerie**",
        "## Où s'adresser",
        [
          '- **Mairie** — Pour déposer le dossier — [lannuaire.service-public.fr](https://lannuaire.service-public.fr/)',
          '- **Commissariat ou Gendarmerie**',
          '- **Allô Service public**\\\n  Par téléphone : **39 39**',
        ].join('\n'),
      ].join('\n\n'),
    );
    expect(parseBack(fiche)?.pivots).toEqual(['commissariat_police', 'mairie']);
  });

  it('lists the online services under « Services en ligne », each once, with https links', () => {
    const md = body(`<Texte><Paragraphe>Faites une pré-demande.</Paragraphe>
        <ServiceEnLigne ID="R45668" URL="https://passeport.ants.gouv.fr/pre-demande" type="Téléservice"><Titre>Pré-demande de carte d'identité</Titre><Source ID="R30628">ANTS</Source></ServiceEnLigne>
      </Texte>
      <ServiceEnLigne ID="R45668" URL="https://passeport.ants.gouv.fr/pre-demande" type="Téléservice"><Titre>Pré-demande de carte d'identité</Titre></ServiceEnLigne>
      <ServiceEnLigne ID="R13630" URL="https://www.service-public.fr/simulateur/calcul/14011" numerocerfa="14011*02" type="Formulaire"><Titre>Déclaration de perte</Titre></ServiceEnLigne>
      <PourEnSavoirPlus type="Information pratique" ID="R44353" URL="https://www.legifrance.gouv.fr/texte"><Titre>Consuls honoraires</Titre><Source ID="R38880">Legifrance</Source></PourEnSavoirPlus>`);
    expect(md).toBe(
      [
        'Faites une pré-demande.',
        "Service en ligne : [Pré-demande de carte d'identité](https://passeport.ants.gouv.fr/pre-demande)",
        '## Services en ligne',
        [
          "- Service en ligne : [Pré-demande de carte d'identité](https://passeport.ants.gouv.fr/pre-demande)",
          '- Formulaire : [Déclaration de perte](https://www.service-public.fr/simulateur/calcul/14011) (cerfa n° 14011\\*02)',
        ].join('\n'),
        '## Pour en savoir plus',
        '- [Consuls honoraires](https://www.legifrance.gouv.fr/texte) — Legifrance',
      ].join('\n\n'),
    );
  });

  it('ends with the related questions and glossary, and drops conditions and breadcrumbs', () => {
    const md =
      body(`<Texte><FragmentConditionne><Condition><estVrai var="T1"/></Condition><Paragraphe>Visible.</Paragraphe></FragmentConditionne></Texte>
      <Definition ID="R1"><Titre>Ayant droit</Titre><Texte><Paragraphe>Personne qui bénéficie d'un droit.</Paragraphe></Texte></Definition>
      <QuestionReponse ID="F200" audience="Particuliers">Comment demander un passeport ?</QuestionReponse>`);
    expect(md).toBe(
      [
        'Visible.',
        '## Questions-réponses',
        '- [Comment demander un passeport ?](fiche:F200)',
        '## Définitions',
        "- **Ayant droit** : Personne qui bénéficie d'un droit.",
      ].join('\n\n'),
    );
  });

  it('gives the same bytes for the same input', () => {
    const xml = publicationXml({
      body: '<Texte><Paragraphe>Texte <MiseEnEvidence>important</MiseEnEvidence>.</Paragraphe></Texte>',
    });
    const once = xmlToFiche({ name: 'F100.xml', text: xml }, targets);
    const twice = xmlToFiche({ name: 'F100.xml', text: xml }, targets);
    expect(once.ok && twice.ok && renderFicheFile(once.fiche) === renderFicheFile(twice.fiche)).toBe(true);
  });
});
