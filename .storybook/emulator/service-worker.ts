/**
 * The Connect emulator inside a service worker, so a static Storybook (no server at all) has a
 * working Connect API, connect page and token endpoint. Bundled on its own into
 * `emulator-sw.js` next to Storybook's `iframe.html` (see `plugin.ts`), and registered with that
 * folder as its scope. It answers:
 *
 * - `{scope}emulator/…`: the emulator itself (`/v1/…` API, `/_static/connect.html`, `/_emulator/` admin);
 * - `{scope}emulator-token`: a host app's token endpoint, minting Connect tokens through the
 *   emulator's OAuth and tokens API the way a server would (`?fail=500`, `?delay=ms` for stories;
 *   `DELETE` fails the delayed ones now, so a story can end its pending flow);
 * - `{scope}emulator-webhook`: a webhook receiver for deployed triggers (GET lists what arrived);
 * - `{scope}emulator-admin`: a host's admin route for `<pd-accounts-console>`, the package's own
 *   `createAdminHandler` calling this emulator (`?role=member` makes the caller a non-admin,
 *   `?delay=ms` holds the answer, `?project=empty` answers for a project without accounts).
 *
 * Everything else goes to the network untouched. The browser stops idle service workers, which
 * would forget the emulator's state: it is saved to Cache Storage after each change and loaded
 * again on start, under a cache name that includes the build (see `STATE_CACHE`).
 */
import { createEmulator, type ConnectEmulator, type EmulatorSnapshot } from '../../src/emulator/index.js';
import { createAdminHandler } from '../../src/server/admin.js';

/** A hash of this worker's bundled code, set by `plugin.ts`: the saved state belongs to one build. */
declare const __EMULATOR_BUILD_ID__: string;

