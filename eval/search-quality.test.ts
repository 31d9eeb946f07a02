// Floors of search quality on the relevance set (eval/relevance.yml), over the demo content plus the national
// fiches imported from the Service-Public.fr archive: a change that makes the search worse fails here.
// The floors sit slightly below the figures measured when they were set (current − 0.05, rounded down); raise
// them when the search improves. `npm run eval:search` prints the figures and the failures.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedCorpusFile, skipWithoutCorpus } from '../dev/test-support/shared-corpus';
import type { EvaluationReport, Metrics, QueryKind } from '../dev/search-evaluation/evaluation';
import {
  buildEngine,
  engineSearch,
  importNationalArchive,
  loadRelevanceSet,
  readContentFolders,
  runRelevanceSet,
  summarize,
  unknownExpectations,
} from '../dev/search-evaluation/evaluation';

const ARCHIVE = sharedCorpusFile('service-public/vosdroits-particuliers-2020-11.zip');
const CONTENT = fileURLToPath(new URL('../content', import.meta.url));
const RELEVANCE = fileURLToPath(new URL('./relevance.yml', import.meta.url));
const HELD_OUT = fileURLToPath(new URL('./held-out/citizen-questions.yml', import.meta.url));
const NATIONAL_ID = /^F\d+$/;

type Floors = Pick<Metrics, 'success1' | 'success3' | 'success5' | 'success10' | 'mrr'>;

/**
 * Measured on 2026-12-03 with 144 queries (short: s@1 0.880, s@3 0.960, s@5 0.973, s@10 0.973, MRR 0.921;
 * long: s@1 0.783, s@3 0.913, s@5 0.942, s@10 0.971, MRR 0.856), minus about 0.03–0.05, rounded down.
 */
const FLOORS: Record<QueryKind, Floors> = {
  short: { success1: 0.83, success3: 0.91, success5: 0.94, success10: 0.94, mrr: 0.87 },
  long: { success1: 0.73, success3: 0.87, success5: 0.9, success10: 0.92, mrr: 0.8 },
};

/**
 * The held-out citizens' questions (never tuned on), measured on 2026-12-03: s@5 0.880 (s@1 0.651, s@10 0.928,
 * MRR 0.750). Issue 13 asks for 0.70 at least on such questions.
 */
const HELD_OUT_FLOORS: Floors = { success1: 0.6, success3: 0.79, success5: 0.84, success10: 0.89, mrr: 0.7 };

const cases = loadRelevanceSet(RELEVANCE);
const heldOut = loadRelevanceSet(HELD_OUT);

describe('relevance set', () => {
  it('names only demo fiches that exist, and national fiches by their F… id', () => {
    const engine = buildEngine(readContentFolders([{ dir: CONTENT }]));
    const unknownLocal = unknownExpectations(cases, (id) => NATIONAL_ID.test(id) || !!engine.fiche(id));
    expect(unknownLocal).toEqual([]);
  });

  it('has about as many short queries as long ones', () => {
    const short = cases.filter((c) => c.kind === 'short').length;
    const long = cases.length - short;
    expect(cases.length).toBeGreaterThanOrEqual(90);
    expect(Math.min(short, long) / Math.max(short, long)).toBeGreaterThan(0.75);
  });
});

describe('held-out citizen questions', () => {
  it('holds at least 150 long questions, none of them in the tuning set', () => {
    expect(heldOut.length).toBeGreaterThanOrEqual(150);
    expect(heldOut.every((c) => c.kind === 'long')).toBe(true);
    const tuning = new Set(cases.map((c) => c.query.toLowerCase()));
    expect(heldOut.filter((c) => tuning.has(c.query.toLowerCase()))).toEqual([]);
  });
});

describe.skipIf(skipWithoutCorpus(ARCHIVE, 'Les planchers de qualité de la recherche'))(
  'search quality floors (demo content + national fiches)',
  () => {
    let folder = '';
    let report: EvaluationReport;
    let heldOutReport: EvaluationReport;
    let unknown: Array<{ query: string; ids: string[] }> = [];
    let collisions: Array<{ id: string; paths: string[] }> = [];

    beforeAll(async () => {
      folder = mkdtempSync(join(tmpdir(), 'infocite-eval-'));
      const national = join(folder, 'national');
      await importNationalArchive(ARCHIVE, national);
      const content = readContentFolders([{ dir: CONTENT }, { dir: national, prefix: 'national/' }]);
      collisions = content.collisions;
      const engine = buildEngine(content);
      unknown = unknownExpectations([...cases, ...heldOut], (id) => engine.fiche(id) !== undefined);
      report = summarize(runRelevanceSet(cases, engineSearch(engine)));
      heldOutReport = summarize(runRelevanceSet(heldOut, engineSearch(engine)));
    }, 300_000); // import ~20 s and index ~25 s on an idle 2-core machine; several times that under load

    afterAll(() => {
      if (folder) rmSync(folder, { recursive: true, force: true });
    });

    it('imports national fiches whose ids collide with no local one', () => {
      expect(collisions).toEqual([]);
    });

    it('finds every expected fiche in the corpus', () => {
      expect(unknown).toEqual([]);
    });

    for (const kind of ['short', 'long'] as const) {
      it(`keeps ${kind} queries above their floors`, () => {
        const metrics = report.byKind[kind];
        for (const [name, floor] of Object.entries(FLOORS[kind])) {
          expect(metrics[name as keyof Floors], `${kind} ${name}`).toBeGreaterThanOrEqual(floor);
        }
      });
    }

    it('keeps the held-out citizen questions above their floors', () => {
      const metrics = heldOutReport.byKind.long;
      for (const [name, floor] of Object.entries(HELD_OUT_FLOORS)) {
        expect(metrics[name as keyof Floors], `held-out ${name}`).toBeGreaterThanOrEqual(floor);
      }
    });
  },
);
