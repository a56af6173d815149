import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.node.js';
import { contentType, emulatorTokenEndpoint, fileUnder } from '../support/host-server.js';

/**
 * Builds the framework examples (demo/react, demo/vue, demo/svelte) with Vite and serves them,
 * with the static demo/vanilla page, the CDN bundle and a token endpoint made with the server
 * helper, the way a host app would. Used by test/frameworks and by `npm run examples`.
 */

const repo = fileURLToPath(new URL('../..', import.meta.url));
export const BUILT_EXAMPLES = ['react', 'vue', 'svelte'] as const;
export const EXAMPLES = ['vanilla', ...BUILT_EXAMPLES] as const;
export type Example = (typeof EXAMPLES)[number];
/** The signed-in user of the examples; each example page names the same one. */
export const EXAMPLE_USER = 'example-user';

/** Where the examples are built: outside the repo, so nothing generated lands in the checkout. */
export const defaultOutDir = () => join(tmpdir(), 'pd-connect-elements-examples');

/**
 * Builds the three Vite examples at once, with the Connect API and connect page URLs the examples
 * read from `VITE_PD_BASE_URL` and `VITE_PD_FRONTEND_HOST`. Resolves to the seconds each took.
 */
export async function buildExamples(outDir: string, urls: { baseUrl: string; frontendHost: string }): Promise<Record<string, number>> {
  process.env.VITE_PD_BASE_URL = urls.baseUrl;
  process.env.VITE_PD_FRONTEND_HOST = urls.frontendHost;
  const seconds: Record<string, number> = {};
  await Promise.all(
    BUILT_EXAMPLES.map(async (name) => {
      const started = performance.now();
      const root = join(repo, 'demo', name);
      await build({
        root,
        configFile: join(root, 'vite.config.ts'),
        logLevel: 'warn',
        build: { outDir: join(outDir, name), emptyOutDir: true },
      });
      seconds[name] = Math.round(performance.now() - started) / 1000;
    }),
  );
  return seconds;
}

export interface ExamplesHost {
  url: string;
  emulator: RunningEmulator;
  close(): Promise<void>;
}

/**
 * Serves `/<example>/` for every example, `/cdn/` (dist/cdn, built by `npm run build:cdn`),
 * `/shared/` (demo/shared) and `POST /api/connect-token`, against the given emulator.
 */
export async function startExamplesHost(options: { emulator: RunningEmulator; outDir: string; port?: number }): Promise<ExamplesHost> {
  const { emulator, outDir } = options;
  // A real host reads its session for the user; the examples have one signed-in user.
  const tokenEndpoint = emulatorTokenEndpoint(emulator, EXAMPLE_USER);
  const roots: Record<string, string> = {
    cdn: join(repo, 'dist/cdn'),
    vanilla: join(repo, 'demo/vanilla'),
    // The examples' one stylesheet: the Vite examples bundle it, the static page links it.
    shared: join(repo, 'demo/shared'),
    ...Object.fromEntries(BUILT_EXAMPLES.map((name) => [name, join(outDir, name)])),
  };

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/api/connect-token') return tokenEndpoint(req, res);
    const send = (status: number, body: string | Buffer, type = contentType('.txt')) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(body);
    };
    if (path === '/') {
      const links = EXAMPLES.map((name) => `<li><a href="/${name}/">${name}</a></li>`).join('');
      return send(200, `<!doctype html><meta charset="utf-8"><title>pd-connect-elements examples</title><h1>Examples</h1><ul>${links}</ul>`, contentType('.html'));
    }
    const [, name = '', ...rest] = path.split('/');
    const root = roots[name];
    if (!root) return send(404, 'Not found');
    if (rest.length === 0) {
      res.writeHead(301, { location: `/${name}/` });
      return res.end();
    }
    const file = fileUnder(root, decodeURIComponent(rest.join('/') || 'index.html'));
    if (!file) return send(404, 'Not found');
    readFile(file).then(
      (content) => {
        const type = contentType(file);
        if (name === 'vanilla' && file.endsWith('.html')) {
          // The static page names its Connect API and connect page in markup; fill them in like a host's template would.
          const page = content.toString('utf8').replaceAll('%API_URL%', emulator.url).replaceAll('%CONNECT_PAGE%', `${emulator.url}/_static/connect.html`);
          return send(200, page, type);
        }
        send(200, content, type);
      },
      () => send(404, name === 'cdn' ? 'Not found: run `npm run build:cdn` first' : 'Not found'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// `npm run examples`: build everything, serve it on PORT (default 5174), and print the URLs.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const emulator = await startEmulator({ port: 0 });
  const outDir = defaultOutDir();
  const seconds = await buildExamples(outDir, { baseUrl: emulator.url, frontendHost: `${emulator.url}/_static/connect.html` });
  const host = await startExamplesHost({ emulator, outDir, port: Number(process.env.PORT ?? 5174) });
  console.log(`Built ${Object.entries(seconds).map(([name, s]) => `${name} (${s} s)`).join(', ')}`);
  for (const name of EXAMPLES) console.log(`${name.padEnd(8)} ${host.url}/${name}/`);
  console.log(`Emulator ${emulator.url}`);
  const stop = () => void Promise.all([host.close(), emulator.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
