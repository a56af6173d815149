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

/**
 * A module's source with its CSS texts minified, or undefined when it has none. The line count
 * stays: the removed line breaks follow each literal, where the JavaScript minifier drops them,
 * so the source map still points at the right lines.
 */
export function minifyModuleCss(source, fileName, { generatedModule = false } = {}) {
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

/** The esbuild plugin: minifies the CSS in the project's own modules as esbuild loads them. */
export function minifyCssPlugin({ include = /[\\/]src[\\/].*\.ts$/, generated = /[\\/]src[\\/]styles[\\/]generated[\\/]/ } = {}) {
  return {
    name: 'pd-minify-css',
    setup(build) {
      build.onLoad({ filter: include }, async ({ path }) => {
        if (/[\\/]node_modules[\\/]/.test(path)) return undefined;
        const source = await readFile(path, 'utf8');
        const generatedModule = generated.test(path);
        if (!generatedModule && !/\bcss`|\bunsafeCSS\(/.test(source)) return undefined;
        const contents = minifyModuleCss(source, path, { generatedModule });
        return contents === undefined ? undefined : { contents, loader: 'ts' };
      });
    },
  };
}
