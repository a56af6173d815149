/**
 * Components, actions and triggers: list, retrieve, and the component calls `configure` (remote
 * options), `props` (reload props), `run` (actions) and `deploy` (triggers).
 */
import { type Caller, actingUser, requireScope } from '../auth.js';
import { HttpError, badRequest, field, json, notFound, query, randomHex, randomId, readJsonObject } from '../http.js';
import { paginate } from '../paging.js';
import type { StoredDeployedTrigger } from '../state.js';
import type { ConfigurableProp, EmulatorComponent, Observation, OptionsContext, WireComponent } from '../types.js';
import type { EmulatorServices, RouteContext, RouteHandler, RouteTable } from './context.js';
import { wireDeployedTrigger } from './deployed-triggers.js';
import { findAccount, resolvedAccount } from './shared.js';
import { PROVIDED_PROP_TYPES, unwrapValue } from '../../wire/props.js';

type ComponentType = 'action' | 'trigger' | undefined;

/** Prop types that are not configured by the user and never block a run. */
const NON_INPUT_TYPES = new Set(['alert', '$.interface.timer', ...PROVIDED_PROP_TYPES]);

function wireComponent(component: EmulatorComponent): WireComponent {
  const wire: WireComponent = {
    key: component.key,
    name: component.name,
    version: component.version,
    description: component.description,
    component_type: component.component_type,
    configurable_props: component.configurable_props,
  };
  if (component.stash) wire.stash = component.stash;
  if (component.annotations) wire.annotations = component.annotations;
  return wire;
}

/** A failure of component code as an observation in `os`, the way Pipedream reports it. */
function errorObservation(error: Error, ts: number): Observation {
  return { ts, k: 'error', err: { name: error.name || 'Error', message: error.message, stack: `${error.name}: ${error.message}\n    at run (component.mjs)` } };
}

function requireComponentsReadable(caller: Caller, type: ComponentType): void {
  const scopes = type === 'action' ? ['connect:actions:read'] : type === 'trigger' ? ['connect:triggers:read'] : ['connect:actions:read', 'connect:triggers:read'];
  requireScope(caller, 'connect:components:read', ...scopes);
}

function requireComponentScope(caller: Caller, component: EmulatorComponent, verb: string): void {
  requireScope(caller, component.component_type === 'action' ? `connect:actions:${verb}` : `connect:triggers:${verb}`);
}

function listComponents({ caller, params, catalog, appsBySlug }: RouteContext, type: ComponentType): Response {
  requireComponentsReadable(caller, type);
  const componentType = type ?? query.oneOf(params, 'component_type', ['action', 'trigger'] as const);
  query.oneOf(params, 'registry', ['public', 'private', 'all'] as const);
  const app = params.get('app');
  const q = params.get('q')?.trim().toLowerCase() ?? '';
  const appSlug = app ? (appsBySlug.get(app)?.name_slug ?? catalog.apps.find((a) => a.id === app)?.name_slug ?? app) : undefined;
  const components = catalog.components
    .filter((c) => !componentType || c.component_type === componentType)
    .filter((c) => !appSlug || c.app === appSlug)
    .filter((c) => !q || `${c.name} ${c.key} ${c.description}`.toLowerCase().includes(q))
    .sort((a, b) => a.name.localeCompare(b.name));
  const page = paginate(components, (c) => c.key, { after: params.get('after'), before: params.get('before'), limit: params.get('limit') });
  return json({ data: page.data.map(wireComponent), page_info: page.page_info });
}

function findComponent({ componentsByKey }: EmulatorServices, key: string, type: ComponentType): EmulatorComponent {
  const component = componentsByKey.get(key);
  if (!component || (type && component.component_type !== type)) throw notFound(`Component ${key} not found`);
  return component;
}

function retrieveComponent(context: RouteContext, type: ComponentType): Response {
  requireComponentsReadable(context.caller, type);
  return json({ data: wireComponent(findComponent(context, context.id, type)) });
}

/** Resolves the `app` props of a request to the acting user's accounts (with credentials). */
function resolveAccounts(
  context: RouteContext, externalUserId: string, props: ConfigurableProp[], configured: Record<string, unknown>,
): OptionsContext['accounts'] {
  const accounts: OptionsContext['accounts'] = {};
  for (const prop of props) {
    if (prop.type !== 'app') continue;
    const value = configured[prop.name];
    if (value === undefined || value === null) continue;
    const id = typeof value === 'object' ? (value as { authProvisionId?: unknown }).authProvisionId : undefined;
    if (typeof id !== 'string') throw badRequest(`${prop.name} must be {"authProvisionId": "apn_…"}`);
    const account = findAccount(context, context.caller, id, externalUserId);
    if (account.appSlug !== prop.app) throw badRequest(`Account ${id} is not a ${prop.app} account`);
    accounts[prop.name] = resolvedAccount(context, account);
  }
  return accounts;
}

