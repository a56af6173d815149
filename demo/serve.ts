import { createServer as createHttpServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import { createServer as createViteServer } from 'vite';
import { startEmulator, type RunningEmulator } from '../src/emulator/index.node.js';
import { createAdminHandler, createDisconnectHandler, createTokenHandler, toNodeListener } from '../src/server/index.js';

/**
 * `npm run demo`: the showcase page plus a token endpoint built with the server helper, as a host
 * app mounts it. With PIPEDREAM_CLIENT_ID, PIPEDREAM_CLIENT_SECRET and PIPEDREAM_PROJECT_ID set it
 * talks to Pipedream; otherwise it starts the embedded Connect emulator.
 */
const port = Number(process.env.PORT ?? 5173);
const demoUser = process.env.DEMO_EXTERNAL_USER_ID ?? 'demo-user';
const real = Boolean(process.env.PIPEDREAM_CLIENT_ID && process.env.PIPEDREAM_CLIENT_SECRET && process.env.PIPEDREAM_PROJECT_ID);

let emulator: RunningEmulator | undefined;
if (!real) {
  // The emulator's expected credentials come from the same variables; none are set here, so defaults apply.
  emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 4010), syntheticApps: 2500 });
  // A few accounts in every health state, so the showcase has something to manage from the start.
  emulator.emulator.seedAccount({ externalUserId: demoUser, app: 'slack', name: 'Acme HQ', environment: 'development' });
  emulator.emulator.seedAccount({ externalUserId: demoUser, app: 'github', name: 'acme-bot', healthy: false, error: 'The OAuth grant was revoked', environment: 'development' });
  emulator.emulator.seedAccount({ externalUserId: demoUser, app: 'google_sheets', name: 'finance@acme.example', dead: true, environment: 'development' });
  // Other users of the project, for the accounts console.
  for (let user = 0; user < 40; user++) {
    for (const [index, app] of (['slack', 'github', 'notion'] as const).entries()) {
      const n = user * 3 + index;
      emulator.emulator.seedAccount({ externalUserId: `customer-${String(user).padStart(3, '0')}`, app, healthy: n % 10 !== 9, dead: n % 25 === 24, environment: 'development' });
    }
  }
}

const apiUrl = emulator?.url ?? 'https://api.pipedream.com';
const connectPage = emulator ? `${emulator.url}/_static/connect.html` : 'https://pipedream.com/_static/connect.html';
const helperOptions = {
  ...(emulator ? { clientId: emulator.emulator.clientId, clientSecret: emulator.emulator.clientSecret, projectId: emulator.emulator.projectId, baseUrl: emulator.url } : {}),
  environment: (process.env.PIPEDREAM_PROJECT_ENVIRONMENT ?? process.env.PIPEDREAM_ENVIRONMENT ?? 'development') as 'development' | 'production',
  // A real app reads its session here; the demo has one fixed user.
  getExternalUserId: () => demoUser,
};
const tokenEndpoint = toNodeListener(createTokenHandler(helperOptions));
const disconnectEndpoint = toNodeListener(createDisconnectHandler(helperOptions));
// A real app lets only its admins in (its session decides); the showcase does so only on the emulator.
const adminEndpoint = toNodeListener(createAdminHandler({ ...helperOptions, authorize: () => (emulator ? 'showcase-admin' : null), onAudit: (entry) => console.log(`audit: ${entry.actor} ${entry.action} ${entry.accountId} → ${entry.result}`) }));

/** Where deployed triggers deliver their events; the page shows the last few. */
const webhookEvents: { receivedAt: string; emitter: string; body: unknown }[] = [];

const server = createHttpServer((req, res) => {
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  if (path === '/api/connect-token') return tokenEndpoint(req, res);
  if (path === '/api/disconnect') return disconnectEndpoint(req, res);
  if (path === '/api/admin') return adminEndpoint(req, res);
  if (path === '/api/webhook') {
    if (req.method === 'POST') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        let body: unknown;
        try { body = JSON.parse(raw); } catch { body = raw; }
        webhookEvents.unshift({ receivedAt: new Date().toISOString(), emitter: String(req.headers['x-pd-emitter-id'] ?? ''), body });
        webhookEvents.splice(20);
        res.statusCode = 200;
        res.end('ok');
      });
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ data: webhookEvents }));
    return;
  }
  vite.middlewares(req, res);
});

const vite = await createViteServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  // Live reload over the showcase's own port: two showcases (or tests) never fight over one.
  server: { middlewareMode: true, hmr: { server } },
  appType: 'spa',
  logLevel: 'warn',
  // Only the showcase's own page: the framework examples beside it have their own builds.
  optimizeDeps: { entries: ['index.html'] },
  // The page names its API and connect page in its markup, so no element ever starts without them.
  plugins: [{
    name: 'demo-settings',
    transformIndexHtml: (page: string) =>
      page.replaceAll('%WEBHOOK_URL%', `http://127.0.0.1:${actualPort()}/api/webhook`).replaceAll('%API_URL%', apiUrl).replaceAll('%CONNECT_PAGE%', connectPage).replaceAll('%USER%', demoUser)
        .replaceAll('%ENVIRONMENT%', helperOptions.environment).replaceAll('%DEMO_TARGET%', emulator ? 'the local Connect emulator' : 'Pipedream'),
  }],
});

function actualPort(): number {
  const address = server.address();
  return typeof address === 'object' && address ? address.port : port;
}

server.listen(port, '127.0.0.1', () => {
  console.log(`Showcase:  http://localhost:${actualPort()}/`);
  if (emulator) console.log(`Emulator:  ${emulator.url} (admin ${emulator.url}/_emulator/)`);
  else console.log(`Pipedream: project ${process.env.PIPEDREAM_PROJECT_ID}, environment ${helperOptions.environment}`);
});

const stop = () => {
  void Promise.all([vite.close(), emulator?.close()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