/** The few service-worker globals used here (the DOM and WebWorker type libraries cannot be mixed). */
interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request;
  respondWith(response: Promise<Response> | Response): void;
}
interface ServiceWorkerScope {
  registration: { scope: string };
  clients: { claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate' | 'message', listener: (event: ExtendableEventLike) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void;
}

const worker = self as unknown as ServiceWorkerScope;
const scope = new URL(worker.registration.scope);
const basePath = `${scope.pathname}emulator`;
const tokenPath = `${scope.pathname}emulator-token`;
const webhookPath = `${scope.pathname}emulator-webhook`;
const adminPath = `${scope.pathname}emulator-admin`;
/**
 * Cache Storage is shared by the whole origin: the name holds this worker's scope (another
 * Storybook on the same site keeps its own) and its build, so a snapshot from an older build is
 * never loaded into a newer emulator.
 */
const STATE_CACHE_PREFIX = `pd-connect-emulator ${scope.pathname} `;
const STATE_CACHE = `${STATE_CACHE_PREFIX}${__EMULATOR_BUILD_ID__}`;
/** Where builds without a build id kept their state, for every scope of the origin in one cache. */
const UNVERSIONED_STATE_CACHE = 'pd-connect-emulator';
const stateKey = new URL('emulator-state.json', scope).href;
/** Webhook deliveries kept for `GET emulator-webhook`. */
const WEBHOOK_LOG_LIMIT = 50;

/** Token requests held back by `?delay=`; `DELETE emulator-token` lets them fail at once. */
const heldTokenRequests = new Set<() => void>();

const webhookLog: { receivedAt: string; emitter: string; body: unknown }[] = [];

let pendingSnapshot: EmulatorSnapshot | undefined;
let saving: Promise<void> | undefined;
let saveFailureLogged = false;

/**
 * Saves the newest snapshot. One write runs at a time (`saving`); changes that arrive during it
 * are written right after it, by the same run. `saving` never rejects: a failed write (storage
 * quota, private mode) loses only what a stopped worker would forget, while the change itself is
 * applied and answered normally, and is logged once.
 */
function persist(snapshot: EmulatorSnapshot): void {
  pendingSnapshot = snapshot;
  saving ??= writePendingSnapshots();
}

async function writePendingSnapshots(): Promise<void> {
  // Start after `persist` has stored this run in `saving`, so the reset below always comes later.
  await Promise.resolve();
  try {
    while (pendingSnapshot) {
      const next = pendingSnapshot;
      pendingSnapshot = undefined;
      try {
        const cache = await caches.open(STATE_CACHE);
        await cache.put(stateKey, new Response(JSON.stringify(next), { headers: { 'content-type': 'application/json' } }));
      } catch (error) {
        // Every snapshot is the whole state: one that arrived meanwhile is still written, by the next pass.
        logSaveFailureOnce(error);
      }
    }
  } finally {
    // In the same turn as the loop's last check: a change after this starts a new run.
    saving = undefined;
  }
}

function logSaveFailureOnce(error: unknown): void {
  if (saveFailureLogged) return;
  saveFailureLogged = true;
  console.warn('Emulator service worker: the state could not be saved, so it lasts only while this worker runs.', error);
}

/** Drops this scope's state saved by other builds: they wrote snapshots this emulator may not read right. */
async function dropOtherBuildsState(): Promise<void> {
  const names = await caches.keys();
  await Promise.all(names.filter((name) => name.startsWith(STATE_CACHE_PREFIX) && name !== STATE_CACHE).map((name) => caches.delete(name)));
  if (!names.includes(UNVERSIONED_STATE_CACHE)) return;
  const unversioned = await caches.open(UNVERSIONED_STATE_CACHE);
  await unversioned.delete(stateKey);
  if ((await unversioned.keys()).length === 0) await caches.delete(UNVERSIONED_STATE_CACHE);
}

async function loadState(): Promise<EmulatorSnapshot | undefined> {
  try {
    const stored = await (await caches.open(STATE_CACHE)).match(stateKey);
    return stored ? ((await stored.json()) as EmulatorSnapshot) : undefined;
  } catch {
    return undefined;
  }
}

/** Webhook deliveries to this worker's own receiver stay inside it (a worker's fetch skips itself). */
const deliver: typeof fetch = async (input, init) => {
  const request = new Request(input, init);
  return new URL(request.url).pathname === webhookPath ? receiveWebhook(request) : fetch(request);
};

const emulatorReady: Promise<ConnectEmulator> = loadState().then((state) => {
  try {
    return createEmulator({ basePath, state, onStateChange: persist, fetch: deliver });
  } catch {
    // A snapshot from an older emulator: start clean, the stories seed what they need again.
    return createEmulator({ basePath, onStateChange: persist, fetch: deliver });
  }
});

async function handleEmulator(request: Request): Promise<Response> {
  const emulator = await emulatorReady;
  const response = await emulator.handle(request);
  // Answer only once the change is stored, so a worker stopped right after loses nothing.
  await saving;
  return response;
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } });
}

let serverAccess: { token: string; expiresAt: number } | undefined;

