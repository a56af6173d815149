import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** File name of the service worker, next to Storybook's `iframe.html`. */
export const SERVICE_WORKER_FILE = 'emulator-sw.js';

const entry = fileURLToPath(new URL('./service-worker.ts', import.meta.url));

/** Stands in for the build id while bundling; replaced by the hash of the bundle itself. */
export const BUILD_ID_PLACEHOLDER = 'pd-emulator-build-id-placeholder';

/**
 * The service worker as one classic script: service workers cannot share the preview's chunks.
 * Its `__EMULATOR_BUILD_ID__` is a hash of its own code, so the saved emulator state (kept per
 * build id) starts afresh whenever the worker, the emulator or its catalog changes.
 */
async function bundleServiceWorker(minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    // The server SDK (in the admin route) reads `process.env` defaults; a worker has no `process`.
    define: { __EMULATOR_BUILD_ID__: JSON.stringify(BUILD_ID_PLACEHOLDER), 'process.env': '{}' },
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.text;
  const buildId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  return code.replaceAll(BUILD_ID_PLACEHOLDER, buildId);
}

/**
 * Serves the emulator service worker in development (Storybook dev and the Vitest story tests)
 * and writes it into the static build.
 */
export function emulatorServiceWorker(): Plugin {
  return {
    name: 'pd-emulator-service-worker',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0];
        if (path !== `${server.config.base.replace(/\/?$/, '/')}${SERVICE_WORKER_FILE}`) return next();
        bundleServiceWorker(false).then((code) => {
          response.setHeader('content-type', 'text/javascript; charset=utf-8');
          response.setHeader('cache-control', 'no-store');
          response.end(code);
        }, next);
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: SERVICE_WORKER_FILE, source: await bundleServiceWorker(true) });
    },
  };
}
