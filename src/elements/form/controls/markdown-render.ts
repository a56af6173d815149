/**
 * The markdown renderer, in a module of its own: forms load it with a dynamic `import()` (see
 * `markdown.ts`), so it is not part of what a page must download first. With its parser it is
 * about 5 kB gzip, too much to add to every form's first download for descriptions that read
 * fine as plain text for the moment it takes to arrive.
 *
 * `markdown-parse.ts` turns the source into a tree, and each node becomes a Lit template with
 * its text in text bindings. No markup is ever parsed, so there is nothing to sanitize and no
 * HTML sink is touched (it works under Trusted Types and a CSP without `'unsafe-inline'`). Raw
 * HTML in the source shows as the text it is, images as links, and only http, https and mailto
 * links link, in a new tab that gets no handle on the page.
 */
import type { html as litHtml, nothing as litNothing, TemplateResult } from 'lit';
import { type Block, type Inline, isSafeHref, parseMarkdown } from './markdown-parse.js';

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

/** A markdown renderer making templates with the given Lit: `(source) => template parts`, cached by source. */
export function markdownRenderer(lit: Lit): (source: string) => Markdown {
  const { html, nothing } = lit;

  const inlines = (nodes: readonly Inline[]): Markdown[] => nodes.map(inline);

  function inline(node: Inline): Markdown {
    if (typeof node === 'string') return node;
    switch (node.type) {
      case 'strong':
        return html`<strong>${inlines(node.children)}</strong>`;
      case 'em':
        return html`<em>${inlines(node.children)}</em>`;
      case 'del':
        return html`<del>${inlines(node.children)}</del>`;
      case 'code':
        return html`<code>${node.text}</code>`;
      case 'br':
        return html`<br />`;
      default:
        // The parser links only safe addresses; checked again where the attribute is written.
        return isSafeHref(node.href)
          ? html`<a href=${node.href} title=${node.title || nothing} target="_blank" rel="noopener noreferrer">${inlines(node.children)}</a>`
          : inlines(node.children);
    }
  }

  function heading(level: number, content: Markdown): TemplateResult {
    switch (level) {
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

  const row = (cells: readonly Inline[][], head: boolean) => html`<tr>${cells.map((cell) => (head ? html`<th>${inlines(cell)}</th>` : html`<td>${inlines(cell)}</td>`))}</tr>`;

  function block(node: Block): Markdown {
    switch (node.type) {
      case 'paragraph':
        return html`<p>${inlines(node.children)}</p>`;
      case 'heading':
        return heading(node.level, inlines(node.children));
      case 'code':
        return html`<pre><code>${node.text}</code></pre>`;
      case 'quote':
        return html`<blockquote>${node.children.map(block)}</blockquote>`;
      case 'list': {
        // In a tight list, paragraphs are the items' bare text.
        const items = node.items.map((item) => html`<li>${item.map((child) => (node.loose || child.type !== 'paragraph' ? block(child) : inlines(child.children)))}</li>`);
        return node.ordered ? html`<ol start=${node.start === 1 ? nothing : node.start}>${items}</ol>` : html`<ul>${items}</ul>`;
      }
      case 'table':
        return html`<table><thead>${row(node.head, true)}</thead>${node.rows.length ? html`<tbody>${node.rows.map((cells) => row(cells, false))}</tbody>` : nothing}</table>`;
      default:
        return html`<hr />`;
    }
  }

  const cache = new Map<string, Markdown>();
  /** Markdown from the API as Lit template parts: formatting and safe links, all text as text. */
  return (source) => {
    let out = cache.get(source);
    if (out === undefined) {
      out = parseMarkdown(source).map(block);
      if (cache.size > 500) cache.clear();
      cache.set(source, out);
    }
    return out;
  };
}
