/**
 * The markdown renderer, in a module of its own: forms load it with a dynamic `import()` (see
 * `markdown.ts`), so it is not part of what a page must download first.
 *
 * Markdown from the API goes from `marked`'s tokens straight into Lit templates. Every piece of
 * text stays text and no markup is ever parsed, so there is nothing to sanitize and no HTML sink
 * is touched (it works under Trusted Types and a CSP without `'unsafe-inline'`). Raw HTML in the
 * source shows as the text it is, images as links, and only http, https and mailto links link.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import { marked, type MarkedToken, type Token, type Tokens } from 'marked';

/** Rendered markdown: anything a Lit child expression takes. */
export type Markdown = TemplateResult | string | readonly Markdown[];

/**
 * Lit's `html` and `nothing`, handed in by the caller: were this lazy chunk to import lit, the CDN
 * build would move lit out of the chunk every element shares into one of its own (one more file
 * and about 0.5 kB more on every page).
 */
export interface Lit {
  readonly html: typeof litHtml;
  readonly nothing: typeof litNothing;
}

const SAFE_HREF = /^(?:https?|mailto):/i;

/**
 * The named character references descriptions use. Marked resolves numeric ones in text and
 * leaves named ones for the HTML parser, which is not involved here; unknown names stay as written.
 */
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', copy: '©', reg: '®', trade: '™',
  hellip: '…', mdash: '—', ndash: '–', lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»',
  bull: '•', middot: '·', times: '×', divide: '÷', deg: '°', plusmn: '±', euro: '€', pound: '£', yen: '¥', cent: '¢',
  sect: '§', para: '¶', larr: '←', rarr: '→', uarr: '↑', darr: '↓', harr: '↔', le: '≤', ge: '≥', ne: '≠',
};

/** Resolves character references as an HTML parser would in the markup marked writes. */
function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g, (ref, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED[name] ?? ref;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex!, 16);
    return code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  });
}

/** A markdown renderer making templates with the given Lit: `(source) => template parts`, cached by source. */
export function markdownRenderer(lit: Lit): (source: string) => Markdown {
  const { html, nothing } = lit;

  /** A link that opens in a new tab without handing the page to it, or just its content for any other scheme. */
  function link(href: string, title: string | null | undefined, content: Markdown): Markdown {
    if (!SAFE_HREF.test(href)) return content;
    return html`<a href=${href} title=${title || nothing} target="_blank" rel="noopener noreferrer">${content}</a>`;
  }

  function inline(tokens: readonly Token[] | undefined, inLink = false): Markdown[] {
    return (tokens ?? []).map((token) => inlineToken(token, inLink));
  }

  function inlineToken(token: Token, inLink: boolean): Markdown {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'text':
        // Text inside raw HTML (`escaped`) is the source as written.
        return t.tokens ? inline(t.tokens, inLink) : t.escaped ? t.text : decode(t.text);
      case 'escape':
        return t.text;
      case 'strong':
        return html`<strong>${inline(t.tokens, inLink)}</strong>`;
      case 'em':
        return html`<em>${inline(t.tokens, inLink)}</em>`;
      case 'del':
        return html`<del>${inline(t.tokens, inLink)}</del>`;
      case 'codespan':
        return html`<code>${t.text}</code>`;
      case 'br':
        return html`<br />`;
      case 'link':
        // Autolinks are literal; other destinations may hold character references.
        return t.autolink ? link(t.href, null, t.text) : link(decode(t.href), t.title && decode(t.title), inline(t.tokens, true));
      case 'image': {
        // No images from the API: a link to it (its alt text, else its address), or the alt text alone.
        const alt = decode(t.text);
        const href = decode(t.href);
        return inLink ? alt : link(href, t.title && decode(t.title), alt || href);
      }
      case 'html':
        return t.text;
      default:
        // Task-list checkboxes, and tokens of extensions this renderer does not know: their source.
        return 'tokens' in token && token.tokens ? inline(token.tokens, inLink) : token.raw;
    }
  }

  function heading(depth: number, content: Markdown): TemplateResult {
    switch (depth) {
      case 1:
        return html`<h1>${content}</h1>`;
      case 2:
        return html`<h2>${content}</h2>`;
      case 3:
        return html`<h3>${content}</h3>`;
      case 4:
        return html`<h4>${content}</h4>`;
      case 5:
        return html`<h5>${content}</h5>`;
      default:
        return html`<h6>${content}</h6>`;
    }
  }

  function list(t: Tokens.List): TemplateResult {
    const items = t.items.map((item) => html`<li>${blocks(item.tokens)}</li>`);
    if (!t.ordered) return html`<ul>${items}</ul>`;
    return html`<ol start=${typeof t.start === 'number' && t.start !== 1 ? t.start : nothing}>${items}</ol>`;
  }

  function table(t: Tokens.Table): TemplateResult {
    const head = html`<thead><tr>${t.header.map((cell) => html`<th>${inline(cell.tokens)}</th>`)}</tr></thead>`;
    const rows = t.rows.map((row) => html`<tr>${row.map((cell) => html`<td>${inline(cell.tokens)}</td>`)}</tr>`);
    return html`<table>${head}${rows.length ? html`<tbody>${rows}</tbody>` : nothing}</table>`;
  }

  function blocks(tokens: readonly Token[]): Markdown[] {
    return tokens.map(block);
  }

  function block(token: Token): Markdown {
    const t = token as MarkedToken;
    switch (t.type) {
      case 'paragraph':
        return html`<p>${inline(t.tokens)}</p>`;
      case 'heading':
        return heading(t.depth, inline(t.tokens));
      case 'code':
        return html`<pre><code>${t.text}</code></pre>`;
      case 'blockquote':
        return html`<blockquote>${blocks(t.tokens)}</blockquote>`;
      case 'list':
        return list(t);
      case 'table':
        return table(t);
      case 'hr':
        return html`<hr />`;
      case 'html':
        // A block of raw HTML: its source, as a paragraph of text.
        return html`<p>${t.text.trim()}</p>`;
      case 'space':
      case 'def':
        return '';
      default:
        // Block-level text (tight list items) and anything inline.
        return inlineToken(token, false);
    }
  }

  const cache = new Map<string, Markdown>();
  /** Markdown from the API as Lit template parts: formatting and safe links, all text as text. */
  return (source) => {
    let out = cache.get(source);
    if (out === undefined) {
      out = blocks(marked.lexer(source));
      if (cache.size > 500) cache.clear();
      cache.set(source, out);
    }
    return out;
  };
}
