#!/usr/bin/env node
/**
 * Fails when the committed custom-elements.json (or docs/api.md and README's parts table, made from it) no longer
 * matches the JSDoc it is generated from: runs the analyzer into a scratch folder and compares
 * the two as data.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { apiDocs, readmeWithParts } from './generate-api-docs.mjs';

// The analyzer takes its output folder relative to the working directory.
const outdir = join('node_modules', '.cache', 'cem-check');
try {
  execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze'], {
    env: { ...process.env, CEM_OUTDIR: outdir },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = JSON.parse(readFileSync(join(outdir, 'custom-elements.json'), 'utf8'));
  const committed = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
  if (!isDeepStrictEqual(fresh, committed)) {
    console.error('custom-elements.json is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  if (apiDocs(fresh) !== readFileSync('docs/api.md', 'utf8')) {
    console.error('docs/api.md is stale: run `npm run analyze` and commit the result.');
    process.exit(1);
  }
  const readme = readFileSync('README.md', 'utf8');
  if (readmeWithParts(readme, fresh) !== readme) {
    console.error("README.md's parts table is stale: run `npm run analyze` and commit the result.");
    process.exit(1);
  }
  console.log('custom-elements.json, docs/api.md and the README parts table match the sources.');
} finally {
  if (!process.env.KEEP) rmSync(outdir, { recursive: true, force: true });
}
