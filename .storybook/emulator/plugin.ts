import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

/** File name of the service worker, next to Storybook's `iframe.html`. */
export const SERVICE_WORKER_FILE = 'emulator-sw.js';

const entry = fileURLToPath(new URL('./service-worker.ts', import.meta.url));

/** The service worker as one classic script: service workers cannot share the preview's chunks. */
async function bundleServiceWorker(minify: boolean): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
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
