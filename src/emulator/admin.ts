import type { ConnectEmulator } from './emulator.js';
import { type ConnectPageFault, validateFaultRule } from './faults.js';
import { HttpError, badRequest, field, json, notFound, readJsonObject } from './http.js';

const CONNECT_PAGE_FAULTS: ConnectPageFault[] = ['none', 'error', 'unavailable', 'hang', 'error-after-connect', 'close-after-connect'];

/**
 * The admin API under `/_emulator/` (outside `/v1`, so no SDK ever calls it): fault injection,
 * request log, seeding and inspection for tests and demos.
 */
export async function adminRoute(emulator: ConnectEmulator, request: Request, path: string, url: URL): Promise<Response> {
  const method = request.method;
  if (method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: { 'access-control-allow-methods': 'GET, POST, PATCH, DELETE', 'access-control-allow-headers': 'content-type' },
    });
  }
  const route = `${method} ${path.replace(/^\/_emulator/, '').replace(/\/(apn|dc)_[A-Za-z0-9]+/, '/:id') || '/'}`;
  const id = /\/((?:apn|dc)_[A-Za-z0-9]+)/.exec(path)?.[1] ?? '';

  switch (route) {
    case 'GET /':
      return json({
        project_id: emulator.projectId,
        client_id: emulator.clientId,
        apps: emulator.catalog.apps.length,
        components: emulator.catalog.components.length,
        latency_ms: emulator.latencyMs,
      });
    case 'POST /reset':
      emulator.reset();
      return json({ ok: true });
    case 'GET /state':
      return json(emulator.snapshot());
    case 'GET /requests': {
      const pathFilter = url.searchParams.get('path');
      const methodFilter = url.searchParams.get('method');
      return json({
        data: emulator.requests.filter(
          (entry) => (!pathFilter || entry.path.includes(pathFilter)) && (!methodFilter || entry.method === methodFilter.toUpperCase()),
        ),
      });
    }
    case 'DELETE /requests':
      emulator.requests = [];
      return new Response(null, { status: 204 });
    case 'GET /faults':
      return json({ rules: emulator.faults.rules, connect_page: emulator.faults.connectPage, latency_ms: emulator.latencyMs });
    case 'POST /faults': {
      const body = await readJsonObject(request);
      const rules = body.rules === undefined ? [] : Array.isArray(body.rules) ? body.rules : [body.rules];
      const validated = rules.map(validateFaultRule);
      if (body.connect_page !== undefined && !CONNECT_PAGE_FAULTS.includes(body.connect_page as ConnectPageFault)) {
        throw badRequest(`connect_page must be one of ${CONNECT_PAGE_FAULTS.join(', ')}`);
      }
      const latency = field.optionalInteger(body, 'latency_ms', 0, 600_000);
      const added = validated.map((rule) => emulator.faults.add(rule));
      if (body.connect_page !== undefined) emulator.faults.connectPage = body.connect_page as ConnectPageFault;
      if (latency !== undefined) emulator.latencyMs = latency;
      return json({ rules: added, connect_page: emulator.faults.connectPage, latency_ms: emulator.latencyMs }, 201);
    }
    case 'DELETE /faults':
      emulator.faults.clear();
      emulator.latencyMs = 0;
      return new Response(null, { status: 204 });
    case 'POST /tokens/expire': {
      const body = await readJsonObject(request);
      return json({ expired: emulator.expireTokens(field.optionalString(body, 'token')) });
    }
    case 'POST /accounts': {
      const body = await readJsonObject(request);
      const account = emulator.seedAccount({
        externalUserId: field.string(body, 'external_user_id'),
        app: field.string(body, 'app'),
        name: field.optionalString(body, 'name'),
        healthy: field.optionalBoolean(body, 'healthy'),
        dead: field.optionalBoolean(body, 'dead'),
        error: field.optionalString(body, 'error') ?? null,
        environment: field.optionalString(body, 'environment'),
        credentials: field.optionalObject(body, 'credentials'),
      });
      return json(account, 201);
    }
    // Accounts console: many accounts across many users in one call.
    case 'POST /seed-accounts': {
      const body = await readJsonObject(request);
      const users = field.optionalInteger(body, 'users', 1, 10_000) ?? 10;
      const perUser = field.optionalInteger(body, 'perUser', 1, 100) ?? 3;
      const apps = body.apps === undefined ? ['slack', 'github', 'google_sheets'] : body.apps;
      if (!Array.isArray(apps) || !apps.length || apps.some((app) => typeof app !== 'string' || !emulator.catalog.apps.some((entry) => entry.name_slug === app))) {
        throw badRequest('apps must be a non-empty array of app slugs of the catalog');
      }
      const prefix = field.optionalString(body, 'prefix') ?? 'user';
      const environment = field.optionalString(body, 'environment');
      const start = Date.now() - users * perUser * 60_000;
      let index = 0;
      for (let user = 0; user < users; user++) {
        for (let n = 0; n < perUser; n++, index++) {
          // Every 10th needs a reconnect, every 25th is dead: the console's health filter has something to find.
          const dead = index % 25 === 24;
          const healthy = !dead && index % 10 !== 9;
          emulator.seedAccount({
            externalUserId: `${prefix}-${String(user).padStart(4, '0')}`,
            app: apps[(user + n) % apps.length] as string,
            healthy, dead, error: healthy ? null : dead ? 'Account access revoked' : 'Refresh token expired',
            environment, createdAt: start + index * 60_000,
          });
        }
      }
      return json({ created: index }, 201);
    }
    case 'PATCH /accounts/:id': {
      const account = emulator.state.accounts.get(id);
      if (!account) throw notFound(`Account ${id} not found`);
      const body = await readJsonObject(request);
      const healthy = field.optionalBoolean(body, 'healthy');
      const dead = field.optionalBoolean(body, 'dead');
      const name = field.optionalString(body, 'name');
      if (healthy !== undefined) account.healthy = healthy;
      if (dead !== undefined) account.dead = dead;
      if (name) account.name = name;
      if ('error' in body) account.error = field.optionalString(body, 'error') ?? null;
      emulator.changed();
      return json(emulator.wireAccount(account));
    }
    case 'POST /deployed-triggers/:id/emit':
      await emulator.emit(id);
      return json({ deliveries: emulator.deliveries.filter((d) => d.triggerId === id) });
    case 'GET /deliveries':
      return json({ data: emulator.deliveries });
    default:
      throw new HttpError(404, `No admin route for ${method} ${path}`, 'not_found');
  }
}
