import type { Suggestions, ThemeRef } from '../../../common/contract';
import type { Fiche, Theme } from '../../../common/knowledge/types';
import { analyze, terms } from './analyzer';
import { boundedLevenshtein, fuzzyMatches } from './levenshtein';
import { QUERY_LIMITS, capQuery } from './planner';
import { runAtOnce } from '../steps';
import type { SynonymTable } from './synonyms';
import type { Vocabulary } from './indexed-terms';

export interface SuggestionSources {
  vocabulary: Vocabulary;
  /** The word most often written for a term, if the index knows it. */
  surface: (term: string) => string | undefined;
  synonyms: SynonymTable;
  themes: ThemeProfile[];
}

/** Unknown words of one query respelled at most: each one walks the vocabulary. */
const MAX_RESPELLED = 4;
/** Work allowed to find one word's nearest term (cells of the distance table, see fuzzyMatches). */
const RESPELL_CELL_BUDGET = 100_000;

/** The nearest known term to an unknown one: fewest edits, then the most common first letter match. */
function nearestTerm(term: string, vocabulary: Vocabulary): string | undefined {
  const max = Math.max(2, Math.floor(term.length / 3));
  let best: string | undefined;
  let bestDistance = max + 1;
  // The matches come in the vocabulary's order, as the full scan this walk replaces did.
  for (const { term: candidate, distance } of fuzzyMatches(
    vocabulary.terms(),
    term,
    max,
    RESPELL_CELL_BUDGET,
  )) {
    const better =
      distance < bestDistance ||
      (distance === bestDistance && candidate[0] === term[0] && best?.[0] !== term[0]);
    if (better) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Distinct terms of a query compared with every synonym and thème: a desk query has a handful, and a pasted text
 * that found nothing is better served by its first words than by seconds of comparisons.
 */
const MAX_SUGGESTION_TERMS = 24;

/** The query's distinct terms the suggestions look at: its first ones, of a sane length. */
function queryTermsOf(query: string): string[] {
  const distinct = new Set<string>();
  for (const term of terms(capQuery(query))) {
    if (distinct.size >= MAX_SUGGESTION_TERMS) break;
    if (term.length <= QUERY_LIMITS.literalLength) distinct.add(term);
  }
  return [...distinct];
}

function spellings(query: string, sources: SuggestionSources): string[] {
  const tokens = analyze(capQuery(query));
  let changed = false;
  let corrected = query;
  let left = MAX_RESPELLED;
  for (const token of [...tokens].reverse()) {
    if (sources.vocabulary.has(token.term)) continue;
    // A reference number or a word of dozens of letters is no typo of a known word.
    if (token.term.length > QUERY_LIMITS.fuzzyMaxLength || /\d/.test(token.term)) continue;
    if (left-- === 0) break;
    const nearest = nearestTerm(token.term, sources.vocabulary);
    if (!nearest) continue;
    changed = true;
    const word = sources.surface(nearest) ?? nearest;
    corrected = corrected.slice(0, token.start) + word + corrected.slice(token.start + token.length);
  }
  return changed ? [corrected] : [];
}

function related(queryTerms: string[], candidateTerms: string[]): boolean {
  return queryTerms.some((q) =>
    candidateTerms.some(
      (c) => c === q || (q.length >= 3 && c.startsWith(q)) || boundedLevenshtein(q, c, 1) <= 1,
    ),
  );
}

function synonymSuggestions(queryTerms: string[], synonyms: SynonymTable): string[] {
  const out: string[] = [];
  for (const group of synonyms.groups) {
    if (group.some((expression) => related(queryTerms, expression.terms)))
      out.push(...group.map((e) => e.text));
  }
  return [...new Set(out)].slice(0, 8);
}

/** A thème with the terms that describe it: its label, its description, its fiches' titles and keywords. */
export interface ThemeProfile {
  theme: Theme;
  terms: string[];
  size: number;
}

/** Fiches analysed per step of `themeProfilesInSteps` (a few milliseconds): 20,000 took over a second at once. */
const FICHES_PER_STEP = 250;

/**
 * Computed once per index (it reads every fiche), then reused by every empty search; in steps, yielding every
 * FICHES_PER_STEP fiches, so that a swap can make it ahead between turns of the event loop. Each fiche's title
 * and keywords are analysed once, whatever the number of its thèmes.
 */
export function* themeProfilesInSteps(themes: Theme[], fiches: Fiche[]): Generator<void, ThemeProfile[]> {
  const profiles = new Map<string, { terms: Set<string>; size: number }>();
  for (const theme of themes) {
    if (!profiles.has(theme.id))
      profiles.set(theme.id, {
        terms: new Set(terms(`${theme.libelle} ${theme.description ?? ''}`)),
        size: 0,
      });
  }
  let read = 0;
  for (const fiche of fiches) {
    if (++read % FICHES_PER_STEP === 0) yield;
    const own = [...new Set(fiche.themes)].flatMap((id) => profiles.get(id) ?? []);
    if (own.length === 0) continue;
    const ficheTerms = terms([fiche.titre, ...fiche.mots_cles].join(' '));
    for (const profile of own) {
      for (const term of ficheTerms) profile.terms.add(term);
      profile.size++;
    }
  }
  return themes.map((theme) => {
    const profile = profiles.get(theme.id);
    return { theme, terms: [...(profile?.terms ?? [])], size: profile?.size ?? 0 };
  });
}

/** The same, at once. */
export function themeProfiles(themes: Theme[], fiches: Fiche[]): ThemeProfile[] {
  return runAtOnce(themeProfilesInSteps(themes, fiches));
}

function themeSuggestions(queryTerms: string[], sources: SuggestionSources): ThemeRef[] {
  const scored = sources.themes.map((profile) => ({
    ...profile,
    score: queryTerms.filter((q) => related([q], profile.terms)).length,
  }));
  const near = scored.filter((s) => s.score > 0).sort((a, b) => b.score - a.score || b.size - a.size);
  // Nothing near: the busiest thèmes are still a better next step than a blank page.
  const pick = near.length > 0 ? near : scored.sort((a, b) => b.size - a.size);
  return pick.slice(0, 4).map(({ theme }) => ({ id: theme.id, libelle: theme.libelle }));
}

/** What to offer when a query finds nothing: a respelling, related synonyms, and the nearest thèmes. */
export function suggest(query: string, sources: SuggestionSources): Suggestions {
  const queryTerms = queryTermsOf(query);
  return {
    spellings: spellings(query, sources),
    synonyms: synonymSuggestions(queryTerms, sources.synonyms),
    themes: themeSuggestions(queryTerms, sources),
  };
}
