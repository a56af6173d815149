import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import type { RunningEmulator } from '../../src/emulator/index.node.js';
import { createTokenHandler, toNodeListener } from '../../src/server/index.js';

/**
 * Pieces of a host app's server for the pages the tests and benchmarks serve: static files and
 * a token endpoint made with the server helper against an emulator.
 */

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The content type of a file by its extension. */
export const contentType = (file: string): string => CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';

/** Resolves a URL path (already decoded) under `root`, or undefined when it would leave it. */
export function fileUnder(root: string, path: string): string | undefined {
  const file = normalize(join(root, path));
  return file === root || file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/** `POST` token endpoint for one signed-in user, minting `development` tokens from the emulator. */
export function emulatorTokenEndpoint(running: RunningEmulator, externalUserId: string): (req: IncomingMessage, res: ServerResponse) => void {
  return toNodeListener(
    createTokenHandler({
      clientId: running.emulator.clientId,
      clientSecret: running.emulator.clientSecret,
      projectId: running.emulator.projectId,
      environment: 'development',
      baseUrl: running.url,
      getExternalUserId: () => externalUserId,
    }),
  );
}

/**
 * A CDN for the CDN build: `/cdn/*` from `root/cdn/`, over HTTP/2 with TLS (a throwaway
 * self-signed certificate: run the browser with `--ignore-certificate-errors`), as public CDNs
 * serve, so the browser loads a round's files side by side rather than six at a time. Each script
 * is answered `scriptLatency()` ms late, after what `beforeScript(path)` returns has settled.
 */
export async function startCdn(
  root: string,
  scriptLatency: () => number,
  beforeScript?: (path: string) => Promise<void> | void,
): Promise<{ url: string; close(): Promise<void> }> {
  const certificates = mkdtempSync(join(tmpdir(), 'pd-cdn-'));
  const key = join(certificates, 'key.pem');
  const cert = join(certificates, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const server = createSecureServer({ key: readFileSync(key), cert: readFileSync(cert) }, (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'https://localhost').pathname);
    const file = path.startsWith('/cdn/') ? fileUnder(root, path) : undefined;
    let body: Buffer;
    try {
      body = readFileSync(file ?? '');
    } catch {
      return void response.writeHead(404).end();
    }
    const type = contentType(path);
    const answer = () => response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(body);
    const script = type.startsWith('text/javascript');
    void Promise.resolve(script ? beforeScript?.(path) : undefined).then(() => {
      const delay = script ? scriptLatency() : 0;
      if (delay > 0) setTimeout(answer, delay);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      await new Promise((resolve) => server.close(resolve));
      rmSync(certificates, { recursive: true, force: true });
    },
  };
}
