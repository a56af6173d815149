/**
 * The Node adapter: mounts a Fetch handler on `node:http` or Express. Its types are structural, so
 * importing `pd-connect-elements/server` never needs `@types/node`; Node's `IncomingMessage` and
 * `ServerResponse` (and Express's `Request`/`Response`) satisfy them.
 */

import { type NodeRequestLike, type NodeResponseLike, sendFetchResponse, toFetchRequest } from '../http/node-bridge.js';

// The bridge is shared with the emulator's HTTP server; its names stay importable from here.
export { type NodeRequestLike, type NodeResponseLike, sendFetchResponse, toFetchRequest };

/** A Fetch handler, as every `create…Handler` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** Logged once per process, also for listeners created per request. */
let warnedLostBody = false;

/** A body stream something read to its end without leaving the parsed body behind. */
function bodyLost(req: NodeRequestLike): boolean {
  if (!req.readableEnded || req.body !== undefined || req.method === 'GET' || req.method === 'HEAD') return false;
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}

/**
 * Mounts a Fetch handler on Node's http server or Express:
 * `app.post('/api/pipedream/token', toNodeListener(createTokenHandler({...})))`. Works with and
 * without body-parsing middleware in front of it.
 */
export function toNodeListener(handler: FetchHandler): (req: NodeRequestLike, res: NodeResponseLike) => void {
  return (req, res) => {
    if (bodyLost(req)) {
      // Answering as if there were no body would skip the checks the body is for.
      const error = 'pd-connect-elements/server: middleware read the request body but left no req.body; mount this handler before it, or use a parser that sets req.body';
      if (!warnedLostBody) console.error(error);
      warnedLostBody = true;
      void sendFetchResponse(res, Response.json({ error }, { status: 500, headers: { 'cache-control': 'no-store' } }));
      return;
    }
    const base = `http://${typeof req.headers.host === 'string' ? req.headers.host : 'localhost'}`;
    toFetchRequest(req, base)
      .then(handler)
      .then((response) => sendFetchResponse(res, response))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  };
}
