import type { Component, ConfigurePropResponse, ReloadPropsResponse, RunActionResponse } from '@pipedream/sdk/browser';
import { ApiError } from './errors.js';
import {
  type ComponentConfigParams,
  type ConfigurePropParams,
  type ConnectSession,
  type DeployTriggerParams,
  type DeployedTrigger,
  EXECUTE,
  READ,
  componentEntry,
  loadComponentReaders,
} from './session.js';

/*
 * A component's calls: its definition, its props' options and reloads, and running or deploying
 * it. Apart from the session, so that elements that show no form do not carry them.
 */

/** A component's definition from the API, read defensively (see `componentDefinition`, which shares it). */
async function retrieveComponent(session: ConnectSession, key: string, signal?: AbortSignal): Promise<Component> {
  const readers = loadComponentReaders();
  const answer = await session.call(session.componentClient(), (client, options) => client.retrieve(key, {}, options), READ, signal);
  const component = (await readers).readComponent(answer?.data);
  if (!component) throw new ApiError('The Connect API answered something that is not a component', undefined, { reason: 'unreadable' });
  return component;
}

/** A component's definition, shared page-wide; `signal` gives up this caller's wait (see `remember`). */
export function componentDefinition(session: ConnectSession, key: string, signal?: AbortSignal): Promise<Component> {
  return session.remember(componentEntry(key), 10 * 60_000, (shared) => retrieveComponent(session, key, shared), signal);
}

/** One page of a prop's remote options (`POST /v1/connect/components/configure`). */
export async function configureProp(session: ConnectSession, params: ConfigurePropParams, signal?: AbortSignal): Promise<ConfigurePropResponse> {
  const readers = loadComponentReaders();
  const answer = await session.call(session.client('components'), (client, options) =>
    client.configureProp(
      {
        id: params.componentKey,
        externalUserId: session.externalUserId,
        propName: params.propName,
        configuredProps: params.configuredProps as never,
        ...(params.dynamicPropsId ? { dynamicPropsId: params.dynamicPropsId } : {}),
        page: params.page ?? 0,
        ...(params.prevContext ? { prevContext: params.prevContext } : {}),
        ...(params.query !== undefined ? { query: params.query } : {}),
      },
      options,
    ),
    READ,
    signal,
  );
  const page = (await readers).readConfigurePropAnswer(answer);
  if (!page) throw new ApiError('The Connect API answered something that is not a list of options', undefined, { reason: 'unreadable' });
  return page;
}

/** The component's props for this configuration (`POST /v1/connect/components/props`); `signal` aborts the request. */
export async function reloadProps(session: ConnectSession, params: ComponentConfigParams, signal?: AbortSignal): Promise<ReloadPropsResponse> {
  const readers = loadComponentReaders();
  const answer = await session.call(session.client('components'), (client, options) =>
    client.reloadProps({
      id: params.componentKey,
      externalUserId: session.externalUserId,
      configuredProps: params.configuredProps as never,
      ...(params.dynamicPropsId ? { dynamicPropsId: params.dynamicPropsId } : {}),
    }, options),
    READ,
    signal,
  );
  const props = (await readers).readReloadPropsAnswer(answer);
  if (!props) throw new ApiError('The Connect API answered something that is not a list of props', undefined, { reason: 'unreadable' });
  return props;
}

/**
 * Runs an action (`POST /v1/connect/actions/run`): sent once; a failure whose outcome cannot be
 * known is an `ApiError` with `outcomeUnknown`.
 */
export async function runAction(session: ConnectSession, params: ComponentConfigParams & { stashId?: string | boolean }): Promise<RunActionResponse> {
  // Loaded before the run is sent: once it is sent, nothing may fail for a reason of ours.
  const { readRunActionAnswer } = await loadComponentReaders();
  const answer = await session.call(session.client('actions'), (client, options) =>
    client.run({
      id: params.componentKey,
      externalUserId: session.externalUserId,
      configuredProps: params.configuredProps as never,
      ...(params.dynamicPropsId ? { dynamicPropsId: params.dynamicPropsId } : {}),
      ...(params.stashId !== undefined ? { stashId: params.stashId } : {}),
    }, options),
    EXECUTE,
  );
  const result = readRunActionAnswer(answer);
  // An answer came, so the action may well have run: its outcome is unknown, not a failure.
  if (!result) throw new ApiError('The Connect API answered something that is not a run result', undefined, { reason: 'unreadable', outcomeUnknown: true });
  return result;
}

/** Deploys a trigger for this user (`POST /v1/connect/triggers/deploy`); events go to `webhookUrl`. */
export async function deployTrigger(session: ConnectSession, params: DeployTriggerParams): Promise<DeployedTrigger> {
  const { readEmitter } = await loadComponentReaders();
  const answer = await session.call(session.client('triggers'), (client, options) =>
    client.deploy({
      id: params.componentKey,
      externalUserId: session.externalUserId,
      configuredProps: params.configuredProps as never,
      ...(params.dynamicPropsId ? { dynamicPropsId: params.dynamicPropsId } : {}),
      ...(params.webhookUrl ? { webhookUrl: params.webhookUrl } : {}),
      ...(params.emitOnDeploy !== undefined ? { emitOnDeploy: params.emitOnDeploy } : {}),
    }, options),
    EXECUTE,
  );
  const trigger = readEmitter(answer?.data);
  if (!trigger) {
    throw new ApiError('The Connect API answered something that is not a deployed trigger', undefined, { reason: 'unreadable', outcomeUnknown: true });
  }
  return trigger;
}
