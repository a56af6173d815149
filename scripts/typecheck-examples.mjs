#!/usr/bin/env node
/**
 * `npm run typecheck:examples`: proves the framework types work and bite.
 * - the generated framework files match custom-elements.json (`generate-framework-types.mjs --check`);
 * - demo/react with tsc, demo/vue with vue-tsc (`strictTemplates`): their type-check files hold
 *   `@ts-expect-error` / `@vue-expect-error` lines, which fail the check if they stop erroring;
 * - demo/svelte with svelte-check, which has no expect-error comment for markup: every line after
 *   an `<!-- expect-error: … -->` comment must have an error, and no other line may.
 * With `--dist` (after `npm run build`), the examples resolve `pd-connect-elements/*` through the
 * package's own `exports` to the built `dist/**.d.ts`, as an app that installed the package would.
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (pkg, name = pkg) => {
  const manifest = JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8'));
  return join(root, 'node_modules', pkg, typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name]);
};

/** Runs a node script; resolves to its exit code and output. */
function run(label, script, args) {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ label, code: code ?? 1, output, seconds: ((performance.now() - started) / 1000).toFixed(1) }));
  });
}

/** Lines (1-based, per file relative to demo/svelte) that must carry a svelte-check error. */
function expectedSvelteErrors() {
  const expected = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.svelte')) {
        const lines = readFileSync(path, 'utf8').split('\n');
        lines.forEach((line, index) => {
          if (/<!--\s*expect-error:/.test(line)) expected.set(`${path.slice(join(root, 'demo/svelte').length + 1)}:${index + 2}`, line.trim());
        });
      }
    }
  };
  walk(join(root, 'demo/svelte/src'));
  return expected;
}

function checkSvelte(result) {
  const errors = [...result.output.matchAll(/^\d+ ERROR "([^"]+)" (\d+):\d+ "(.*)"$/gm)].map(([, file, line, message]) => ({ at: `${file}:${line}`, message }));
  const expected = expectedSvelteErrors();
  const unexpected = errors.filter((error) => !expected.has(error.at));
  const missing = [...expected].filter(([at]) => !errors.some((error) => error.at === at));
  const completed = /COMPLETED/.test(result.output);
  const problems = [
    ...(completed ? [] : ['svelte-check did not complete:\n' + result.output]),
    ...unexpected.map((error) => `unexpected error at demo/svelte/${error.at}: ${error.message.replaceAll('\\n', '\n')}`),
    ...missing.map(([at, marker]) => `no error at demo/svelte/${at}, expected by ${marker}`),
  ];
  return { ...result, code: problems.length ? 1 : 0, output: problems.length ? problems.join('\n') : `${expected.size} expected errors, no others` };
}

const dist = process.argv.includes('--dist');
const config = dist ? 'tsconfig.dist.json' : 'tsconfig.json';
const against = dist ? ', built package' : '';
const generator = dist ? undefined : await run('generated framework files', join(root, 'scripts/generate-framework-types.mjs'), ['--check']);
const results = generator ? [generator] : [];
if (!generator || generator.code === 0) {
  results.push(
    ...(await Promise.all([
      run(`demo/react (tsc${against})`, bin('typescript', 'tsc'), ['-p', `demo/react/${config}`]),
      run(`demo/vue (vue-tsc${against})`, bin('vue-tsc'), ['-p', `demo/vue/${config}`]),
      run(`demo/svelte (svelte-check${against})`, bin('svelte-check'), ['--workspace', 'demo/svelte', '--tsconfig', `./${config}`, '--output', 'machine', '--fail-on-warnings']).then(checkSvelte),
    ])),
  );
}
let failed = false;
for (const result of results) {
  console.log(`${result.code === 0 ? 'ok  ' : 'FAIL'} ${result.label} (${result.seconds} s)`);
  if (result.code !== 0) {
    failed = true;
    console.log(result.output.trim().replace(/^/gm, '     '));
  }
}
process.exit(failed ? 1 : 0);
