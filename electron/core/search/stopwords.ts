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
