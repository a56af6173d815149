#!/usr/bin/env node
/**
 * Every part an element renders is a documented `@csspart`, and every documented one is
 * rendered. Per element of elements.json, collects the `part` attributes in the `html`/`svg`
 * templates of its module and of every module it imports under src/elements/ and src/base/
 * (without entering another element's module), and compares them with the element's `cssParts`
 * in custom-elements.json.
 *
 * `part="a b"` names two parts. A bound value (`part=${…}`, `part="a ${…}"`) must resolve to
 * known strings: from its type (a literal or a union of literals), or, for a function's
 * parameter, from the arguments of the calls in the element's modules (or the default). What
 * cannot be resolved fails, unless LISTED names the parts it can be.
 * Part of `npm run analyze:check`; `node scripts/check-parts.mjs other-manifest.json` checks against another manifest.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { elements as listed, root } from './elements.mjs';

/**
 * Bound part values the check cannot resolve, by `file: expression text` → the part names it
 * may give. Prefer a literal union type in the source to an entry here.
 */
export const LISTED = {};

const SCOPE = /^src\/(elements|base)\//;
const MAX_VALUES = 256;

export function createProgram(dir = root, files = listed.map((element) => element.module)) {
  const config = ts.readConfigFile(join(dir, 'tsconfig.json'), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, dir);
  return ts.createProgram(files.map((file) => join(dir, file)), { ...options, noEmit: true });
}

/** Modules `file` imports with a value import (static, or `import()` of a literal), in scope. */
function importsOf(program, file) {
  const found = [];
  const resolve = (specifier) => {
    const resolved = ts.resolveModuleName(specifier, file.fileName, program.getCompilerOptions(), ts.sys).resolvedModule;
    const target = resolved && program.getSourceFile(resolved.resolvedFileName);
    if (target) found.push(target);
  };
  const visit = (node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
      const typeOnly = ts.isImportDeclaration(node)
        ? clause?.isTypeOnly || (clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) && clause.namedBindings.elements.every((element) => element.isTypeOnly))
        : node.isTypeOnly;
      if (!typeOnly) resolve(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword && node.arguments[0] && ts.isStringLiteral(node.arguments[0])) {
      resolve(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The element's module and the modules it reaches, as source files. */
export function moduleGraph(program, dir, element, otherElementModules) {
  const start = program.getSourceFile(join(dir, element.module));
  if (!start) throw new Error(`${element.module} is not in the program`);
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of importsOf(program, queue.shift())) {
      const path = relative(dir, next.fileName).replaceAll('\\', '/');
      if (seen.has(next) || !SCOPE.test(path) || otherElementModules.has(path)) continue;
      seen.add(next);
      queue.push(next);
    }
  }
  return [...seen];
}

const at = (dir, file, position) => {
  const { line } = file.getLineAndCharacterOfPosition(position);
  return `${relative(dir, file.fileName).replaceAll('\\', '/')}:${line + 1}`;
};

/**
 * The strings an expression can be, or undefined when that cannot be known. `calls` finds the
 * calls of a function within the element's modules, for parameters.
 */
function valuesOf(checker, expression, calls, depth = 0) {
  if (depth > 8) return undefined;
  const fromType = (type) => {
    const parts = type.isUnion() ? type.types : [type];
    if (!parts.every((part) => part.isStringLiteral())) return undefined;
    return parts.map((part) => part.value);
  };
  const node = ts.skipPartiallyEmittedExpressions(expression);
  // A parameter is what its callers pass, which may be less than its type allows.
  const declaration = ts.isIdentifier(node) ? checker.getSymbolAtLocation(node)?.valueDeclaration : undefined;
  const typed = fromType(checker.getTypeAtLocation(expression));
  if (declaration && ts.isParameter(declaration)) return parameterValues(checker, declaration, calls, depth) ?? typed;
  if (typed) return typed;
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isNonNullExpression(node)) return valuesOf(checker, node.expression, calls, depth + 1);
  if (ts.isConditionalExpression(node)) {
    const [yes, no] = [valuesOf(checker, node.whenTrue, calls, depth + 1), valuesOf(checker, node.whenFalse, calls, depth + 1)];
    return yes && no ? [...yes, ...no] : undefined;
  }
  if (declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) {
    return valuesOf(checker, declaration.initializer, calls, depth + 1);
  }
  return undefined;
}

