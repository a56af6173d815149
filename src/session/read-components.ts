/**
 * Defensive readers of component-shaped answers (components, props, remote options, reloads,
 * runs, deployed triggers): the same rules as read-answers.ts, in a module of their own so that
 * only pages with forms or component pickers load them.
 */
import type { Component, ConfigurableProp, ConfigurePropResponse, Emitter, Observation, ReloadPropsResponse, RunActionResponse } from '@pipedream/sdk/browser';
import { compact, either, isRecord, oneOf, optionalItems, optionalRecord, readFlag, readItems, readNumber, readText, type Raw } from './read-answers.js';

// ------------------------------------------------------------------------------- props, components

/** `{label, value}` with text for a label; undefined without a value (it would select nothing). */
function readLabelValue(raw: unknown): { label: string; value: unknown } | undefined {
  if (!isRecord(raw) || raw.value === undefined) return undefined;
  const label = readText(raw.label) ?? readText(raw.value) ?? JSON.stringify(raw.value);
  return { label, value: raw.value };
}

/** An option item: a primitive, `{label, value}`, or one wrapped as `{lv: …}` / `{__lv: …}` (kept so). */
function readOption(raw: unknown): unknown {
  if (typeof raw === 'string' || typeof raw === 'boolean' || readNumber(raw) !== undefined) return raw;
  if (!isRecord(raw)) return undefined;
  for (const wrapper of ['lv', '__lv']) {
    if (raw[wrapper] === undefined) continue;
    const inner = readLabelValue(raw[wrapper]);
    return inner && { [wrapper]: inner };
  }
  return readLabelValue(raw);
}

const PROP_TEXTS = ['label', 'description', 'app', 'alertType', 'content', 'format', 'appProp', 'baseIdProp', 'tableIdProp', 'accessMode'] as const;
const PROP_FLAGS = ['optional', 'disabled', 'readOnly', 'hidden', 'remoteOptions', 'useQuery', 'reloadProps', 'withLabel', 'secret', 'sync', 'customResponse'] as const;

/**
 * A configurable prop; undefined without a string `name` and `type`, and an `app` prop without
 * the app whose accounts it offers (nobody could ever pick one).
 */
export function readProp(raw: unknown): ConfigurableProp | undefined {
  if (!isRecord(raw) || typeof raw.name !== 'string' || !raw.name || typeof raw.type !== 'string' || !raw.type) return undefined;
  const prop: Raw = { name: raw.name, type: raw.type };
  for (const key of PROP_TEXTS) prop[key] = readText(raw[key]);
  if (prop.type === 'app' && !prop.app) return undefined;
  for (const key of PROP_FLAGS) prop[key] = readFlag(raw[key]);
  prop.min = readNumber(raw.min);
  prop.max = readNumber(raw.max);
  prop.options = optionalItems(raw.options, readOption);
  prop.eventNames = optionalItems(raw.eventNames, readText);
  // A timer's fixed schedule is described as text: only its readable parts.
  const schedule = optionalRecord(raw.static);
  prop.static = schedule && compact({ intervalSeconds: readNumber(schedule.intervalSeconds), cron: readText(schedule.cron), timezone: readText(schedule.timezone) });
  const auth = optionalRecord(raw.auth);
  prop.auth = auth && compact({ app: readText(auth.app) });
  compact(prop);
  // A value, not text: the form checks values of every type itself.
  if (raw.default !== undefined) prop.default = raw.default;
  return prop as unknown as ConfigurableProp;
}

const STASH = ['optional', 'required'] as const;

/** A component (action or trigger) with its props; undefined without a `key`. */
export function readComponent(raw: unknown): Component | undefined {
  if (!isRecord(raw)) return undefined;
  const key = readText(raw.key);
  if (!key) return undefined;
  const annotations = optionalRecord(raw.annotations);
  return compact<Component>({
    key,
    name: readText(raw.name) ?? key,
    version: readText(raw.version) ?? '',
    configurableProps: readItems(either(raw, 'configurableProps', 'configurable_props'), readProp),
    description: readText(raw.description),
    componentType: readText(either(raw, 'componentType', 'component_type')),
    stash: oneOf(raw.stash, STASH),
    annotations: annotations && compact({
      destructiveHint: readFlag(annotations.destructiveHint),
      idempotentHint: readFlag(annotations.idempotentHint),
      openWorldHint: readFlag(annotations.openWorldHint),
      readOnlyHint: readFlag(annotations.readOnlyHint),
      title: readText(annotations.title),
    }),
  });
}

// ------------------------------------------------------------------------------- calls' answers

