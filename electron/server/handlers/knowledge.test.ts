// Issue 17: a fiche of tens of megabytes must not freeze `fiches.get` (it took 25 s and answered 87 MB).
import { describe, expect, it } from 'vitest';
import type { Core } from '../../core/app';
import { RENDER_MAX_CHARS, TRUNCATED_NOTE } from '../../core/knowledge/render';
import { SearchEngine } from '../../core/search/engine';
import { buildSearchData } from '../../core/search/index-build';
import { ficheFile, sampleContent } from '../../../dev/test-support/content';
import { knowledgeHandlers } from './knowledge';

const engine = new SearchEngine(
  buildSearchData(
    [...sampleContent(), ficheFile('enorme', { titre: 'Fiche énorme', services: ['mairie'] }, 'Une ligne.')],
    'hash',
  ),
);
// Indexing 50 MB would take the test minutes: the body is swapped after the build, as if the file had grown.
const huge = engine.fiche('enorme');
if (!huge) throw new Error('the test fiche is missing');
huge.body = `# Titre\n\n${'Un paragraphe de la fiche, sur le passeport et la mairie.\n\n'.repeat(850_000)}`;

// The handler reads only the live engine and the clock of the core: the rest of a core (database, accounts,
// worker) has nothing to do with rendering, so a partial one stands in for it.
const core = {
  search: { current: () => engine },
  now: () => new Date('2026-11-23T09:00:00Z'),
} as unknown as Core;
const context = { session: { roles: ['agent' as const] }, client: {} } as unknown as Parameters<
  (typeof knowledgeHandlers)['fiches.get']
>[2];

describe('fiches.get on a huge fiche', () => {
  it('renders only the beginning of a 50 MB body, quickly, with a note saying so', async () => {
    expect(huge.body.length).toBeGreaterThan(50_000_000);
    const started = performance.now();
    const answer = await knowledgeHandlers['fiches.get'](core, { id: 'enorme' }, context);
    const ms = performance.now() - started;
    expect(answer.html).toContain('Un paragraphe de la fiche');
    expect(answer.html).toContain(TRUNCATED_NOTE);
    expect(answer.html.length).toBeLessThan(RENDER_MAX_CHARS * 2);
    expect(JSON.stringify(answer).length).toBeLessThan(RENDER_MAX_CHARS * 3);
    // Measured at a few tens of milliseconds; the unbounded render took 25 s.
    expect(ms).toBeLessThan(2000);
  });

  it('finds it and cuts its snippet quickly', () => {
    const started = performance.now();
    const response = engine.search('fiche énorme');
    expect(response.results.map((hit) => hit.id)).toContain('enorme');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('leaves an ordinary fiche whole', async () => {
    const answer = await knowledgeHandlers['fiches.get'](core, { id: 'passeport' }, context);
    expect(answer.html).toContain('timbre fiscal');
    expect(answer.html).not.toContain(TRUNCATED_NOTE);
  });
});
