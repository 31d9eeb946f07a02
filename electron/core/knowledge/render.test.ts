import { describe, expect, it } from 'vitest';
import { isAllowedLink, markdownToText, renderMarkdown } from './render';

describe('fiche rendering', () => {
  it('renders every XSS payload inert', () => {
    const html = renderMarkdown(
      [
        '<script>alert(1)</script>',
        '[clic](javascript:alert(1)) [clic2](JAVASCRIPT:alert(1)) [clic3](vbscript:x) [f](file:///etc/passwd)',
        '<img src=x onerror="alert(1)">',
        '<svg onload="alert(1)"></svg>',
        '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
        '![image](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
        '<a href="javascript:alert(1)">a</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<(script|img|svg|iframe|object)|href="(javascript|data|file|vbscript):/i);
    expect(html).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
    expect(html).toContain('&lt;script&gt;');
    expect(renderMarkdown('![carte](https://x.example/a.png)')).toBe(
      '<p><span class="image-absente">[carte]</span></p>\n',
    );
  });

  it('turns fiche: and contact: links into in-app routes and marks external links', () => {
    const html = renderMarkdown(
      '[Passeport](fiche:passeport) [Mairie](contact:mairie) [ANTS](https://ants.gouv.fr)',
    );
    expect(html).toContain('href="#/fiche/passeport"');
    expect(html).toContain('href="#/contact/mairie"');
    expect(html).toContain('href="https://ants.gouv.fr" target="_blank" rel="noopener noreferrer"');
  });

  it('accepts only harmless link schemes', () => {
    expect(isAllowedLink('https://service-public.fr')).toBe(true);
    expect(isAllowedLink('mailto:a@b.example')).toBe(true);
    expect(isAllowedLink('tel:0199001234')).toBe(true);
    expect(isAllowedLink('fiche:abc-1')).toBe(true);
    expect(isAllowedLink('fiche:../x')).toBe(false);
    expect(isAllowedLink(' javascript:alert(1)')).toBe(false);
  });

  it('extracts the plain text of a body for indexing', () => {
    expect(
      markdownToText('## Titre\n\nUn **mot** et [un lien](https://x.example)\nsur deux lignes.\n\n- a\n- b'),
    ).toBe('Titre\nUn mot et un lien sur deux lignes.\na\nb');
  });
});
