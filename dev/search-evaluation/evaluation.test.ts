import { describe, expect, it } from 'vitest';
import { ficheFile } from '../test-support/content';
import type { QueryOutcome, RelevanceCase } from './evaluation';
import {
  combineFiles,
  computeMetrics,
  failuresAt,
  firstRelevantRank,
  floorTo,
  frontMatterId,
  parseRelevanceSet,
  percentile,
  RelevanceSetError,
  restrictToKnown,
  runRelevanceSet,
  summarize,
  unknownExpectations,
} from './evaluation';

const ten = (prefix: string) => Array.from({ length: 10 }, (_, i) => `${prefix}${i + 1}`);

/**
 * Five queries with known ranks: 1, 2 (the better of two expected ids), 5, absent because 11th, absent.
 * success@1 = 1/5, success@3 = 2/5, success@10 = 3/5, MRR = (1 + 1/2 + 1/5) / 5 = 0.34.
 */
const cases: RelevanceCase[] = [
  { query: 'q1', kind: 'short', expected: ['a'] },
  { query: 'q2', kind: 'short', expected: ['x', 'y'] },
  { query: 'q3', kind: 'long', expected: ['z'] },
  { query: 'q4', kind: 'long', expected: ['w'] },
  { query: 'q5', kind: 'long', expected: ['v'] },
];
const answers: Record<string, string[]> = {
  q1: ['a', 'b', 'c'],
  q2: ['b', 'y', 'x'],
  q3: ['n1', 'n2', 'n3', 'n4', 'z', 'n6'],
  q4: [...ten('n'), 'w'],
  q5: ['a', 'b'],
};

function run(): QueryOutcome[] {
  let clock = 0;
  // Each search takes as many milliseconds as its query's number: q1 → 1 ms … q5 → 5 ms.
  return runRelevanceSet(
    cases,
    (query) => {
      clock += Number(query.slice(1));
      return answers[query] ?? [];
    },
    () => clock,
  );
}

describe('relevance metrics', () => {
  it('finds the rank of the best-ranked expected id, within the limit only', () => {
    expect(firstRelevantRank(['a', 'b'], ['a'])).toBe(1);
    expect(firstRelevantRank(['b', 'y', 'x'], ['x', 'y'])).toBe(2);
    expect(firstRelevantRank([...ten('n'), 'w'], ['w'])).toBeNull();
    expect(firstRelevantRank(['a', 'b', 'c'], ['c'], 2)).toBeNull();
    expect(firstRelevantRank([], ['a'])).toBeNull();
  });

  it('runs every query, keeps the top 10 and times each search', () => {
    const outcomes = run();
    expect(outcomes.map((o) => o.rank)).toEqual([1, 2, 5, null, null]);
    expect(outcomes.map((o) => o.ms)).toEqual([1, 2, 3, 4, 5]);
    expect(outcomes[3]?.returned).toHaveLength(10);
  });

  it('computes success@k and MRR over all queries', () => {
    const metrics = computeMetrics(run());
    expect(metrics.queries).toBe(5);
    expect(metrics.success1).toBeCloseTo(0.2, 10);
    expect(metrics.success3).toBeCloseTo(0.4, 10);
    expect(metrics.success5).toBeCloseTo(0.6, 10);
    expect(metrics.success10).toBeCloseTo(0.6, 10);
    expect(metrics.mrr).toBeCloseTo(0.34, 10);
    expect(metrics.p50Ms).toBe(3);
    expect(metrics.p95Ms).toBe(5);
  });

  it('splits the figures by kind of query', () => {
    const report = summarize(run());
    expect(report.byKind.short).toMatchObject({
      queries: 2,
      success1: 0.5,
      success3: 1,
      success10: 1,
      mrr: 0.75,
    });
    expect(report.byKind.long.queries).toBe(3);
    expect(report.byKind.long.success1).toBe(0);
    expect(report.byKind.long.success3).toBe(0);
    expect(report.byKind.long.success10).toBeCloseTo(1 / 3, 10);
    expect(report.byKind.long.mrr).toBeCloseTo(0.2 / 3, 10);
    expect(report.overall.mrr).toBeCloseTo(0.34, 10);
  });

  it('gives zeros, not NaN, for an empty kind', () => {
    expect(computeMetrics([])).toEqual({
      queries: 0,
      success1: 0,
      success3: 0,
      success5: 0,
      success10: 0,
      mrr: 0,
      p50Ms: 0,
      p95Ms: 0,
    });
  });

  it('lists the failures at k, absent ones first', () => {
    expect(failuresAt(run(), 3).map((o) => o.query)).toEqual(['q4', 'q5', 'q3']);
    expect(failuresAt(run(), 1).map((o) => o.query)).toEqual(['q4', 'q5', 'q3', 'q2']);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(values, 50)).toBe(10);
    expect(percentile(values, 95)).toBe(19);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });

  it('rounds floors down', () => {
    expect(floorTo(0.8765 - 0.05)).toBeCloseTo(0.82, 10);
    expect(floorTo(0.9)).toBeCloseTo(0.9, 10);
    expect(floorTo(0.03 - 0.05)).toBe(0);
  });
});