/**
 * A parameter's values: the arguments of every call found (the default where one is left out);
 * undefined when there is no call to read or one passes what cannot be resolved.
 */
function parameterValues(checker, parameter, calls, depth) {
  const fn = parameter.parent;
  const index = fn.parameters.indexOf(parameter);
  const sites = calls(fn);
  if (!sites.length) return parameter.initializer ? valuesOf(checker, parameter.initializer, calls, depth + 1) : undefined;
  const values = [];
  for (const call of sites) {
    const argument = call.arguments[index];
    const value = argument ? valuesOf(checker, argument, calls, depth + 1) : parameter.initializer ? valuesOf(checker, parameter.initializer, calls, depth + 1) : undefined;
    if (!value) return undefined;
    values.push(...value);
  }
  return values;
}

/** Calls, within `files`, of the function or method declared by `fn`. */
function callFinder(checker, files) {
  const cache = new Map();
  return (fn) => {
    if (cache.has(fn)) return cache.get(fn);
    const sites = [];
    const visit = (node) => {
      if (ts.isCallExpression(node)) {
        const symbol = checker.getSymbolAtLocation(ts.isPropertyAccessExpression(node.expression) ? node.expression.name : node.expression);
        const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        // A function is declared by itself, or (an arrow or function expression) by the const it initialises.
        if (target?.declarations?.some((declaration) => declaration === fn || (ts.isVariableDeclaration(declaration) && declaration.initializer === fn))) sites.push(node);
      }
      ts.forEachChild(node, visit);
    };
    for (const file of files) visit(file);
    cache.set(fn, sites);
    return sites;
  };
}

const PLACEHOLDER = (index) => `\uE000${index}\uE000`;
// `part` as an attribute: after whitespace inside a tag, so `exportparts` and `data-part` do not count.
const PART_ATTRIBUTE = /(?<=[\s])part\s*=\s*(?:"([^"]*)"|'([^']*)'|(\uE000\d+\uE000))/g;
// An embedded element's `exportparts` (a literal): the names it exports under (`inner:outer`, or `name`) are the host's parts too.
const EXPORTPARTS_ATTRIBUTE = /(?<=[\s])exportparts\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The parts rendered in `files`: name → the places (`file:line`) that render it, plus the bound
 * values that could not be resolved.
 */
