/**
 * The markdown renderer and sanitizer, in a module of their own: forms load it with a dynamic
 * `import()` (see `markdown.ts`), so it is not part of what a page must download first.
 */
import DOMPurify from 'dompurify';
import { Marked } from 'marked';

const marked = new Marked({ gfm: true, breaks: false, async: false });

/** Only text formatting and links: no images, media, frames, forms, SVG or styles. */
const ALLOWED_TAGS = ['a', 'p', 'br', 'strong', 'b', 'em', 'i', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'del', 's', 'table', 'thead', 'tbody', 'tr', 'th', 'td'];
const purifier = DOMPurify();
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    const href = node.getAttribute('href') ?? '';
    // Only web and mail links survive; anything else (javascript:, data:, relative) becomes text.
    if (!/^(https?:|mailto:)/i.test(href)) node.removeAttribute('href');
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

const cache = new Map<string, string>();

/** Markdown from the API as sanitized HTML: formatting and safe links only. */
export function sanitizeMarkdown(source: string): string {
  let out = cache.get(source);
  if (out === undefined) {
    const rendered = marked.parse(source) as string;
    out = purifier.sanitize(rendered, { ALLOWED_TAGS, ALLOWED_ATTR: ['href', 'title'], ALLOW_DATA_ATTR: false });
    if (cache.size > 500) cache.clear();
    cache.set(source, out);
  }
  return out;
}
