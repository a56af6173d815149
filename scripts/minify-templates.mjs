/**
 * Minifies the CSS the elements carry as JavaScript text, for the CDN build: Lit `css\`…\``
 * templates, `unsafeCSS(\`…\`)` literals and the compiled Tailwind modules in
 * `src/styles/generated/` (`export default "…"`). esbuild minifies the code around them but
 * leaves the text inside as written.
 *
 * Comments go and whitespace shrinks to what CSS needs. It stays where it can matter: before
 * `(` (`and (` is not `and(`), before `:` (`a :hover` is not `a:hover`), after `)`, around
 * `+ - * / ~`, in strings and escapes (`\,` is no delimiter), and next to a `${}` interpolation
 * (whose value the build cannot see) unless a delimiter is on the other side. Lit reads the cooked text of a template, so the
 * minified text is written back escaped for a template literal.
 *
 * Lit markup loses the indentation after its line breaks (`minifyMarkupText`).
 */
import { readFile } from 'node:fs/promises';
import ts from 'typescript';

/** Whitespace after these never matters (after `)` it may: `:is(a) b` is not `:is(a)b`). */
const DROP_AFTER = new Set(['{', '}', ';', ',', '(', ':', '>']);
/** Whitespace before these never matters (before `(` it may: `and (` is not `and(`; before `:`, `a :hover`). */
const DROP_BEFORE = new Set(['{', '}', ';', ',', ')', '>']);

/** Whether the statement that `;` at the end of `out` closes is an at-rule (`@layer a;`), whose `;` stays. */
function endsAtRule(out) {
  const start = Math.max(out.lastIndexOf('{', out.length - 2), out.lastIndexOf('}', out.length - 2), out.lastIndexOf(';', out.length - 2));
  return out.slice(start + 1).trimStart().startsWith('@');
}

/**
 * One piece of CSS text. `open`: an interpolation comes right before it; `close`: one comes right
 * after it. Whitespace at such an edge stays (one space), since the value the interpolation brings
 * is unknown, unless the piece's own character on that side makes it redundant.
 */
export function minifyCssText(text, { open = false, close = false } = {}) {
  let out = '';
  let pendingSpace = false;
  // Where the last escape ends: an escaped character is part of a name, never a delimiter.
  let escapeEnd = -1;
  const last = () => (out.length === escapeEnd ? 'a' : out[out.length - 1]);
  const flushSpace = (next) => {
    if (!pendingSpace) return;
    pendingSpace = false;
    const before = last();
    if (before === undefined) {
      if (open && !DROP_BEFORE.has(next)) out += ' ';
      return;
    }
    // An empty value keeps its space, as the compilers write it (`--x: ;`, `var(--x, )`).
    if ((before === ':' && (next === ';' || next === '}')) || (before === ',' && next === ')')) out += ' ';
    else if (!DROP_AFTER.has(before) && !DROP_BEFORE.has(next)) out += ' ';
  };
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end === -1 ? text.length : end + 2;
      // A comment separates tokens as whitespace does.
      pendingSpace = true;
      continue;
    }
    if (/\s/.test(char)) {
      pendingSpace = true;
      i++;
      continue;
    }
    if (char === '\\') {
      // `\,` or a hex escape, whose one trailing whitespace belongs to it (`\31 a`).
      let end = i + 2;
      if (/[0-9a-f]/i.test(text[i + 1] ?? '')) {
        end = i + 1;
        while (end < text.length && end - i <= 6 && /[0-9a-f]/i.test(text[end])) end++;
        if (/\s/.test(text[end] ?? '')) end++;
      }
      flushSpace(char);
      out += text.slice(i, end);
      escapeEnd = out.length;
      i = end;
      continue;
    }
    if (char === '"' || char === "'") {
      let end = i + 1;
      while (end < text.length && text[end] !== char && text[end] !== '\n') end += text[end] === '\\' ? 2 : 1;
      flushSpace(char);
      out += text.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (char === '}' && last() === ';' && !endsAtRule(out)) out = out.slice(0, -1);
    flushSpace(char);
    out += char;
    i++;
  }
  if (pendingSpace && close && out.length && !DROP_AFTER.has(last())) out += ' ';
  return out;
}

/** Escapes cooked text for the inside of a template literal. */
const asTemplateText = (text) => text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

const isCssTag = (node) => ts.isIdentifier(node.tag) && node.tag.text === 'css';
const isUnsafeCss = (node) => ts.isIdentifier(node.expression) && node.expression.text === 'unsafeCSS';
const isMarkupTag = (node) => ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg');
/** Markup whose whitespace is content: preformatted text and text areas keep theirs as written. */
const KEEPS_WHITESPACE = /<pre\b|<textarea\b|whitespace-pre|white-space/;

