/**
 * Node's HTTP messages as Fetch `Request`s and `Response`s, for every Fetch handler this package
 * mounts on `node:http` or Express (the server helper, the emulator's HTTP server). The types are
 * structural, so using them never needs `@types/node`: Node's `IncomingMessage` and
 * `ServerResponse` (and Express's `Request`/`Response`) satisfy them.
 */

/** What the bridge reads from Node's `IncomingMessage` (or Express's `Request`). */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  method?: string | undefined;
  url?: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  /** A body some middleware already parsed (`express.json()`, `express.text()`, `express.raw()`). */
  body?: unknown;
  /** True once the body stream has been read to its end, e.g. by a body parser. */
  readableEnded?: boolean;
}

/** What the bridge writes to Node's `ServerResponse` (or Express's `Response`). */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk?: Uint8Array): unknown;
}

const encoder = new TextEncoder();

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(chunks.reduce((length, chunk) => length + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

async function readStream(req: NodeRequestLike): Promise<Uint8Array<ArrayBuffer> | undefined> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of req) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : (chunk as Uint8Array));
  return chunks.length ? concat(chunks) : undefined;
}

/** A body a parser left on `req.body`, as the bytes or text a Fetch `Request` can carry. */
function parsedBody(body: unknown): { body: Uint8Array<ArrayBuffer> | string; json: boolean } | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return { body, json: false };
  if (body instanceof Uint8Array) return { body: concat([body]), json: false };
  return { body: JSON.stringify(body), json: true };
}

/**
 * Node's request as a Fetch `Request` (body buffered), relative to `base`. A body that middleware
 * already consumed is taken from `req.body`: the stream is empty by then.
 */
export async function toFetchRequest(req: NodeRequestLike, base: string): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const method = req.method ?? 'GET';
  let body: Uint8Array<ArrayBuffer> | string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    // A parser that skipped this request (another content type) leaves the stream unread.
    body = req.readableEnded ? undefined : await readStream(req);
    const parsed = body === undefined ? parsedBody(req.body) : undefined;
    if (parsed) {
      body = parsed.body;
      // The re-encoded body need not have the original length or type.
      headers.delete('content-length');
      if (parsed.json) headers.set('content-type', 'application/json');
    }
  }
  return new Request(new URL(req.url ?? '/', base), { method, headers, body });
}

/** Writes a Fetch `Response` to Node's response. */
export async function sendFetchResponse(res: NodeResponseLike, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(response.body ? new Uint8Array(await response.arrayBuffer()) : undefined);
}
