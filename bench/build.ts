/**
 * Production builds of the two bundled contenders, with Vite:
 * `apps/react` (connect-react) → `node_modules/.bench-build/react/`, `apps/pd-vite` (the package) →
 * `node_modules/.bench-build/pd-vite/`.
 * The package comes from `node_modules/pd-connect-elements` (a link to the repository, `file:..`),
 * or from `BENCH_PACKAGE_ROOT` when set (a checkout whose `dist/` was built with `npm run build`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'vite';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));
export const PACKAGE_ROOT = resolve(process.env.BENCH_PACKAGE_ROOT ?? join(BENCH_DIR, '..'));
// Inside node_modules: ignored by git and by the repository's linters, rebuilt on every run.
export const BUILD_DIR = join(BENCH_DIR, 'node_modules/.bench-build');

/** Resolves `pd-connect-elements[/x]` through the exports map of the package at PACKAGE_ROOT. */
function packageAt(root: string): Plugin {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { exports: Record<string, string | { default: string }> };
  return {
    name: 'bench-package-root',
    enforce: 'pre',
    resolveId(id) {
      if (id !== 'pd-connect-elements' && !id.startsWith('pd-connect-elements/')) return null;
      const entry = manifest.exports[id === 'pd-connect-elements' ? '.' : `./${id.slice('pd-connect-elements/'.length)}`];
      const target = typeof entry === 'string' ? entry : entry?.default;
      if (!target) throw new Error(`pd-connect-elements does not export ${id}`);
      return join(root, target);
    },
  };
}

export async function buildApps(): Promise<void> {
  const distEntry = join(PACKAGE_ROOT, 'dist/index.js');
  if (!existsSync(distEntry)) throw new Error(`${distEntry} is missing: run \`npm run build\` in ${PACKAGE_ROOT} first`);
  for (const app of ['react', 'pd-vite']) {
    await build({
      configFile: false,
      root: join(BENCH_DIR, 'apps', app),
      base: `/${app}/`,
      logLevel: 'warn',
      plugins: process.env.BENCH_PACKAGE_ROOT ? [packageAt(PACKAGE_ROOT)] : [],
      build: {
        outDir: join(BUILD_DIR, app),
        emptyOutDir: true,
        sourcemap: false,
        reportCompressedSize: false,
        chunkSizeWarningLimit: 5000,
        rolldownOptions: {
          onLog(level, log, handler) {
            if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
            handler(level, log);
          },
        },
      },
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildApps();
  console.log('built bench/node_modules/.bench-build/{react,pd-vite}');
}
