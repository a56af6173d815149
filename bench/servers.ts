/**
 * The servers of one benchmark run, all on ports the OS picks:
 * - the Connect emulator (`src/emulator`), seeded with the benchmark user's accounts;
 * - the API: a proxy in front of the emulator that holds every request (preflights included)
 *   for `latencyMs` before forwarding it, and logs what the browser sent;
 * - the site: the CDN page, the two Vite builds, and the token endpoint (made with the package's
 *   server helper, minting tokens through the API proxy, so it pays the API latency too);
 * - the CDN: the CDN build's files over HTTP/2 with TLS (a throwaway self-signed certificate), as
 *   public CDNs serve them, so a round's files load side by side rather than six at a time.
 * Every `.js` answer of the site and the CDN is held `jsDelayMs`.
 */
import { readFileSync, statSync } from 'node:fs';
import { type IncomingMessage, type ServerResponse, Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { startEmulator } from '../src/emulator/index.node.js';
import { contentType, emulatorTokenEndpoint, fileUnder, startCdn } from '../test/support/host-server.js';

export const USER = 'bench-user';

export interface ApiRequest {
  method: string;
  path: string;
  /** The page's origin; server-side calls (the token endpoint's) have none. */
  origin?: string;
  /** `performance.timeOrigin`-comparable wall clock, ms. */
  at: number;
}

const listen = async (server: ReturnType<typeof createServer>): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

const later = (ms: number, fn: () => void) => (ms > 0 ? setTimeout(fn, ms) : fn());

export async function startServers(options: { packageRoot: string; buildDir: string }) {
  const emulator = await startEmulator({ port: 0 });
  emulator.emulator.seedAccount({ externalUserId: USER, app: 'slack', name: 'Acme HQ', environment: 'development' });
  emulator.emulator.seedAccount({ externalUserId: USER, app: 'sendgrid', name: 'Acme Mail', environment: 'development' });
  const upstream = new URL(emulator.url);
  const agent = new Agent({ keepAlive: true });

  const api = {
    latencyMs: 0,
    log: [] as ApiRequest[],
    url: '',
  };
  const proxy = createServer((req, res) => {
    const origin = req.headers.origin;
    api.log.push({ method: req.method ?? 'GET', path: req.url ?? '/', at: Date.now(), ...(origin ? { origin } : {}) });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      later(api.latencyMs, () => {
        const forward = httpRequest(
          { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host }, agent },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on('error', () => {
          if (!res.headersSent) res.writeHead(502);
          res.end();
        });
        forward.end(Buffer.concat(chunks));
      });
    });
  });
  api.url = await listen(proxy);

  const tokenEndpoint = emulatorTokenEndpoint({ ...emulator, url: api.url }, USER);
  const site = { jsDelayMs: 0, url: '', cdnUrl: '', scripts: [] as string[] };
  const cdnRoot = join(options.packageRoot, 'dist');
  const serveFile = (res: ServerResponse, file: string | undefined) => {
    if (!file) return void res.writeHead(404).end();
    let body: Buffer;
    try {
      body = readFileSync(statSync(file).isDirectory() ? join(file, 'index.html') : file);
    } catch {
      return void res.writeHead(404).end();
    }
    const type = contentType(file.endsWith('/') ? 'index.html' : file);
    later(type.startsWith('text/javascript') ? site.jsDelayMs : 0, () =>
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body));
  };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = decodeURIComponent(url.pathname);
    if (path === '/api/connect-token') return void tokenEndpoint(req, res);
    if (path === '/page/cdn' || path === '/page/cdn-one') {
      const one = path === '/page/cdn-one';
      const attr = (name: string) => (url.searchParams.get(name) ?? '').replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>pd-action-form (CDN${one ? ', one file' : ''})</title></head><body>
<pd-connect-provider external-user-id="${attr('user')}" token-endpoint="/api/connect-token" base-url="${attr('api')}" frontend-host="${attr('api')}" environment="development"><pd-action-form component-key="${attr('component')}"></pd-action-form></pd-connect-provider>
${one ? `<script type="module" src="${site.cdnUrl}/cdn/one/pd-action-form.js"></script>` : `<script type="module" src="${site.cdnUrl}/cdn/pd-connect-provider.js"></script>
<script type="module" src="${site.cdnUrl}/cdn/pd-action-form.js"></script>`}
</body></html>`);
      return;
    }
    for (const app of ['react', 'pd-vite']) {
      if (path === `/${app}`) return void res.writeHead(302, { location: `/${app}/${url.search}` }).end();
      if (path.startsWith(`/${app}/`)) return serveFile(res, fileUnder(join(options.buildDir, app), path.slice(app.length + 1)));
    }
    res.writeHead(404).end();
  });
  site.url = await listen(server);

  const cdn = await startCdn(cdnRoot, () => site.jsDelayMs);
  site.cdnUrl = cdn.url;

  return {
    emulator,
    api,
    site,
    /** Which file on disk a script URL of the site is. */
    fileOf(scriptUrl: string): string | undefined {
      const path = decodeURIComponent(new URL(scriptUrl).pathname);
      if (path.startsWith('/cdn/')) return fileUnder(cdnRoot, path);
      for (const app of ['react', 'pd-vite']) if (path.startsWith(`/${app}/`)) return fileUnder(join(options.buildDir, app), path.slice(app.length + 1));
      return undefined;
    },
    async close() {
      server.closeAllConnections();
      proxy.closeAllConnections();
      agent.destroy();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => proxy.close(r)), cdn.close()]);
      await emulator.close();
    },
  };
}
