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

/** The HTML of a fiche's or contact's markdown body, safe to insert in the window. */
export function renderMarkdown(markdown: string): string {
  return md.render(markdown);
}

/** The words of a markdown body without its markup, for the index and the snippets. */
export function markdownToText(markdown: string): string {
  const parts: string[] = [];
  for (const token of md.parse(markdown, {})) {
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