/**
 * Lit markup (`html\`…\``, `svg\`…\``) without the indentation after its line breaks: the browser
 * collapses a run of whitespace to one space anyway (or drops it where a flex or grid container
 * ignores whitespace), so what renders stays the same. Markup that keeps whitespace is left
 * as written. Works on the raw text, so escapes stay as they are.
 */
export function minifyMarkupText(raw) {
  // The line breaks stay (one character, as a space would be), so the source map keeps its lines.
  return raw.replace(/[ \t]*\n\s*/g, (run) => '\n'.repeat(run.split('\n').length - 1));
}

/**
 * A module's source with its CSS texts (and, with `minifyMarkup`, its markup) minified, or
 * undefined when it has none. The line count
 * stays: the removed line breaks follow each literal, where the JavaScript minifier drops them,
 * so the source map still points at the right lines.
 */
export function minifyModuleCss(source, fileName, { generatedModule = false, minifyMarkup = false } = {}) {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits = [];
  const replace = (node, text) => {
    const start = node.getStart(file);
    const lines = source.slice(start, node.end).split('\n').length - text.split('\n').length;
    edits.push({ start, end: node.end, text: text + '\n'.repeat(Math.max(0, lines)) });
  };
  const template = (literal) => {
    if (ts.isNoSubstitutionTemplateLiteral(literal)) return `\`${asTemplateText(minifyCssText(literal.text))}\``;
    const spans = literal.templateSpans;
    let out = `\`${asTemplateText(minifyCssText(literal.head.text, { close: true }))}`;
    spans.forEach((span, index) => {
      const isLast = index === spans.length - 1;
      out += `\${${span.expression.getText(file)}}${asTemplateText(minifyCssText(span.literal.text, { open: true, close: !isLast }))}`;
    });
    return `${out}\``;
  };
  const visit = (node) => {
    // Markup: only the static text between interpolations changes, so nested templates in them are visited on their own.
    if (minifyMarkup && ts.isTaggedTemplateExpression(node) && isMarkupTag(node) && !KEEPS_WHITESPACE.test(node.template.getText(file))) {
      const literal = node.template;
      const parts = ts.isNoSubstitutionTemplateLiteral(literal) ? [literal] : [literal.head, ...literal.templateSpans.map((span) => span.literal)];
      for (const part of parts) {
        // Inside the delimiters: `…`, `…${, }…${, }…`.
        const start = part.getStart(file) + 1;
        const end = part.end - (part.kind === ts.SyntaxKind.TemplateHead || part.kind === ts.SyntaxKind.TemplateMiddle ? 2 : 1);
        const text = minifyMarkupText(part.rawText);
        if (text !== source.slice(start, end)) edits.push({ start, end, text });
      }
    }
    if (ts.isTaggedTemplateExpression(node) && isCssTag(node) && !containsCss(node.template)) {
      replace(node.template, template(node.template));
      return;
    }
    if (ts.isCallExpression(node) && isUnsafeCss(node) && node.arguments.length === 1) {
      const [argument] = node.arguments;
      if (ts.isNoSubstitutionTemplateLiteral(argument) || ts.isStringLiteral(argument)) {
        replace(argument, ts.isStringLiteral(argument) ? JSON.stringify(minifyCssText(argument.text)) : template(argument));
        return;
      }
    }
    if (generatedModule && ts.isExportAssignment(node) && ts.isStringLiteral(node.expression)) {
      replace(node.expression, JSON.stringify(minifyCssText(node.expression.text)));
      return;
    }
    ts.forEachChild(node, visit);
  };
  // A css`` nested in another's interpolation is left alone, with its parent.
  const containsCss = (literal) => {
    let found = false;
    const look = (node) => {
      if (found) return;
      if (ts.isTaggedTemplateExpression(node) && isCssTag(node)) found = true;
      else ts.forEachChild(node, look);
    };
    ts.forEachChild(literal, look);
    return found;
  };
  visit(file);
  if (!edits.length) return undefined;
  let out = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The esbuild plugin: minifies the CSS and the markup in the project's own modules as esbuild loads them. */
export function minifyTemplatesPlugin({ include = /[\\/]src[\\/].*\.ts$/, generated = /[\\/]src[\\/]styles[\\/]generated[\\/]/ } = {}) {
  return {
    name: 'pd-minify-templates',
    setup(build) {
      build.onLoad({ filter: include }, async ({ path }) => {
        if (/[\\/]node_modules[\\/]/.test(path)) return undefined;
        const source = await readFile(path, 'utf8');
        const generatedModule = generated.test(path);
        if (!generatedModule && !/\bcss`|\bunsafeCSS\(|\bhtml`|\bsvg`/.test(source)) return undefined;
        const contents = minifyModuleCss(source, path, { generatedModule, minifyMarkup: true });
        return contents === undefined ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}
