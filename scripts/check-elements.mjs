#!/usr/bin/env node
/**
 * Fails when what cannot read elements.json disagrees with it: `package.json` `exports` (one
 * `./<tag>.js` per element, to its module in `dist/`), `src/index.ts` (exports every element's
 * class from its module), the element modules (each registers its tag and types it in
 * `HTMLElementTagNameMap`; no module registers a tag the list lacks) and `stories/<tag>.stories.ts`.
 * Part of `npm run analyze:check`.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { listFile, readElements, root } from './elements.mjs';

const TAG = /^pd-[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
// Entries of the CDN build that are not elements.
const RESERVED_CDN = new Set(['pd-connect-elements']);

/** Every `.ts` file under `dir`, relative to `base`. */
function tsFiles(base, dir) {
  if (!existsSync(join(base, dir))) return [];
  return readdirSync(join(base, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(base, join(entry.parentPath ?? entry.path, entry.name)).replaceAll('\\', '/'));
}

/** `export { A, B } from 'x'` of a module, as specifier → exported names. */
function reExports(source) {
  const file = ts.createSourceFile('index.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found = new Map();
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || statement.isTypeOnly || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const names = statement.exportClause && ts.isNamedExports(statement.exportClause)
      ? statement.exportClause.elements.filter((element) => !element.isTypeOnly).map((element) => element.name.text)
      : ['*'];
    const specifier = statement.moduleSpecifier.text;
    found.set(specifier, [...(found.get(specifier) ?? []), ...names]);
  }
  return found;
}

/** The problems found in the repository at `dir`, as sentences. */
export function checkElements(dir = root) {
  const problems = [];
  let elements;
  try {
    elements = readElements(dir);
  } catch (error) {
    return [`${listFile} cannot be read: ${error.message}`];
  }
  const seen = { tag: new Set(), cdn: new Set(), module: new Set() };
  for (const element of elements) {
    if (!TAG.test(element.tag)) problems.push(`${listFile}: "${element.tag}" is not a tag of the form pd-name.`);
    for (const key of ['tag', 'cdn', 'module']) {
      if (seen[key].has(element[key])) problems.push(`${listFile}: ${key} "${element[key]}" appears twice.`);
      seen[key].add(element[key]);
    }
    if (RESERVED_CDN.has(element.cdn)) problems.push(`${listFile}: the CDN entry "${element.cdn}" of <${element.tag}> is the whole bundle's name.`);
    for (const key of ['sizeLimit', 'oneFileSizeLimit']) {
      const limit = element[key] ?? null;
      if (limit !== null && !/^\d+(\.\d+)? kB$/.test(String(limit))) {
        problems.push(`${listFile}: the ${key} of <${element.tag}> is "${limit}"; write it as "12.5 kB", or null for none.`);
      }
    }
    if (!/^src\/elements\/[^/]+\/[^/]+\.ts$/.test(element.module)) problems.push(`${listFile}: the module of <${element.tag}> (${element.module}) is not src/elements/<folder>/<file>.ts.`);
    if (!existsSync(join(dir, element.module))) {
      problems.push(`${listFile}: the module of <${element.tag}>, ${element.module}, does not exist.`);
      continue;
    }
    const source = readFileSync(join(dir, element.module), 'utf8');
    if (!source.includes(`${element.className}.define('${element.tag}')`)) {
      problems.push(`${element.module} does not register <${element.tag}> with \`${element.className}.define('${element.tag}')\`.`);
    }
    if (!new RegExp(`'${element.tag}': ${element.className};`).test(source)) {
      problems.push(`${element.module} does not declare \`'${element.tag}': ${element.className};\` in HTMLElementTagNameMap.`);
    }
    if (!existsSync(join(dir, 'stories', `${element.tag}.stories.ts`))) problems.push(`<${element.tag}> has no story file, stories/${element.tag}.stories.ts.`);
  }

  // Tags registered in the source but missing from the list.
  for (const file of tsFiles(dir, 'src/elements')) {
    for (const match of readFileSync(join(dir, file), 'utf8').matchAll(/\b\w+\.define\('(pd-[a-z0-9-]+)'\)/g)) {
      const listed = elements.find((element) => element.tag === match[1]);
      if (!listed) problems.push(`${file} registers <${match[1]}>, which ${listFile} does not list: add it there (\`npm run new:element\` does for a new element).`);
      else if (listed.module !== file) problems.push(`${file} registers <${match[1]}>, whose module in ${listFile} is ${listed.module}.`);
    }
  }

  // package.json exports: one per element, and no element export the list lacks.
  const { exports = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  for (const element of elements) {
    const actual = exports[element.exportKey];
    if (!actual) problems.push(`package.json exports has no "${element.exportKey}": add ${JSON.stringify({ [element.exportKey]: element.exportEntry })}.`);
    else if (JSON.stringify(actual) !== JSON.stringify(element.exportEntry)) {
      problems.push(`package.json exports "${element.exportKey}" is ${JSON.stringify(actual)}, expected ${JSON.stringify(element.exportEntry)}.`);
    }
  }
  for (const key of Object.keys(exports)) {
    if (/^\.\/pd-[^/]+\.js$/.test(key) && !elements.some((element) => element.exportKey === key)) {
      problems.push(`package.json exports "${key}", but ${listFile} has no element <${key.slice(2, -3)}>.`);
    }
  }

  // src/index.ts registers and exports every element.
  const index = reExports(readFileSync(join(dir, 'src/index.ts'), 'utf8'));
  for (const element of elements) {
    const names = index.get(element.indexSpecifier) ?? [];
    if (!names.includes(element.className) && !names.includes('*')) {
      problems.push(`src/index.ts does not export ${element.className}: add \`export { ${element.className} } from '${element.indexSpecifier}';\`.`);
    }
  }
  return problems;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const problems = checkElements();
  if (problems.length) {
    console.error(`The element list (${listFile}) and the files that follow it disagree:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`${listFile}: package.json exports, src/index.ts, the element modules and their stories agree with the list.`);
}
