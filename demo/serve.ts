import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { PipedreamClient } from '@pipedream/sdk/server';
import { createServer as createViteServer } from 'vite';
import { startEmulator } from '../src/emulator/index.node.js';

/**
 * `npm run demo`: starts the Connect emulator and the showcase page, with a token endpoint
 * built on the server SDK as a host app would mount it.
 */
const port = Number(process.env.PORT ?? 5173);
const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 4010), syntheticApps: 2500 });
// A few accounts in every health state, so the showcase has something to manage from the start.
emulator.emulator.seedAccount({ externalUserId: 'demo-user', app: 'slack', name: 'Acme HQ', environment: 'development' });
emulator.emulator.seedAccount({ externalUserId: 'demo-user', app: 'github', name: 'acme-bot', healthy: false, error: 'The OAuth grant was revoked', environment: 'development' });
emulator.emulator.seedAccount({ externalUserId: 'demo-user', app: 'google_sheets', name: 'finance@acme.example', dead: true, environment: 'development' });

const pipedream = new PipedreamClient({
  clientId: emulator.emulator.clientId,
  clientSecret: emulator.emulator.clientSecret,
  projectId: emulator.emulator.projectId,
  projectEnvironment: 'development',
  baseUrl: emulator.url,
});

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
  } catch {
    return {};
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

const vite = await createViteServer({
  root: fileURLToPath(new URL('.', import.meta.url)),
  configFile: false,
  server: { middlewareMode: true },
  appType: 'spa',
  // The page names the emulator's URL in its markup, so no element ever starts without it.
  plugins: [{ name: 'emulator-url', transformIndexHtml: (page: string) => page.replaceAll('%EMULATOR_URL%', emulator.url) }],
  logLevel: 'warn',
});

const server = createHttpServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (url.pathname === '/api/connect-token' && req.method === 'POST') {
    // A real host derives the user from its own session; the demo has one fixed user.
    void readJson(req).then(async () => {
      try {
        const origin = req.headers.origin ?? `http://${req.headers.host ?? `localhost:${port}`}`;
        const token = await pipedream.tokens.create({ externalUserId: 'demo-user', allowedOrigins: [origin] });
        sendJson(res, 200, { token: token.token, expires_at: token.expiresAt.toISOString(), connect_link_url: token.connectLinkUrl });
      } catch (error) {
        sendJson(res, 502, { error: (error as Error).message });
      }
    });
    return;
  }
  vite.middlewares(req, res);
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  console.log(`Showcase:  http://localhost:${actualPort}/`);
  console.log(`Emulator:  ${emulator.url} (admin ${emulator.url}/_emulator/)`);
});

const stop = () => {
  void Promise.all([vite.close(), emulator.close()]).then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