export function renderedParts(checker, files, dir) {
  const parts = new Map();
  const unresolved = [];
  const calls = callFinder(checker, files);
  const add = (name, where) => parts.set(name, [...(parts.get(name) ?? []), where]);
  for (const file of files) {
    const visit = (node) => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'html' || node.tag.text === 'svg')) {
        const template = node.template;
        const pieces = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((span) => span.literal)];
        const expressions = ts.isNoSubstitutionTemplateLiteral(template) ? [] : template.templateSpans.map((span) => span.expression);
        // Piece starts in the source (after the backtick or the closing brace), to map offsets to lines.
        const starts = pieces.map((piece) => piece.getStart(file) + 1);
        let text = '';
        const offsets = [];
        pieces.forEach((piece, index) => {
          offsets.push({ at: text.length, source: starts[index] });
          text += piece.rawText ?? '';
          if (index < expressions.length) text += PLACEHOLDER(index);
        });
        const sourceAt = (offset) => {
          const piece = offsets.filter((entry) => entry.at <= offset).pop();
          return piece.source + (offset - piece.at);
        };
        for (const match of text.matchAll(EXPORTPARTS_ATTRIBUTE)) {
          const where = at(dir, file, sourceAt(match.index));
          for (const entry of (match[1] ?? match[2]).split(',')) {
            const name = entry.split(':').pop().trim();
            if (name) add(name, where);
          }
        }
        for (const match of text.matchAll(PART_ATTRIBUTE)) {
          const where = at(dir, file, sourceAt(match.index));
          const value = match[1] ?? match[2] ?? match[3];
          // The value's pieces: literal text and bound expressions, combined every way they can be.
          let candidates = [''];
          let known = true;
          for (const segment of value.split(/(\uE000\d+\uE000)/).filter(Boolean)) {
            const bound = /^\uE000(\d+)\uE000$/.exec(segment);
            let options = [segment];
            if (bound) {
              const expression = expressions[Number(bound[1])];
              const key = `${relative(dir, file.fileName).replaceAll('\\', '/')}: ${expression.getText(file)}`;
              options = valuesOf(checker, expression, calls) ?? LISTED[key];
              if (!options) {
                unresolved.push({ where, expression: key });
                known = false;
                break;
              }
            }
            candidates = candidates.flatMap((prefix) => options.map((option) => prefix + option)).slice(0, MAX_VALUES);
          }
          if (!known) continue;
          for (const name of new Set(candidates.flatMap((candidate) => candidate.split(/\s+/)).filter(Boolean))) add(name, where);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  return { parts, unresolved };
}

/** Documented parts per tag, from a custom-elements.json. */
export function documentedParts(manifest) {
  const byTag = new Map();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.customElement && declaration.tagName) byTag.set(declaration.tagName, { module: module.path, parts: (declaration.cssParts ?? []).map((part) => part.name) });
    }
  }
  return byTag;
}

/** Per element: rendered but undocumented, documented but never rendered, unresolved bindings. */
export function checkParts(dir = root, elements = listed, manifest = JSON.parse(readFileSync(join(dir, 'custom-elements.json'), 'utf8'))) {
  const program = createProgram(dir, elements.map((element) => element.module));
  const checker = program.getTypeChecker();
  const documented = documentedParts(manifest);
  const modules = new Set(elements.map((element) => element.module));
  return elements.map((element) => {
    const others = new Set([...modules].filter((module) => module !== element.module));
    const files = moduleGraph(program, dir, element, others);
    const { parts, unresolved } = renderedParts(checker, files, dir);
    const docs = documented.get(element.tag);
    const declared = new Set(docs?.parts ?? []);
    return {
      tag: element.tag,
      inManifest: Boolean(docs),
      files: files.map((file) => relative(dir, file.fileName).replaceAll('\\', '/')),
      undocumented: [...parts].filter(([name]) => !declared.has(name)).map(([name, where]) => ({ name, where })),
      unrendered: [...declared].filter((name) => !parts.has(name)),
      unresolved,
    };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Another manifest (a fresh analyzer run) may be named on the command line.
  const manifest = JSON.parse(readFileSync(process.argv[2] ?? join(root, 'custom-elements.json'), 'utf8'));
  const results = checkParts(root, listed, manifest);
  const lines = [];
  for (const result of results) {
    if (!result.inManifest) lines.push(`<${result.tag}>: not in custom-elements.json (run \`npm run analyze\`).`);
    for (const part of result.undocumented) lines.push(`<${result.tag}>: part "${part.name}" is rendered (${part.where.join(', ')}) but has no @csspart in the element's JSDoc.`);
    for (const name of result.unrendered) lines.push(`<${result.tag}>: @csspart ${name} is documented but no template renders it.`);
    for (const binding of result.unresolved) {
      lines.push(`<${result.tag}>: the part bound at ${binding.where} (${binding.expression}) cannot be resolved to names: give it a string-literal type, or list it in LISTED in scripts/check-parts.mjs.`);
    }
  }
  if (lines.length) {
    console.error(`Rendered parts and documented @csspart disagree:\n${lines.map((line) => `- ${line}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Parts: what ${results.length} elements render matches their @csspart docs.`);
}
