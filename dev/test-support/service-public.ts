// Small hand-written publications in DILA's format (Publication.xsd 3.3) for the tests.

export interface PublicationFixture {
  id?: string;
  /** Already XML-escaped. */
  title?: string;
  description?: string | null;
  /** dc:date's text. */
  date?: string | null;
  subject?: string;
  theme?: string;
  spUrl?: string | null;
  /** XML of the publication's body: Introduction, Texte, ListeSituations, OuSAdresser… */
  body?: string;
}

/** A whole F*.xml file. */
export function publicationXml(fixture: PublicationFixture = {}): string {
  const id = fixture.id ?? 'F100';
  const title = fixture.title ?? 'Carte d&apos;identité : en cas de perte';
  const spUrl =
    fixture.spUrl === null
      ? ''
      : ` spUrl="${fixture.spUrl ?? `https://www.service-public.fr/particuliers/vosdroits/${id}`}"`;
  const description =
    fixture.description === null
      ? ''
      : `<dc:description>${fixture.description ?? 'Résumé de la fiche.'}</dc:description>`;
  const date = fixture.date === null ? '' : `<dc:date>${fixture.date ?? 'modified 2020-08-26'}</dc:date>`;
  const theme = fixture.theme ?? 'Papiers - Citoyenneté';
  return `<?xml version="1.0" encoding="UTF-8"?>
<Publication xmlns:dc="http://purl.org/dc/elements/1.1/" ID="${id}" type="Fiche d'information"${spUrl}>
<dc:title>${title}</dc:title>
<dc:subject>${fixture.subject ?? theme}</dc:subject>
${description}
${date}
<FilDAriane><Niveau ID="Particuliers">Accueil particuliers</Niveau><Niveau ID="N19810">${theme}</Niveau><Niveau ID="N358">Carte d'identité</Niveau><Niveau ID="${id}" type="Fiche d'information">${title}</Niveau></FilDAriane>
<Theme ID="N19810"><Titre>${theme}</Titre></Theme>
<DossierPere ID="N358"><Titre>Carte d'identité</Titre></DossierPere>
${fixture.body ?? '<Texte><Paragraphe>Texte de la fiche.</Paragraphe></Texte>'}
</Publication>
`;
}

/** An N*.xml dossier: only its title matters to the importer. */
export function dossierXml(id: string, title: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<Publication xmlns:dc="http://purl.org/dc/elements/1.1/" ID="${id}" type="Dossier">
<dc:title>${title}</dc:title><dc:date>modified 2020-01-01</dc:date>
</Publication>
`;
}
