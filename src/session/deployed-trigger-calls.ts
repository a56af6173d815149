import { ApiError } from './errors.js';
import { readItems } from './read-answers.js';
import {
  type ConnectSession,
  type DeployedTrigger,
  type DeployedTriggerChanges,
  type DeployedTriggerPage,
  type TriggerEvent,
  WRITE,
  checkedPage,
  loadComponentReaders,
} from './session.js';

/*
 * The calls on a user's deployed triggers. Apart from the session, so that elements that do not
 * list deployed triggers do not carry them.
 */

/** One page of this user's deployed triggers (`GET /v1/connect/deployed-triggers`). */
export async function listDeployedTriggers(session: ConnectSession, cursor?: string, limit = 20): Promise<DeployedTriggerPage> {
  const readers = loadComponentReaders();
  const page = await session.call(session.client('deployedTriggers'), (client, options) => client.list({ externalUserId: session.externalUserId, ...(cursor ? { after: cursor } : {}), limit }, options));
  const { items, ...rest } = checkedPage(page, 'a deployed trigger list');
  return { triggers: readItems(items, (await readers).readEmitter), ...rest };
}

/** Deletes one of this user's deployed triggers (`DELETE /v1/connect/deployed-triggers/{id}`). */
export async function deleteDeployedTrigger(session: ConnectSession, id: string): Promise<void> {
  await session.call(session.client('deployedTriggers'), (client, options) => client.delete(id, { externalUserId: session.externalUserId }, options), WRITE);
}

/** Pauses, resumes or renames one of this user's deployed triggers: sent once, never retried (see `WRITE`). */
export async function updateDeployedTrigger(session: ConnectSession, id: string, changes: DeployedTriggerChanges): Promise<DeployedTrigger> {
  const { readEmitter } = await loadComponentReaders();
  const answer = await session.call(session.client('deployedTriggers'), (client, options) => client.update(id, { externalUserId: session.externalUserId, ...changes }, options), WRITE);
  const trigger = readEmitter(answer?.data);
  // An answer came, so the change may well have happened.
  if (!trigger) throw new ApiError('The Connect API answered something that is not a deployed trigger', undefined, { reason: 'unreadable', outcomeUnknown: true });
  return trigger;
}

/** The newest `n` events of a deployed trigger, newest first (`GET …/deployed-triggers/{id}/events`; the API pages with `n` only). */
export async function listDeployedTriggerEvents(session: ConnectSession, id: string, n = 10): Promise<TriggerEvent[]> {
  const answer: unknown = await session.call(session.client('deployedTriggers'), (client, options) => client.listEvents(id, { externalUserId: session.externalUserId, n }, options));
  const data = (answer as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) throw new ApiError('The Connect API answered something that is not a list of events', undefined, { reason: 'unreadable' });
  return readItems(data, (item): TriggerEvent | undefined => {
    const event = item as Partial<TriggerEvent> | null;
    if (!event || typeof event !== 'object' || typeof event.id !== 'string' || typeof event.ts !== 'number') return undefined;
    return { id: event.id, ts: event.ts, e: event.e, ...(typeof event.k === 'string' ? { k: event.k } : {}), ...(typeof event.sum === 'string' ? { sum: event.sum } : {}) };
  });
}

/** The URLs a deployed trigger POSTs its events to (`GET …/deployed-triggers/{id}/webhooks`). */
export async function listDeployedTriggerWebhooks(session: ConnectSession, id: string): Promise<string[]> {
  const answer: unknown = await session.call(session.client('deployedTriggers'), (client, options) => client.listWebhooks(id, { externalUserId: session.externalUserId }, options));
  const urls = (answer as { webhookUrls?: unknown } | undefined)?.webhookUrls;
  if (!Array.isArray(urls)) throw new ApiError('The Connect API answered something that is not a list of webhooks', undefined, { reason: 'unreadable' });
  return urls.filter((url): url is string => typeof url === 'string');
}