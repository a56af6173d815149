#!/usr/bin/env node
/**
 * Fails when a generated file (generated-files.mjs) is not what its generator makes: runs the
 * analyzer into a scratch folder and compares custom-elements.json as data, then docs/api.md,
 * README's parts table, the React wrappers and the framework types with what the fresh manifest
 * makes. Also fails when a generated file lacks its "generated, do not edit" header, and when
 * src/styles/generated/ holds a module without its Tailwind source, or lacks one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { apiDocs, readmeWithParts } from './generate-api-docs.mjs';
import { frameworkFiles } from './generate-framework-types.mjs';
import { GENERATED_HEADER, generatedFiles } from './generated-files.mjs';

const problems = [];
const stale = (file) => problems.push(`${file} is stale: run \`npm run analyze\` and commit the result.`);

// The analyzer takes its output folder relative to the working directory.
const outdir = join('node_modules', '.cache', 'cem-check');
try {
  try {
    execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze'], {
      env: { ...process.env, CEM_OUTDIR: outdir },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  } catch {
    console.error('The analyzer failed (see above).');
    process.exit(1);
  }
  const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (!isDeepStrictEqual(fresh, committed)) stale('custom-elements.json');
  if (apiDocs(fresh) !== readFileSync('docs/api.md', 'utf8')) stale('docs/api.md');
  const readme = readFileSync('README.md', 'utf8');
  if (readmeWithParts(readme, fresh) !== readme) stale("README.md's parts table");
  try {
    for (const [file, contents] of frameworkFiles(fresh)) {
      if (!existsSync(file) || readFileSync(file, 'utf8') !== contents) stale(file);
    }
  } catch (error) {
    problems.push(error.message);
  }
} finally {
  if (!process.env.KEEP) rmSync(outdir, { recursive: true, force: true });
}

/** The first lines of a file, where its header belongs. */
const head = (file) => readFileSync(file, 'utf8').split('\n').slice(0, 4).join('\n');
for (const entry of generatedFiles.filter((file) => file.header)) {
  if (entry.folder) {
    if (!existsSync(entry.path)) continue;
    for (const name of readdirSync(entry.path)) {
      const file = join(entry.path, name);
      const text = head(file);
      if (!GENERATED_HEADER.test(text)) problems.push(`${file} lacks its "Generated from … do not edit" header: it is written by \`${entry.by}\`, not by hand.`);
      const source = /^\/\/ Generated from (\S+)/.exec(text)?.[1];
      if (source && !existsSync(source)) problems.push(`${file} was generated from ${source}, which no longer exists: delete it, or run \`${entry.by}\`.`);
    }
  } else if (existsSync(entry.path) && !GENERATED_HEADER.test(head(entry.path))) {
    problems.push(`${entry.path} lacks its "Generated from … do not edit" header: it is written by \`${entry.by}\`, not by hand.`);
  }
}

// Every Tailwind source has its module (the styles run before this check in CI and `verify`).
const stylesFolder = generatedFiles.find((file) => file.folder)?.path;
if (stylesFolder && existsSync(stylesFolder)) {
  for (const dir of readdirSync('src/elements', { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
    for (const css of readdirSync(join('src/elements', dir.name)).filter((name) => name.endsWith('.css'))) {
      if (!existsSync(join(stylesFolder, `${css.replace(/\.css$/, '')}.css.ts`))) problems.push(`src/elements/${dir.name}/${css} has no compiled module in ${stylesFolder}: run \`npm run styles\`.`);
    }
  }
}

if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}
console.log('Generated files match their generators: custom-elements.json, docs/api.md, the README parts table, the React wrappers, the framework types, the compiled styles.');
