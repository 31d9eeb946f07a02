import { describe, expect, it } from 'vitest';
import { RENDER_MAX_CHARS, TRUNCATED_NOTE, markdownToText, renderMarkdown, truncateMarkdown } from './render';

describe('rendering limits (issue 17)', () => {
  it('renders a short body whole, without a note', () => {
    expect(renderMarkdown('Un **mot**.')).toBe('<p>Un <strong>mot</strong>.</p>\n');
  });

  it('cuts a body beyond the limit between paragraphs and says so in French', () => {
    const body = Array.from({ length: 50 }, (_, i) => `Paragraphe ${i} du texte.`).join('\n\n');
    const html = renderMarkdown(body, 200);
    expect(html).toContain('Paragraphe 0 du texte.');
    expect(html).not.toContain('Paragraphe 40');
    expect(html).toContain(TRUNCATED_NOTE);
    expect(html).toMatch(/<p>Paragraphe \d+ du texte\.<\/p>\n<p class="fiche-tronquee"/);
  });

  it('cuts a body without any break at the limit', () => {
    expect(truncateMarkdown('x'.repeat(1000), 100)).toEqual({ text: 'x'.repeat(100), truncated: true });
    expect(truncateMarkdown('court', 100)).toEqual({ text: 'court', truncated: false });
  });

  it('renders 20 MB of markdown in bounded time', () => {
    const body = '- un élément de liste avec un [lien](https://exemple.fr) et du *texte*\n'.repeat(300_000);
    const started = performance.now();
    const html = renderMarkdown(body);
    expect(performance.now() - started).toBeLessThan(3000);
    expect(html.length).toBeLessThan(RENDER_MAX_CHARS * 3);
    expect(html).toContain(TRUNCATED_NOTE);
  });

  it('reads the text of only the first characters when asked', () => {
    const text = markdownToText('Début.\n\n'.repeat(10) + 'Fin lointaine.', 40);
    expect(text).toContain('Début.');
    expect(text).not.toContain('Fin');
    expect(markdownToText('Début.\n\nFin.')).toBe('Début.\nFin.');
  });
});