describe('relevance set', () => {
  it('parses a valid set', () => {
    const set = parseRelevanceSet(
      '- query: cni perdue\n  kind: short\n  expected: [cni-perte, F1344]\n  note: both\n',
    );
    expect(set).toEqual([
      { query: 'cni perdue', kind: 'short', expected: ['cni-perte', 'F1344'], note: 'both' },
    ]);
  });

  it('lists every problem with its entry', () => {
    const text = [
      '- query: cni perdue',
      '  kind: court',
      '  expected: []',
      '- query: pacs',
      '  expected: [pacs]',
      '  expect: [F1618]',
    ].join('\n');
    expect(() => parseRelevanceSet(text, 'test.yml')).toThrow(RelevanceSetError);
    try {
      parseRelevanceSet(text, 'test.yml');
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain('entry 1 (« cni perdue »), kind');
      expect(message).toContain('entry 1 (« cni perdue »), expected: at least one expected id');
      expect(message).toContain('entry 2 (« pacs »)');
      expect(message).toContain('expect');
    }
  });

  it('rejects duplicate queries and ids, and an empty set', () => {
    const twice =
      '- {query: Pacs, kind: short, expected: [pacs]}\n- {query: " pacs", kind: long, expected: [a]}';
    expect(() => parseRelevanceSet(twice)).toThrow(/duplicate query/);
    expect(() => parseRelevanceSet('- {query: pacs, kind: short, expected: [a, a]}')).toThrow(/listed twice/);
    expect(() => parseRelevanceSet('[]')).toThrow(/empty/);
    expect(() => parseRelevanceSet('- query: [unclosed')).toThrow(/unreadable YAML/);
  });

  it('reports unknown expected ids, and restricts the set to a partial corpus', () => {
    const known = new Set(['a', 'y']);
    const isKnown = (id: string) => known.has(id);
    expect(unknownExpectations(cases, isKnown)).toEqual([
      { query: 'q2', ids: ['x'] },
      { query: 'q3', ids: ['z'] },
      { query: 'q4', ids: ['w'] },
      { query: 'q5', ids: ['v'] },
    ]);
    const restricted = restrictToKnown(cases, isKnown);
    expect(restricted.cases).toEqual([
      { query: 'q1', kind: 'short', expected: ['a'] },
      { query: 'q2', kind: 'short', expected: ['y'] },
    ]);
    expect(restricted.skipped.map((c) => c.query)).toEqual(['q3', 'q4', 'q5']);
  });
});

describe('combined content folders', () => {
  it('prefixes the paths of each folder and finds ids defined twice', () => {
    const local = [ficheFile('pacs'), ficheFile('F1618'), { path: 'themes.yml', text: '[]' }];
    const national = [
      { ...ficheFile('F1618'), path: 'F1618.md' },
      { ...ficheFile('F961'), path: 'F961.md' },
    ];
    const combined = combineFiles([
      { files: local, hash: 'h1' },
      { files: national, hash: 'h2', prefix: 'national/' },
    ]);
    expect(combined.files.map((f) => f.path)).toEqual([
      'fiches/pacs.md',
      'fiches/F1618.md',
      'themes.yml',
      'national/F1618.md',
      'national/F961.md',
    ]);
    expect(combined.collisions).toEqual([{ id: 'F1618', paths: ['fiches/F1618.md', 'national/F1618.md'] }]);
    expect(combined.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(combineFiles([{ files: local, hash: 'h1' }]).hash).not.toBe(combined.hash);
  });

  it('reads the id of a front-matter without parsing it', () => {
    expect(frontMatterId('---\ntitre: X\nid: cni-perte\n---\nid: not-this\n')).toBe('cni-perte');
    expect(frontMatterId("---\nid: 'F1344'  # national\n---\n")).toBe('F1344');
    expect(frontMatterId('---\r\nid: "F1"\r\n---\r\n')).toBe('F1');
    expect(frontMatterId('no front-matter\nid: x\n')).toBeUndefined();
  });
});
