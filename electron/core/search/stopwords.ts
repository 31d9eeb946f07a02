// French function words, folded (no accents), dropped from the index and from queries. Kept short on purpose:
// words that carry meaning at a desk ("pas" in "pas de papiers", "sans", "plus") are not here.
export const STOP_WORDS = new Set(
  `a ai aie aient aies ait as au aux avec avoir avez avons c ca ce ceci cela celle celles celui ces cet cette
  ceux chez comme comment d dans de des du donc dont elle elles en est et etaient etais etait etant ete etes
  etre eu eux furent fut il ils j je jusqu l la le les leur leurs lorsqu lui m ma mais me meme mes moi mon n
  ne nos notre nous on ont ou par pour puisqu qu quand que quel quelle quelles quels qui s sa se ses si son
  sont suis sur t ta te tes toi ton tu un une unes uns vos votre vous y bonjour merci madame monsieur svp
  cordialement aurait auriez pourriez voudrais voudrait souhaite souhaiterais besoin faut faire fait`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Words of a citizen's e-mail that tell its story, not its need (folded, as written): greetings, thanks, time
 * and degree (« depuis deux ans », « vraiment »), the asking itself (« je voudrais savoir si je peux »). Dropped
 * from pasted questions only: in a desk query of two words, each was typed on purpose. Procedure vocabulary
 * (« demande », « aide », « droit ») and people (« mari », « enfant ») stay: they often are the need.
 */
export const NARRATIVE_WORDS = new Set(
  `bonsoir salut bjr bsr cdt remercie remerciant remerciements avance depuis hier aujourd aujourdhui demain
  ans annee annees mois semaine semaines jour jours fois deja toujours encore jamais vraiment tres trop beaucoup
  peu bien mal alors car parce puis apres avant maintenant actuellement recemment savoir connaitre voulais veux
  veut voulons voulez voudrions aimerais aimerions pourrais pourrions pouvez peux peut pouvons pouvoir dois doit
  devons devez devoir normal possible question questions renseigner renseignement renseignements information
  informations stp explique expliquer expliquez comprends comprendre comprend sais sait avons avez quoi
  pourquoi chose choses truc tout tous toute toutes rien oui non ok etc urgent urgence rapidement vite reponse
  repondre retour pense crois trouve dit dire on nous ils votre cela ceci voila ici la`
    .split(/\s+/)
    .filter(Boolean),
);