/** A log line or error of a run or a props call; undefined without its kind `k`. */
function readObservation(raw: unknown): Observation | undefined {
  if (!isRecord(raw)) return undefined;
  const k = readText(raw.k);
  if (!k) return undefined;
  const err = optionalRecord(raw.err);
  return compact<Observation>({
    k,
    ts: readNumber(raw.ts) ?? 0,
    msg: readText(raw.msg),
    err: err && compact({ name: readText(err.name), message: readText(err.message), stack: readText(err.stack) }),
  });
}

/** A `configureProp` answer (one page of remote options); undefined when it is not an object. */
export function readConfigurePropAnswer(raw: unknown): ConfigurePropResponse | undefined {
  if (!isRecord(raw)) return undefined;
  return compact<ConfigurePropResponse>({
    options: optionalItems(raw.options, readOption) as ConfigurePropResponse['options'],
    stringOptions: optionalItems(raw.stringOptions, readText),
    observations: optionalItems(raw.observations, readObservation),
    // Sent back as `prevContext` for the next page: kept as it came.
    context: optionalRecord(raw.context),
    errors: optionalItems(raw.errors, readText),
  });
}

/** A `reloadProps` answer; undefined when it is not an object. */
export function readReloadPropsAnswer(raw: unknown): ReloadPropsResponse | undefined {
  if (!isRecord(raw)) return undefined;
  const dynamic = optionalRecord(raw.dynamicProps);
  return compact<ReloadPropsResponse>({
    observations: optionalItems(raw.observations, readObservation),
    errors: optionalItems(raw.errors, readText),
    // Props that are not a list are no props: the form says so rather than emptying itself.
    dynamicProps: dynamic && compact({
      id: readText(dynamic.id),
      configurableProps: Array.isArray(dynamic.configurableProps) ? readItems(dynamic.configurableProps, readProp) : undefined,
    }),
  });
}

/** A run's answer; undefined when it is not an object. `ret` and exports are values, kept as they came. */
export function readRunActionAnswer(raw: unknown): RunActionResponse | undefined {
  if (!isRecord(raw)) return undefined;
  const answer = compact<RunActionResponse>({
    exports: optionalRecord(raw.exports),
    os: optionalItems(raw.os, readObservation),
    stashId: readText(either(raw, 'stashId', 'stash_id')),
  });
  // The form shows a returned value whenever the answer has one, `null` included.
  if ('ret' in raw) answer.ret = raw.ret;
  return answer;
}

/** A deployed trigger (the API's `Emitter`); undefined without a string `id`. */
export function readEmitter(raw: unknown): Emitter | undefined {
  if (!isRecord(raw) || typeof raw.id !== 'string' || !raw.id) return undefined;
  const props = either(raw, 'configurableProps', 'configurable_props');
  const configured = either(raw, 'configuredProps', 'configured_props');
  const emitter = compact({
    id: raw.id,
    type: readText(raw.type),
    name: readText(raw.name),
    nameSlug: readText(either(raw, 'nameSlug', 'name_slug')),
    ownerId: readText(either(raw, 'ownerId', 'owner_id')),
    componentId: readText(either(raw, 'componentId', 'component_id')),
    componentKey: readText(either(raw, 'componentKey', 'component_key')),
    active: readFlag(raw.active),
    createdAt: readNumber(either(raw, 'createdAt', 'created_at')),
    updatedAt: readNumber(either(raw, 'updatedAt', 'updated_at')),
    configurableProps: optionalItems(props, readProp),
    // The values it was deployed with: data, kept as they came.
    configuredProps: optionalRecord(configured),
    emitOnDeploy: readFlag(either(raw, 'emitOnDeploy', 'emit_on_deploy')),
    webhookSigningKey: readText(either(raw, 'webhookSigningKey', 'webhook_signing_key')),
    // HTTP and timer interfaces, the union's other members.
    key: readText(raw.key),
    endpointUrl: readText(either(raw, 'endpointUrl', 'endpoint_url')),
    customResponse: readFlag(either(raw, 'customResponse', 'custom_response')),
    intervalSeconds: readNumber(either(raw, 'intervalSeconds', 'interval_seconds')),
    cron: readText(raw.cron),
    timezone: readText(raw.timezone),
    scheduleChangedAt: readNumber(either(raw, 'scheduleChangedAt', 'schedule_changed_at')),
  });
  const observations = either(raw, 'callbackObservations', 'callback_observations');
  // Opaque to every element; kept for the host.
  if (observations !== undefined) (emitter as Raw).callbackObservations = observations;
  return emitter as unknown as Emitter;
}
