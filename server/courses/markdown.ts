// Markdown for course descriptions and text lessons, rendered to safe HTML. Raw HTML in the source
// is escaped, never passed through (html: false), and markdown-it refuses javascript:, vbscript:,
// file: and non-image data: links, so no script and no event handler can reach the page.
import MarkdownIt from "markdown-it";

const markdown = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true });

const defaultLinkOpen =
  markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));

// Links written by authors lead off the site: they must not pass the reader's page on or get ranking credit.
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx]!;
  const href = String(token.attrGet("href") ?? "");
  if (/^https?:\/\//i.test(href)) {
    token.attrSet("rel", "nofollow ugc noopener noreferrer");
    token.attrSet("target", "_blank");
  }
  return defaultLinkOpen(tokens, idx, options, env, self);
};

// Authors write "# Heading"; on the page it sits under the title (h1) and a section heading (h2).
const HEADING_OFFSET = 2;
for (const rule of ["heading_open", "heading_close"] as const) {
  markdown.renderer.rules[rule] = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    token.tag = `h${Math.min(Number(token.tag.slice(1)) + HEADING_OFFSET, 6)}`;
    return self.renderToken(tokens, idx, options);
  };
}

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}
