// The synonyms and thèmes saved from the window keep the editors' comments, their order and every entry:
// round trips on the real content files, and the core's refusals name both expressions.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../knowledge/parse';
import { Store } from '../store/store';
import type { EditorContext } from './documents';
import { readSynonyms, readThemes, setSynonyms, setThemes, synonymsText, themesText } from './vocabulaire';

const CONTENT = fileURLToPath(new URL('../../../content/', import.meta.url));
const SYNONYMS = readFileSync(join(CONTENT, 'synonymes.yml'), 'utf8');
const THEMES = readFileSync(join(CONTENT, 'themes.yml'), 'utf8');
const ACTOR = { compteId: null, identifiant: 'test' };
const NOW = new Date('2026-03-02T10:00:00Z');

function comments(text: string): string[] {
  return text.split('\n').filter((line) => line.trimStart().startsWith('#'));
}

describe('the real content files, round trip', () => {
  it('writes synonymes.yml back byte for byte when nothing changed', () => {
    const groups = YAML.parse(SYNONYMS) as string[][];
    expect(synonymsText(SYNONYMS, groups)).toBe(SYNONYMS);
  });

  it('writes themes.yml back byte for byte when nothing changed', () => {
    const themes = YAML.parse(THEMES) as Array<{ id: string; libelle: string; description?: string }>;
    expect(themesText(THEMES, themes)).toBe(THEMES);
  });

  it('keeps every comment and the accented twin when a synonym is added', () => {
    const groups = YAML.parse(SYNONYMS) as string[][];
    expect(groups[0]).toContain("carte d'identite");
    const edited = groups.map((group) => [...group]);
    edited[1]?.push('titre de voyage');
    edited.push(['ordures', 'déchets ménagers']);
    const text = synonymsText(SYNONYMS, edited);
    expect(comments(text)).toEqual(comments(SYNONYMS));
    expect(text.startsWith(SYNONYMS.split('\n- ')[0] ?? '')).toBe(true);
    expect(YAML.parse(text)).toEqual(edited);
    expect(text).toContain('- [passeport, passeport biométrique, titre de voyage]\n');
    expect(text.endsWith('- [ordures, déchets ménagers]\n')).toBe(true);
  });

  it('keeps the opening comment at the top when the first group is removed', () => {
    const groups = (YAML.parse(SYNONYMS) as string[][]).slice(1);
    const text = synonymsText(SYNONYMS, groups);
    expect(comments(text)).toEqual(comments(SYNONYMS));
    expect(text.startsWith('# Synonymes de recherche')).toBe(true);
    expect(YAML.parse(text)).toEqual(groups);
  });

  it('keeps the comments of themes.yml when a thème is renamed, added or loses its description', () => {
    const themes = YAML.parse(THEMES) as Array<{ id: string; libelle: string; description?: string }>;
    const edited = themes.map((theme) => ({ ...theme }));
    edited[0] = { ...edited[0]!, libelle: 'État civil et famille' };
    delete edited[1]!.description;
    edited.push({ id: 'sport', libelle: 'Sport', description: 'Équipements sportifs.' });
    const text = themesText(THEMES, edited);
    expect(comments(text)).toEqual(comments(THEMES));
    expect(YAML.parse(text)).toEqual(edited);
  });
});

describe('saving from the window', () => {
  let dir: string;
  let store: Store;
  let ctx: EditorContext;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vocabulaire-'));
    copyFileSync(join(CONTENT, 'synonymes.yml'), join(dir, 'synonymes.yml'));
    copyFileSync(join(CONTENT, 'themes.yml'), join(dir, 'themes.yml'));
    store = new Store(join(dir, 'data'));
    ctx = { contentDir: dir, knowledge: parseKnowledge([]) };
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('saves the synonyms unchanged without touching the file, and adds one keeping comments and accents', async () => {
    const groups = readSynonyms(ctx);
    await setSynonyms(store.db, ACTOR, ctx, groups, NOW);
    expect(readFileSync(join(dir, 'synonymes.yml'), 'utf8')).toBe(SYNONYMS);
    const edited = groups.map((group) => [...group]);
    edited[0]?.push('cni sécurisée');
    const vocabulary = await setSynonyms(store.db, ACTOR, ctx, edited, NOW);
    expect(vocabulary.synonymes[0]).toEqual([
      'cni',
      "carte nationale d'identité",
      "carte d'identité",
      "carte d'identite",
      'cni sécurisée',
    ]);
    const text = readFileSync(join(dir, 'synonymes.yml'), 'utf8');
    expect(comments(text)).toEqual(comments(SYNONYMS));
  });

  it('refuses, naming both, two spellings of one expression in two groups', async () => {
    const groups = readSynonyms(ctx).map((group) => group.filter((item) => item !== "carte d'identite"));
    groups.push(["carte d'identite", 'cartes']);
    await expect(setSynonyms(store.db, ACTOR, ctx, groups, NOW)).rejects.toThrow(
      /« carte d'identite » figure dans deux groupes \(écrit « carte d'identité » dans l’autre/,
    );
    expect(readFileSync(join(dir, 'synonymes.yml'), 'utf8')).toBe(SYNONYMS);
  });

  it('saves the thèmes unchanged without touching the file', async () => {
    await setThemes(store.db, ACTOR, ctx, readThemes(ctx), NOW);
    expect(readFileSync(join(dir, 'themes.yml'), 'utf8')).toBe(THEMES);
  });
});
