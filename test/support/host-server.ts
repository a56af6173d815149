import type { IncomingMessage, ServerResponse } from 'node:http';
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
