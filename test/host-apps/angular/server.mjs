// The Angular app's production server: the built files from dist/host-app/browser, every other
// path answered with index.html, and the token endpoint made with the server helper. PORT and
// HOST say where to listen; PIPEDREAM_BASE_URL points at a Connect emulator (unset: Pipedream).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenHandler, toNodeListener } from 'pd-connect-elements/server';

const root = join(dirname(fileURLToPath(import.meta.url)), 'dist', 'host-app', 'browser');
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.map': 'application/json' };

// Credentials from PIPEDREAM_CLIENT_ID, PIPEDREAM_CLIENT_SECRET, PIPEDREAM_PROJECT_ID, PIPEDREAM_ENVIRONMENT.
const token = toNodeListener(
  createTokenHandler({
    baseUrl: process.env.PIPEDREAM_BASE_URL,
    // Your session decides who is signed in; this app has one user.
    getExternalUserId: () => 'host-app-user',
  }),
);

const attribute = (value) => String(value ?? '').replaceAll('&', '&amp;').replaceAll('"', '&quot;');

/** index.html with the Connect settings the app reads from its meta tags. */
async function index() {
  const html = await readFile(join(root, 'index.html'), 'utf8');
  const meta = (name, value) => (value ? `<meta name="${name}" content="${attribute(value)}">` : '');
  const settings = meta('pipedream-environment', process.env.PIPEDREAM_ENVIRONMENT) + meta('pipedream-base-url', process.env.PIPEDREAM_BASE_URL);
  return html.replace('</head>', `${settings}</head>`);
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (path === '/api/pipedream/token') return token(req, res);
  const file = normalize(join(root, path));
  try {
    if (!file.startsWith(root + sep) || path.endsWith('/') || file.endsWith('index.html')) throw new Error('the app');
    const body = await readFile(file);
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(200, { 'content-type': types['.html'] });
    res.end(await index());
  }
});

server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`Listening on http://${address}:${port}`);
});
