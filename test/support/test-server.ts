import type { IncomingMessage, ServerResponse } from 'node:http';
import { PipedreamClient } from '@pipedream/sdk/server';
import type { RunningEmulator } from '../../src/emulator/index.node.js';
import { type AdminAuditEntry, createAdminHandler, toNodeListener } from '../../src/server/index.js';

/**
 * Routes the browser tests talk to, standing in for a host app's server: a token endpoint built
 * on the real server SDK, and a webhook sink that records what the emulator delivers.
 */
export function testServerMiddleware(running: RunningEmulator) {
  const { emulator } = running;
  const client = new PipedreamClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    projectId: emulator.projectId,
    projectEnvironment: 'development',
    baseUrl: running.url,
  });
  const webhookEvents: { path: string; headers: Record<string, unknown>; body: unknown }[] = [];
  const tokenRequests = new Map<string, number>();
  /** Failure modes a test can ask of the token endpoint, per user: `?fail=` style, set via POST /api/token-mode. */
  const tokenModes = new Map<string, string>();
  const failingHits = new Map<string, number>();
  /** The host's admin route: an admin is a request with `x-test-role: admin` (the session check a host would make). */
  const auditLog: AdminAuditEntry[] = [];
  const adminRoute = toNodeListener(createAdminHandler({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    projectId: emulator.projectId,
    environment: 'development',
    baseUrl: running.url,
    cacheMs: 0,
    authorize: (request) => (request.headers.get('x-test-role') === 'admin' ? 'support@example.com' : null),
    onAudit: (entry) => { auditLog.push(entry); },
  }));

  const readBody = async (req: IncomingMessage) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.statusCode = status;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(body));
  };

  return async (ctx: { req: IncomingMessage; res: ServerResponse; path: string; method: string; origin: string }, next: () => Promise<void>) => {
    const { req, res } = ctx;
    if (ctx.path === '/api/env') {
      return send(res, 200, { emulatorUrl: running.url, projectId: emulator.projectId });
    }
    if (ctx.path === '/api/token-log') {
      const user = new URL(req.url ?? '', 'http://x').searchParams.get('user') ?? '';
      return send(res, 200, { count: tokenRequests.get(user) ?? 0 });
    }
    if (ctx.path === '/api/token-mode' && ctx.method === 'POST') {
      const body = await readBody(req);
      tokenModes.set(String(body.user), String(body.mode ?? 'ok'));
      return send(res, 200, { ok: true });
    }
    if (ctx.path === '/api/connect-token' && ctx.method === 'POST') {
      const body = await readBody(req);
      const user = String(body.external_user_id ?? '');
      tokenRequests.set(user, (tokenRequests.get(user) ?? 0) + 1);
      switch (tokenModes.get(user)) {
        case 'status-500':
          return send(res, 500, { error: 'token service down' });
        case 'not-json':
          res.statusCode = 200;
          res.setHeader('content-type', 'text/html');
          return res.end('<html>login required</html>');
        case 'no-token':
          return send(res, 200, { expires_at: new Date(Date.now() + 60_000).toISOString() });
        case 'expired':
          return send(res, 200, { token: 'ctok_00000000000000000000000000000000', expires_at: new Date(Date.now() - 1000).toISOString() });
        case 'slow':
          await new Promise((resolve) => setTimeout(resolve, 600));
          break;
        case 'hang-up':
          req.socket.destroy();
          return;
        case 'hang':
          // Never answers; ends when the browser gives up (or after a minute, so nothing leaks).
          await new Promise((resolve) => {
            const timer = setTimeout(resolve, 60_000);
            res.on('close', () => { clearTimeout(timer); resolve(undefined); });
          });
          if (!res.writableEnded) res.destroy();
          return;
      }
      // `other-user`: a host bug that answers another user's token (a shared cache, a mixed-up session).
      const tokenUser = tokenModes.get(user) === 'other-user' ? `${user}-other` : user;
      const token = await client.tokens.create({
        externalUserId: tokenUser,
        allowedOrigins: [ctx.origin],
        ...(typeof body.expires_in === 'number' ? { expiresIn: body.expires_in } : {}),
        ...(typeof body.scope === 'string' ? { scope: body.scope } : {}),
        ...(typeof body.success_redirect_uri === 'string' ? { successRedirectUri: body.success_redirect_uri } : {}),
        ...(typeof body.error_redirect_uri === 'string' ? { errorRedirectUri: body.error_redirect_uri } : {}),
      });
      return send(res, 200, { token: token.token, expires_at: token.expiresAt.toISOString(), connect_link_url: token.connectLinkUrl });
    }
    // A host endpoint (run, deploy, disconnect) that fails with `?status=` and counts its hits by path.
    if (ctx.path.startsWith('/api/failing-endpoint/')) {
      if (ctx.method === 'GET') return send(res, 200, { count: failingHits.get(ctx.path) ?? 0 });
      failingHits.set(ctx.path, (failingHits.get(ctx.path) ?? 0) + 1);
      await readBody(req);
      const status = Number(new URL(req.url ?? '', 'http://x').searchParams.get('status') ?? 502);
      return send(res, status, { error: `upstream answered ${status}` });
    }
    if (ctx.path === '/api/admin') {
      adminRoute(req, res);
      await new Promise((resolve) => res.once('close', resolve));
      return;
    }
    if (ctx.path === '/api/admin-audit') return send(res, 200, { data: auditLog });
    // A host's admin route for a project with no accounts yet (the shared emulator always has some).
    if (ctx.path === '/api/admin-empty-project') return send(res, 200, { data: [], total: 0, counts: { all: 0, healthy: 0, needs_reconnect: 0, disconnected: 0 }, apps: [] });
    if (ctx.path.startsWith('/api/webhook-sink')) {
      if (ctx.method === 'POST') {
        webhookEvents.push({ path: ctx.path, headers: req.headers, body: await readBody(req) });
        return send(res, 200, { ok: true });
      }
      return send(res, 200, { data: webhookEvents.filter((event) => event.path === ctx.path) });
    }
    return next();
  };
}