/** Reads the shared body of configure/props/run/deploy and resolves the component and its props. */
async function componentRequest(context: RouteContext, type: ComponentType) {
  const { request, caller, state } = context;
  const body = await readJsonObject(request);
  const key = field.string(body, 'id');
  const externalUserId = actingUser(caller, field.optionalString(body, 'external_user_id')) as string;
  const configuredProps = field.optionalObject(body, 'configured_props') ?? {};
  const dynamicPropsId = field.optionalString(body, 'dynamic_props_id');
  const component = findComponent(context, key, type);
  let props = component.configurable_props;
  if (dynamicPropsId) {
    const stored = state.dynamicProps.get(dynamicPropsId);
    if (!stored || stored.componentKey !== component.key || stored.externalUserId !== externalUserId) {
      throw notFound(`Dynamic props ${dynamicPropsId} not found`);
    }
    props = stored.configurableProps;
  }
  const accounts = resolveAccounts(context, externalUserId, props, configuredProps);
  return { body, component, externalUserId, configuredProps, dynamicPropsId, props, accounts };
}

/** The required props a run or deploy still lacks. */
/** Required props without a value. An `app` prop of an app without auth (HTTP, RSS) needs none. */
function missingProps(context: RouteContext, props: ConfigurableProp[], configured: Record<string, unknown>): string[] {
  const noAuth = (prop: ConfigurableProp) => prop.type === 'app' && typeof prop.app === 'string' && context.appsBySlug.get(prop.app)?.auth_type === 'none';
  return props
    .filter((prop) => !prop.optional && !prop.hidden && !prop.disabled && !NON_INPUT_TYPES.has(prop.type) && prop.default === undefined && !noAuth(prop))
    .filter((prop) => {
      const value = unwrapValue(configured[prop.name]);
      return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
    })
    .map((prop) => prop.name);
}

/** `POST …/configure`: a prop's options, remote ones from the component's code (paged, searchable). */
async function configureProp(context: RouteContext, type: ComponentType): Promise<Response> {
  const ctx = await componentRequest(context, type);
  requireComponentScope(context.caller, ctx.component, 'configure');
  const propName = field.string(ctx.body, 'prop_name');
  const page = field.optionalInteger(ctx.body, 'page', 0, 1_000_000) ?? 0;
  const prevContext = field.optionalObject(ctx.body, 'prev_context');
  const search = field.optionalString(ctx.body, 'query');
  const prop = ctx.props.find((candidate) => candidate.name === propName);
  if (!prop) throw badRequest(`Prop ${propName} does not exist on ${ctx.component.key}`);
  const optionsFn = ctx.component.options?.[propName];
  if (!optionsFn) {
    return json({ options: prop.options ?? [], stringOptions: null, context: null, errors: [], observations: [] });
  }
  // Remote options only see the props configured before this one, like Pipedream's forms send them.
  try {
    const result = await optionsFn({
      propName, configuredProps: ctx.configuredProps, accounts: ctx.accounts, page, prevContext, query: search,
    });
    return json({
      options: result.stringOptions ? null : (result.options ?? []),
      stringOptions: result.stringOptions ?? null,
      context: result.context ?? null,
      errors: result.errors ?? [],
      observations: result.observations ?? [],
    });
  } catch (error) {
    const err = error as Error;
    return json({ options: [], stringOptions: null, context: null, errors: [JSON.stringify({ name: err.name, message: err.message })], observations: [errorObservation(err, context.now())] });
  }
}

/** `POST …/props`: the component's props after a `reloadProps` prop changed, stored as dynamic props. */
async function reloadProps(context: RouteContext, type: ComponentType): Promise<Response> {
  const ctx = await componentRequest(context, type);
  requireComponentScope(context.caller, ctx.component, 'configure');
  let props: ConfigurableProp[];
  try {
    props = ctx.component.reload ? ctx.component.reload({ configuredProps: ctx.configuredProps, accounts: ctx.accounts }) : ctx.component.configurable_props;
  } catch (error) {
    const err = error as Error;
    return json({ observations: [errorObservation(err, context.now())], errors: [JSON.stringify({ name: err.name, message: err.message })], dynamicProps: null });
  }
  const id = randomId('dyp_', 8);
  context.state.dynamicProps.set(id, { id, componentKey: ctx.component.key, externalUserId: ctx.externalUserId, configurableProps: props });
  context.changed();
  return json({ observations: [], errors: [], dynamicProps: { id, configurableProps: props } });
}

