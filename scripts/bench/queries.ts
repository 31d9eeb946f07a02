// The fixed queries of the benchmark: what agents type at a French town hall's reception desk, and what
// citizens paste from their emails. Fixed, so two runs measure the same work.

export const QUERY_KINDS = ['one word', 'two words', 'typing', 'typo', 'long question'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

/** Single words, as agents type them. */
export const ONE_WORD: readonly string[] = [
  'passeport',
  'cni',
  'naissance',
  'mariage',
  'décès',
  'pacs',
  'divorce',
  'déménagement',
  'procuration',
  'recensement',
  'cantine',
  'crèche',
  'logement',
  'apl',
  'rsa',
  'retraite',
  'chômage',
  'impôts',
  'amende',
  'stationnement',
  'encombrants',
  'déchèterie',
  'cimetière',
  'nationalité',
  'adoption',
  'succession',
  'tutelle',
  'handicap',
  'bourse',
  'vaccination',
  'urbanisme',
  'chien',
  'bruit',
  'élections',
  'légalisation',
  'apostille',
  'expulsion',
  'surendettement',
  'naturalisation',
  'héritage',
];

/** Two meaningful words, sometimes with the little words agents type anyway. */
export const TWO_WORDS: readonly string[] = [
  'acte naissance',
  "carte d'identité",
  'perte passeport',
  'carte grise',
  'permis conduire',
  'logement social',
  'inscription scolaire',
  'liste électorale',
  'livret famille',
  'changement nom',
  'certificat décès',
  'allocation logement',
  'aide sociale',
  "prime d'activité",
  'titre séjour',
  'casier judiciaire',
  'pension alimentaire',
  'congé maternité',
  'assurance maladie',
  'arrêt travail',
  'chèque énergie',
  'taxe foncière',
  'permis construire',
  'déclaration travaux',
  'reconnaissance anticipée',
  'mariage étranger',
  'vol voiture',
  'accident travail',
  'carte vitale',
  'dépôt garantie',
  'état des lieux',
  'garde enfant',
  'congé parental',
  'acte de décès',
  'vote procuration',
];

/** Typed letter by letter: every prefix, from the first letter, is a query of its own, as the window sends them. */
export const TYPING: readonly string[] = [
  'passeport',
  'naissance',
  'déménagement',
  'inscription',
  'procuration',
  'allocation',
  'recensement',
  'nationalité',
  'stationnement',
  'encombrants',
  'succession',
  'retraite',
  'logement',
  'mariage',
  'divorce',
  'chômage',
  'handicap',
  'adoption',
  'cantine',
  'concession',
  'apostille',
  'tutelle',
  'vaccination',
  'bourse',
  'amende',
  'permis',
  'impôts',
  'pension',
  'curatelle',
  'scolarité',
  'urbanisme',
  'naturalisation',
];

/** Long words with one or two slips of the keyboard or of spelling. */
export const TYPO: readonly string[] = [
  'pasport',
  'naissence',
  'déménagment',
  'inscritpion',
  'procuation',
  'allocaton',
  'recensment',
  'nationnalité',
  'stationement',
  'encombremants',
  'sucession',
  'retraitte',
  'logemnet',
  'marriage',
  'divorse',
  'chaumage',
  'adoptoin',
  'cantinne',
  'concesion',
  'apostile',
  'vacination',
  'ammende',
  'curatèle',
  'scolarittée',
  'urbanisne',
  'naturalistion',
  'succesion',
  'surendetement',
  'handicaap',
  'légalisaton',
  'asurance',
  'permis conduir',
  "carte d'identitée",
];

/** Questions pasted from citizens' emails or read out at the desk: 20 to 80 words each. */
export const LONG_QUESTION: readonly string[] = [
  "Bonjour, mon passeport a expiré il y a deux mois et je dois partir au Canada en juillet pour un mariage. Quels documents dois-je apporter et combien de temps faut-il pour l'obtenir ?",
  "Bonjour madame, ma mère est décédée la semaine dernière à l'hôpital. Je voudrais savoir comment obtenir des copies de l'acte de décès pour la banque et le notaire, et qui doit déclarer le décès.",
  'Nous venons de déménager dans la commune avec nos deux enfants. Comment inscrire notre fils à l’école maternelle et notre fille à la cantine, et faut-il un justificatif de domicile ?',
  "Je suis au chômage depuis trois mois et mon loyer devient trop cher. Est-ce que j'ai droit à une aide au logement ou à une aide de la CAF, et comment faire la demande ?",
  "Bonjour, j'ai perdu ma carte d'identité et mon permis de conduire lors d'un vol dans le métro. Faut-il porter plainte avant de refaire les papiers et est-ce payant ?",
  'Mon fils aura seize ans le mois prochain. On m’a dit qu’il devait se faire recenser à la mairie. Quels papiers apporter et à quoi sert cette attestation de recensement ?',
  'Je souhaite me pacser avec ma compagne, nous sommes tous les deux français et vivons ensemble depuis trois ans. Faut-il aller à la mairie ou chez un notaire, et quels documents préparer ?',
  "Bonjour, je voudrais voter aux prochaines élections mais je serai en déplacement professionnel ce jour-là. Comment établir une procuration et jusqu'à quand puis-je la faire ?",
  "Mon voisin fait du bruit tous les soirs jusqu'à deux heures du matin avec de la musique très forte. J'ai déjà essayé de lui parler. Que puis-je faire, qui contacter et est-ce que la police municipale peut intervenir ?",
  "J'ai un vieux canapé, un réfrigérateur et des planches à jeter après mon déménagement. Est-ce que la mairie ramasse les encombrants ou dois-je aller à la déchèterie avec ma voiture ?",
  'Bonjour, ma voiture a été enlevée par la fourrière ce matin devant chez moi alors que je pensais être bien garé. Comment la récupérer, combien cela coûte et quels documents faut-il présenter ?',
  "Nous attendons un bébé pour le mois de mars et nous ne sommes pas mariés. Le père peut-il reconnaître l'enfant avant la naissance, où faut-il aller et faut-il prendre rendez-vous ?",
  'Je suis de nationalité algérienne, marié à une Française depuis cinq ans, et je voudrais demander la nationalité française. Quelles sont les conditions, les pièces à fournir et les délais ?',
  'Ma grand-mère de 85 ans vit seule et ne peut plus faire ses repas. Existe-t-il un service de portage de repas à domicile, une aide pour les personnes âgées, et comment en bénéficier ?',
  "Bonjour, je voudrais construire une véranda de 25 mètres carrés à l'arrière de ma maison. Dois-je déposer un permis de construire ou une simple déclaration préalable de travaux en mairie ?",
  'Mon père est décédé et il avait une concession au cimetière communal qui arrive à échéance. Comment la renouveler, qui peut le faire et quel en est le prix ?',
  "Je suis en situation de handicap depuis un accident du travail et je n'arrive plus à travailler à temps plein. À quelles aides ai-je droit, et faut-il passer par la maison départementale des personnes handicapées ?",
  'Bonjour, je me marie en septembre avec un ressortissant américain. Quels documents doit-il fournir, faut-il une traduction des actes et combien de temps avant faut-il déposer le dossier ?',
  "Mon propriétaire refuse de me rendre le dépôt de garantie deux mois après l'état des lieux de sortie alors que l'appartement était propre. Quels sont mes droits et que dois-je faire ?",
  "Je viens de recevoir un avis de taxe foncière beaucoup plus élevé que l'an dernier alors que rien n'a changé. Est-ce normal, à qui m'adresser et comment contester le montant ?",
  "Bonjour, ma fille de quinze ans veut partir en voyage scolaire en Espagne. A-t-elle besoin d'une autorisation de sortie du territoire signée par un parent en plus de sa carte d'identité ?",
  "Je suis étudiant étranger et mon titre de séjour expire dans un mois. Où faire le renouvellement, faut-il prendre rendez-vous à la préfecture, et puis-je continuer à travailler pendant l'instruction du dossier ?",
  'Nous nous séparons après dix ans de mariage et avons deux enfants. Comment se passe un divorce par consentement mutuel, combien cela coûte et comment fixer la pension alimentaire et la garde ?',
  "Bonjour, je cherche une place en crèche pour mon fils qui aura six mois en septembre. Comment faire une demande de place, quels sont les critères et existe-t-il d'autres modes de garde ?",
  "J'ai reçu une amende pour stationnement alors que j'avais payé le ticket à l'horodateur et je l'ai gardé. Comment contester ce forfait post-stationnement et dans quel délai dois-je le faire ?",
  'Mon oncle est décédé sans enfant et sans testament. Qui hérite de ses biens, faut-il passer chez le notaire, et que faire si la succession comporte surtout des dettes ?',
  "Je ne parviens plus à rembourser mes crédits et mes factures depuis la perte de mon emploi. Comment déposer un dossier de surendettement à la Banque de France et qui peut m'aider à le remplir ?",
  "Bonjour, je voudrais changer de prénom car celui que j'ai me cause des difficultés au quotidien. Faut-il passer par le tribunal ou par la mairie, et quels justificatifs sont demandés ?",
  "Mon fils majeur est sous curatelle et je suis son curateur. Je dois l'aider à faire une demande de logement social. Quels documents faut-il et dois-je signer à sa place ?",
  "Je suis auto-entrepreneur et je voudrais savoir si je peux bénéficier de la prime d'activité, comment mes revenus sont pris en compte et s'il faut faire une déclaration tous les trois mois à la CAF.",
  "Bonjour, j'ai adopté un chien de catégorie deux et on me dit qu'il faut un permis de détention. Où le demander, faut-il une évaluation comportementale, une assurance spéciale et un certificat du vétérinaire ?",
  "Ma mère âgée entre en maison de retraite le mois prochain et ses revenus ne suffisent pas à payer l'hébergement. Peut-elle obtenir l'aide sociale à l'hébergement, et les enfants doivent-ils participer aux frais ?",
];

/** The queries of one kind, as run: a typed word becomes one query per prefix. */
export function queriesOf(kind: QueryKind, quick = false): string[] {
  const base = {
    'one word': ONE_WORD,
    'two words': TWO_WORDS,
    typing: TYPING,
    typo: TYPO,
    'long question': LONG_QUESTION,
  }[kind];
  const chosen = quick ? base.slice(0, 8) : [...base];
  return kind === 'typing' ? chosen.flatMap(typedPrefixes) : chosen;
}

/** "cni" → ["c", "cn", "cni"]: what the window searches while the word is typed. */
export function typedPrefixes(word: string): string[] {
  const letters = [...word];
  return letters.map((_, i) => letters.slice(0, i + 1).join(''));
}

/** Whitespace-separated words: used to check that long questions stay in their 20–80 word range. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