/** A server access token from the emulator's OAuth endpoint, as a host's backend holds one. */
async function serverAccessToken(emulator: ConnectEmulator): Promise<string> {
  if (serverAccess && serverAccess.expiresAt > Date.now() + 60_000) return serverAccess.token;
  const response = await emulator.handle(new Request(`${scope.origin}${basePath}/v1/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
  }));
  if (!response.ok) throw new Error(`OAuth token request failed with HTTP ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  serverAccess = { token: body.access_token, expiresAt: Date.now() + body.expires_in * 1000 };
  return serverAccess.token;
}

/** The host app's token endpoint: `POST {"external_user_id"}` → Pipedream's create-token JSON. */
async function mintToken(request: Request): Promise<Response> {
  if (request.method === 'DELETE') {
    for (const release of heldTokenRequests) release();
    return new Response(null, { status: 204 });
  }
  if (request.method !== 'POST') return jsonResponse({ error: 'Use POST' }, 405);
  const url = new URL(request.url);
  const delay = Number(url.searchParams.get('delay') ?? 0);
  if (delay > 0) {
    let release = () => {};
    const released = await new Promise<boolean>((resolve) => {
      release = () => resolve(true);
      heldTokenRequests.add(release);
      setTimeout(() => resolve(false), Math.min(delay, 600_000));
    });
    heldTokenRequests.delete(release);
    if (released) return jsonResponse({ error: 'The story ended before the token was ready' }, 503);
  }
  const failStatus = Number(url.searchParams.get('fail') ?? 0);
  if (failStatus >= 400) return jsonResponse({ error: 'The token endpoint is failing on purpose for this story' }, failStatus);
  const body = (await request.json().catch(() => null)) as { external_user_id?: unknown } | null;
  const externalUserId = body?.external_user_id;
  if (typeof externalUserId !== 'string' || !externalUserId) return jsonResponse({ error: 'external_user_id is required' }, 400);
  const emulator = await emulatorReady;
  const access = await serverAccessToken(emulator);
  const response = await emulator.handle(new Request(`${scope.origin}${basePath}/v1/connect/${emulator.projectId}/tokens`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access}`, 'content-type': 'application/json' },
    body: JSON.stringify({ external_user_id: externalUserId, allowed_origins: [scope.origin] }),
  }));
  await saving;
  return jsonResponse(await response.json(), response.status);
}

let adminRoute: ((request: Request) => Promise<Response>) | undefined;

// A worker's own fetch skips it: the admin route's calls to the emulator are answered here.
const networkFetch = globalThis.fetch.bind(globalThis);
globalThis.fetch = (input, init) => {
  const request = new Request(input, init);
  const path = new URL(request.url).pathname;
  const own = request.url.startsWith(scope.origin) && (path === basePath || path.startsWith(`${basePath}/`));
  return own ? handleEmulator(request) : networkFetch(request);
};

/** The host's admin route: the server helper itself, its Pipedream calls answered by this worker's emulator. */
async function handleAdmin(request: Request): Promise<Response> {
  // `?delay=ms` holds the answer, for a loading story.
  const params = new URL(request.url).searchParams;
  const delay = Number(params.get('delay') ?? 0);
  if (delay > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(delay, 600_000)));
  // `?project=empty`: the route of a project with no accounts yet (this emulator always has some).
  if (params.get('project') === 'empty') return jsonResponse({ data: [], total: 0, counts: { all: 0, healthy: 0, needs_reconnect: 0, disconnected: 0 }, apps: [] });
  const emulator = await emulatorReady;
  adminRoute ??= createAdminHandler({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    projectId: emulator.projectId,
    environment: 'production',
    baseUrl: `${scope.origin}${basePath}`,
    cacheMs: 0,
    authorize: (incoming) => (new URL(incoming.url).searchParams.get('role') === 'member' ? null : 'storybook-admin'),
  });
  return adminRoute(request);
}

async function receiveWebhook(request: Request): Promise<Response> {
  if (request.method === 'GET') return jsonResponse({ data: webhookLog });
  const raw = await request.text();
  let body: unknown = raw;
  try {
    body = JSON.parse(raw);
  } catch {
    // Not JSON: kept as text.
  }
  webhookLog.unshift({ receivedAt: new Date().toISOString(), emitter: request.headers.get('x-pd-emitter-id') ?? '', body });
  webhookLog.splice(WEBHOOK_LOG_LIMIT);
  return new Response('ok');
}

function failed(error: unknown): Response {
  return jsonResponse({ error: `Emulator service worker: ${(error as Error)?.message ?? String(error)}` }, 500);
}

worker.addEventListener('install', (event) => {
  event.waitUntil(worker.skipWaiting());
});

// Take over open pages at once: the first visit must not need a reload.
worker.addEventListener('activate', (event) => {
  event.waitUntil(Promise.all([worker.clients.claim(), dropOtherBuildsState().catch(() => undefined)]));
});

// A page loaded with a hard reload is not controlled; it asks to be claimed.
worker.addEventListener('message', (event) => {
  if ((event as MessageEvent).data === 'claim') event.waitUntil(worker.clients.claim());
});

worker.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (url.origin !== scope.origin) return;
  const path = url.pathname;
  if (path === tokenPath) event.respondWith(mintToken(event.request).catch(failed));
  else if (path === webhookPath) event.respondWith(receiveWebhook(event.request).catch(failed));
  else if (path === adminPath) event.respondWith(handleAdmin(event.request).catch(failed));
  else if (path === basePath || path.startsWith(`${basePath}/`)) event.respondWith(handleEmulator(event.request).catch(failed));
});
