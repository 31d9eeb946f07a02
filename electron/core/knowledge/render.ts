import MarkdownIt from 'markdown-it';

// Raw HTML off: whatever an editor (or an imported file) writes between angle brackets is shown as text.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const INTERNAL = /^(fiche|contact):([A-Za-z0-9][A-Za-z0-9_-]*)$/;
const ALLOWED = /^(https:|http:|mailto:|tel:|#)/i;

/** Only links that can do no harm survive: web, mail, phone, in-page, and links to other fiches or contacts. */
export function isAllowedLink(url: string): boolean {
  const trimmed = url.trim();
  return INTERNAL.test(trimmed) || ALLOWED.test(trimmed);
}

md.validateLink = isAllowedLink;

/** `fiche:ID` and `contact:ID` become the window's own routes. */
export function internalRoute(href: string): string | undefined {
  const match = INTERNAL.exec(href.trim());
  return match ? `#/${match[1]}/${match[2]}` : undefined;
}

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  const href = String(token?.attrGet('href') ?? '');
  const route = internalRoute(href);
  if (token && route) {
    token.attrSet('href', route);
    token.attrSet('data-internal', 'true');
  } else if (token && /^https?:/i.test(href)) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Fiches carry no pictures: an image (possibly a data: or remote URL) is shown as its description only.
md.renderer.rules.image = (tokens, idx) => {
  const alt = tokens[idx]?.children?.map((child) => child.content).join('') ?? '';
  return alt ? `<span class="image-absente">[${md.utils.escapeHtml(alt)}]</span>` : '';
};

md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

/**
 * The most of a body rendered to HTML: above the longest national fiche (255,000 characters in the November 2020
 * archive), and a few hundred milliseconds of markdown-it at worst. A body of tens of megabytes (a pasted file,
 * a broken import) took markdown-it half a minute and froze the main process (issue 17).
 */
export const RENDER_MAX_CHARS = 300_000;

/** Shown under a body cut at RENDER_MAX_CHARS. */
export const TRUNCATED_NOTE =
  'Cette fiche est trop longue pour être affichée en entier : seul son début est montré. ' +
  'Signalez-la aux rédacteurs pour qu’elle soit découpée.';

/**
 * The first `max` characters of a markdown text, cut at the last paragraph (or line, or space) break before the
 * limit when there is one in its second half, so the cut falls between blocks rather than inside a word.
 */
export function truncateMarkdown(markdown: string, max: number): { text: string; truncated: boolean } {
  if (markdown.length <= max) return { text: markdown, truncated: false };
  const head = markdown.slice(0, max);
  for (const separator of ['\n\n', '\n', ' ']) {
    const at = head.lastIndexOf(separator);
    if (at > max / 2) return { text: head.slice(0, at), truncated: true };
  }
  return { text: head, truncated: true };
}

/**
 * The HTML of a fiche's or contact's markdown body, safe to insert in the window. At most `max` characters of
 * it are rendered; beyond, the rest is left out with a note saying so.
 */
export function renderMarkdown(markdown: string, max: number = RENDER_MAX_CHARS): string {
  const { text, truncated } = truncateMarkdown(markdown, max);
  const html = md.render(text);
  return truncated
    ? `${html}<p class="fiche-tronquee" role="note"><strong>${md.utils.escapeHtml(TRUNCATED_NOTE)}</strong></p>\n`
    : html;
}

/**
 * The words of a markdown body without its markup, for the index and the snippets; with `max`, of its first
 * `max` characters only (a snippet is sought among the first words of a body).
 */
export function markdownToText(markdown: string, max = Infinity): string {
  const parts: string[] = [];
  const source = Number.isFinite(max) ? truncateMarkdown(markdown, max).text : markdown;
  for (const token of md.parse(source, {})) {
    if (token.type === 'inline') {
      parts.push(
        (token.children ?? [])
          .map((child) =>
            child.type === 'text' || child.type === 'code_inline'
              ? child.content
              : child.type === 'softbreak' || child.type === 'hardbreak'
                ? ' '
                : '',
          )
          .join(''),
      );
    } else if (token.type === 'fence' || token.type === 'code_block') {
      parts.push(token.content);
    }
  }
  return parts.join('\n');
}
