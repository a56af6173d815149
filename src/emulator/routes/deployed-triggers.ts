/** Deployed triggers: list, retrieve, update, delete, their events and their webhook URLs. */
import { type Caller, actingUser, requireScope } from '../auth.js';
import { badRequest, field, json, notFound, readJsonObject } from '../http.js';
import { paginate } from '../paging.js';
import type { EmulatorState, StoredDeployedTrigger } from '../state.js';
import type { RouteContext, RouteTable } from './context.js';

const READ_SCOPES = ['connect:deployed_triggers:read', 'connect:triggers:read'];
const WRITE_SCOPES = ['connect:deployed_triggers:write', 'connect:triggers:deploy'];

/** A deployed trigger as the API answers it. */
export function wireDeployedTrigger(trigger: StoredDeployedTrigger) {
  return {
    id: trigger.id,
    owner_id: trigger.ownerId,
    component_id: trigger.componentId,
    component_key: trigger.componentKey,
    configurable_props: trigger.configurableProps,
    configured_props: trigger.configuredProps,
    active: trigger.active,
    created_at: trigger.createdAt,
    updated_at: trigger.updatedAt,
    name: trigger.name,
    name_slug: trigger.nameSlug,
    emit_on_deploy: trigger.emitOnDeploy,
    type: 'DeployedComponent' as const,
  };
}

/** The acting user's trigger `id` (a server names the user with `external_user_id`); anyone else's is a 404. */
function findTrigger(state: EmulatorState, caller: Caller, id: string, params: URLSearchParams): StoredDeployedTrigger {
  const externalUserId = actingUser(caller, params.get('external_user_id'));
  const trigger = state.deployedTriggers.get(id);
  if (!trigger || trigger.projectId !== caller.projectId || trigger.environment !== caller.environment || trigger.externalUserId !== externalUserId) {
    throw notFound(`Deployed trigger ${id} not found`);
  }
  return trigger;
}

function listDeployedTriggers({ caller, params, state }: RouteContext): Response {
  requireScope(caller, ...READ_SCOPES);
  const externalUserId = actingUser(caller, params.get('external_user_id'));
  const triggers = [...state.deployedTriggers.values()]
    .filter((t) => t.projectId === caller.projectId && t.environment === caller.environment && t.externalUserId === externalUserId)
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
  const page = paginate(triggers, (t) => t.id, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
  return json({ data: page.data.map((t) => wireDeployedTrigger(t)), page_info: page.page_info });
}

function retrieveDeployedTrigger({ caller, id, params, state }: RouteContext): Response {
  return json({ data: wireDeployedTrigger(findTrigger(state, caller, id, params)) });
}

async function updateDeployedTrigger({ request, caller, id, params, state, now, changed }: RouteContext): Promise<Response> {
  requireScope(caller, ...WRITE_SCOPES);
  const trigger = findTrigger(state, caller, id, params);
  const body = await readJsonObject(request);
  const active = field.optionalBoolean(body, 'active');
  const name = field.optionalString(body, 'name');
  if (name !== undefined && !name.trim()) throw badRequest('name must not be blank');
  const configuredProps = field.optionalObject(body, 'configured_props');
  if (active !== undefined) trigger.active = active;
  if (name !== undefined) trigger.name = name.trim();
  if (configuredProps) trigger.configuredProps = configuredProps;
  trigger.updatedAt = Math.floor(now() / 1000);
  changed();
  return json({ data: wireDeployedTrigger(trigger) });
}

function deleteDeployedTrigger({ caller, id, params, state, changed }: RouteContext): Response {
  requireScope(caller, ...WRITE_SCOPES);
  const trigger = findTrigger(state, caller, id, params);
  state.deployedTriggers.delete(trigger.id);
  changed();
  return new Response(null, { status: 204 });
}

/** `GET deployed-triggers/{id}/events?n=`: the newest `n` (default 20) emitted events. */
function listTriggerEvents({ caller, id, params, state }: RouteContext): Response {
  requireScope(caller, ...READ_SCOPES);
  const trigger = findTrigger(state, caller, id, params);
  const n = Number(params.get('n') ?? 20);
  if (!Number.isInteger(n) || n < 1) throw badRequest('n must be a positive integer');
  return json({ data: trigger.events.slice(0, n) });
}

/** Pipedream's webhook objects beside the plain URLs; a Connect token never sees signing keys. */
function wireWebhooks(trigger: StoredDeployedTrigger) {
  return {
    webhook_urls: trigger.webhookUrls,
    webhooks: trigger.webhookUrls.map((url, index) => ({ id: `hook_${trigger.id.replace(/^dc_/, '')}${index}`, url, signing_key_set: false })),
  };
}

function retrieveTriggerWebhooks({ caller, id, params, state }: RouteContext): Response {
  requireScope(caller, ...READ_SCOPES);
  return json(wireWebhooks(findTrigger(state, caller, id, params)));
}

async function updateTriggerWebhooks({ request, caller, id, params, state, changed }: RouteContext): Promise<Response> {
  requireScope(caller, ...WRITE_SCOPES);
  const trigger = findTrigger(state, caller, id, params);
  const body = await readJsonObject(request);
  const urls = field.optionalStringArray(body, 'webhook_urls');
  if (!urls) throw badRequest('webhook_urls is required and must be an array of strings');
  trigger.webhookUrls = urls;
  changed();
  return json(wireWebhooks(trigger));
}

export const deployedTriggerRoutes: RouteTable = {
  'GET deployed-triggers': listDeployedTriggers,
  'GET deployed-triggers/:id': retrieveDeployedTrigger,
  'PUT deployed-triggers/:id': updateDeployedTrigger,
  'DELETE deployed-triggers/:id': deleteDeployedTrigger,
  'GET deployed-triggers/:id/events': listTriggerEvents,
  'GET deployed-triggers/:id/webhooks': retrieveTriggerWebhooks,
  'PUT deployed-triggers/:id/webhooks': updateTriggerWebhooks,
};