/** `POST actions/run`: runs the action's code; its failures are observations, not HTTP errors. */
async function runAction(context: RouteContext): Promise<Response> {
  const { now, state, changed } = context;
  const ctx = await componentRequest(context, 'action');
  requireComponentScope(context.caller, ctx.component, 'run');
  const stash = ctx.body.stash_id;
  if (stash !== undefined && stash !== null && typeof stash !== 'string' && typeof stash !== 'boolean') {
    throw badRequest('stash_id must be a string, "NEW" or a boolean');
  }
  const missing = missingProps(context, ctx.props, ctx.configuredProps);
  if (missing.length) {
    throw new HttpError(400, `Missing required props: ${missing.join(', ')}`, 'configuration_error', { missing });
  }
  const configuredProps = { ...ctx.configuredProps };
  for (const prop of ctx.props) {
    if (configuredProps[prop.name] === undefined && prop.default !== undefined) configuredProps[prop.name] = prop.default;
  }
  const exports: Record<string, unknown> = {};
  const os: Observation[] = [];
  let ret: unknown;
  try {
    ret = await ctx.component.run?.({
      configuredProps,
      accounts: ctx.accounts,
      $: {
        export: (name, value) => { exports[name] = value; },
        log: (...messages) => { os.push({ ts: now(), k: 'console.log', msg: messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ') }); },
      },
    });
  } catch (error) {
    os.push(errorObservation(error as Error, now()));
  }
  let stashId: string | null = null;
  if (stash === true || stash === '' || stash === 'NEW' || (ctx.component.stash === 'required' && !stash)) {
    stashId = randomId('s_', 10);
    state.stashes.add(stashId);
    changed();
  } else if (typeof stash === 'string') {
    if (!state.stashes.has(stash)) throw notFound(`Stash ${stash} not found`);
    stashId = stash;
  }
  return json({ exports, os, ret: ret === undefined ? null : ret, stash_id: stashId });
}

/** `POST triggers/deploy`: stores a deployed trigger and (by default) emits its sample events now. */
async function deployTrigger(context: RouteContext): Promise<Response> {
  const { caller, now: clock, state, changed } = context;
  const ctx = await componentRequest(context, 'trigger');
  requireComponentScope(caller, ctx.component, 'deploy');
  const webhookUrl = field.optionalString(ctx.body, 'webhook_url');
  if (webhookUrl) {
    try { new URL(webhookUrl); } catch { throw badRequest('webhook_url must be an absolute URL'); }
  }
  field.optionalString(ctx.body, 'workflow_id');
  const emitOnDeploy = field.optionalBoolean(ctx.body, 'emit_on_deploy') ?? true;
  const missing = missingProps(context, ctx.props, ctx.configuredProps);
  if (missing.length) throw new HttpError(400, `Missing required props: ${missing.join(', ')}`, 'configuration_error', { missing });
  const now = clock();
  const trigger: StoredDeployedTrigger = {
    id: randomId('dc_', 8),
    projectId: caller.projectId,
    environment: caller.environment,
    externalUserId: ctx.externalUserId,
    ownerId: `exu_${ctx.externalUserId.replace(/[^A-Za-z0-9]/g, '').slice(0, 12) || 'user'}`,
    componentId: `sc_${ctx.component.key.replace(/[^A-Za-z0-9]/g, '').slice(0, 10)}`,
    componentKey: ctx.component.key,
    name: ctx.component.name,
    nameSlug: `${ctx.component.key}-${randomHex(6)}`,
    configurableProps: ctx.props,
    configuredProps: ctx.configuredProps,
    active: true,
    emitOnDeploy,
    webhookUrls: webhookUrl ? [webhookUrl] : [],
    createdAt: Math.floor(now / 1000),
    updatedAt: Math.floor(now / 1000),
    events: [],
  };
  if (ctx.dynamicPropsId) trigger.dynamicPropsId = ctx.dynamicPropsId;
  state.deployedTriggers.set(trigger.id, trigger);
  changed();
  if (emitOnDeploy) void context.emitSampleEvents(trigger);
  return json({ data: wireDeployedTrigger(trigger) });
}

/** `POST {components,actions,triggers}/{verb}`: run and deploy only exist for their own type. */
const componentCall: RouteHandler = (context) => {
  const { resource, id: verb } = context;
  const type = resource === 'actions' ? 'action' : resource === 'triggers' ? 'trigger' : undefined;
  switch (verb) {
    case 'configure': return configureProp(context, type);
    case 'props': return reloadProps(context, type);
    case 'run':
      if (type !== 'action') break;
      return runAction(context);
    case 'deploy':
      if (type !== 'trigger') break;
      return deployTrigger(context);
  }
  throw notFound(`No route for POST ${resource}/${verb}`);
};

export const componentRoutes: RouteTable = {
  'GET components': (context) => listComponents(context, undefined),
  'GET actions': (context) => listComponents(context, 'action'),
  'GET triggers': (context) => listComponents(context, 'trigger'),
  'GET components/:id': (context) => retrieveComponent(context, undefined),
  'GET actions/:id': (context) => retrieveComponent(context, 'action'),
  'GET triggers/:id': (context) => retrieveComponent(context, 'trigger'),
  'POST components/:id': componentCall,
  'POST actions/:id': componentCall,
  'POST triggers/:id': componentCall,
};
