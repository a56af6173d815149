// A plain static site: the pages in public/, the package's dist/cdn/ under /cdn/, and a token
// endpoint made with the server helper. PORT and HOST say where to listen; PIPEDREAM_BASE_URL
// points the token endpoint and the pages at a Connect emulator (unset: Pipedream).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTokenHandler, toNodeListener } from 'pd-connect-elements/server';

const here = dirname(fileURLToPath(import.meta.url));
const roots = {
  '/cdn/': join(dirname(createRequire(import.meta.url).resolve('pd-connect-elements/package.json')), 'dist', 'cdn'),
  '/': join(here, 'public'),
};
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json', '.css': 'text/css; charset=utf-8' };
const baseUrl = process.env.PIPEDREAM_BASE_URL;

// Credentials from PIPEDREAM_CLIENT_ID, PIPEDREAM_CLIENT_SECRET, PIPEDREAM_PROJECT_ID, PIPEDREAM_ENVIRONMENT.
const token = toNodeListener(
  createTokenHandler({
    baseUrl,
    // Your session decides who is signed in; this site has one user.
    getExternalUserId: () => 'host-app-user',
  }),
);

/** The page's Connect settings, filled in like a server-side template would. */
function fillIn(html) {
  const settings = baseUrl
    ? `environment="${process.env.PIPEDREAM_ENVIRONMENT ?? 'production'}" base-url="${baseUrl}" frontend-host="${baseUrl}/_static/connect.html"`
    : '';
  return html.replace(/ data-connect-settings(?=>)/, settings ? ` ${settings}` : '');
}

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  if (path === '/api/pipedream/token') return token(req, res);
  const prefix = path.startsWith('/cdn/') ? '/cdn/' : '/';
  const file = normalize(join(roots[prefix], path.slice(prefix.length) || 'index.html'));
  if (!file.startsWith(roots[prefix] + sep)) {
    res.writeHead(404).end('Not found');
    return;
  }
  try {
    const body = await readFile(file);
    const type = types[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    res.end(type.startsWith('text/html') ? fillIn(body.toString('utf8')) : body);
  } catch {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
  }
});

server.listen(Number(process.env.PORT ?? 8080), process.env.HOST ?? '127.0.0.1', () => {
  const { address, port } = server.address();
  console.log(`Listening on http://${address}:${port}`);
});
