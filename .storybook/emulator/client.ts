/// <reference types="vite/client" />
/**
 * The preview's side of the in-browser emulator: registers the service worker, waits until it
 * controls the page, and gives stories the URLs a host site would configure, plus seeding through
 * the emulator's admin API.
 */
import type { EmulatorSnapshot } from '../../src/emulator/index.js';

/** The folder Storybook's preview is served from: the service worker's scope. */
const base = new URL(import.meta.env.BASE_URL || './', window.location.href);

/** What a host page would put on `<pd-connect-provider>`. */
export const emulatorUrls = {
  /** Connect API base URL (`base-url`). */
  api: new URL('emulator', base).href,
  /** The connect page (`frontend-host`). */
  connectPage: new URL('emulator/_static/connect.html', base).href,
  /** The host's token endpoint (`token-endpoint`). */
  tokenEndpoint: new URL('emulator-token', base).href,
  /** A webhook receiver for deployed triggers (`webhook-url`); GET lists what arrived. */
  webhook: new URL('emulator-webhook', base).href,
  /** The host's admin route for `<pd-accounts-console endpoint>`. */
  admin: new URL('emulator-admin', base).href,
};

const CONTROL_TIMEOUT_MS = 10_000;
let ready: Promise<void> | undefined;

async function waitForControl(): Promise<void> {
  if (!('serviceWorker' in navigator)) {
    throw new Error('These stories need service workers (a secure context: https or localhost) for the in-browser Connect emulator.');
  }
  const container = navigator.serviceWorker;
  const registration = await container.register(new URL('emulator-sw.js', base), { scope: base.pathname });
  await container.ready;
  if (!container.controller) {
    const controlled = new Promise<void>((resolve) => container.addEventListener('controllerchange', () => resolve(), { once: true }));
    // A fresh worker claims the page when it activates; an active one after a hard reload is asked to.
    registration.active?.postMessage('claim');
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error('The emulator service worker did not take control of the page.')), CONTROL_TIMEOUT_MS));
    if (!container.controller) await Promise.race([controlled, timeout]);
  }
  const probe = await fetch(`${emulatorUrls.api}/_emulator/`);
  if (!probe.ok) throw new Error(`The in-browser emulator did not answer (HTTP ${probe.status}).`);
}

/** Resolves once the emulator service worker answers this page's requests. */
export function emulatorReady(): Promise<void> {
  ready ??= waitForControl().catch((error: unknown) => {
    ready = undefined;
    throw error;
  });
  return ready;
}

/** Calls the emulator's admin API (`/_emulator/…`). */
export async function emulatorAdmin<T = unknown>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrls.api}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`Emulator admin ${method} ${path}: HTTP ${response.status}`);
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** An account a story needs, in the health state it shows. */
export interface AccountSeed {
  app: string;
  name: string;
  healthy?: boolean;
  dead?: boolean;
  error?: string;
}

type StoredAccount = EmulatorSnapshot['accounts'][number];

function matches(have: StoredAccount, want: AccountSeed): boolean {
  return have.appSlug === want.app && have.name === want.name && have.healthy === (want.healthy ?? true)
    && have.dead === (want.dead ?? false) && (have.error ?? undefined) === want.error;
}

async function connectToken(externalUserId: string): Promise<string> {
  const response = await fetch(emulatorUrls.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ external_user_id: externalUserId }),
  });
  return ((await response.json()) as { token: string }).token;
}

/**
 * Makes the user's accounts exactly `accounts`: left alone when they already are (so a story
 * re-renders on the same data), otherwise removed through the Connect API and seeded again.
 * Returns the account ids in the order given.
 */
export function seedAccounts(externalUserId: string, accounts: AccountSeed[]): Promise<string[]> {
  return oneAtATime(() => reseedAccounts(externalUserId, accounts));
}

/** Seeding runs one at a time: a docs page renders many stories of one user at once. */
let seeding: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = seeding.then(task, task);
  seeding = run.catch(() => undefined);
  return run;
}

async function reseedAccounts(externalUserId: string, accounts: AccountSeed[]): Promise<string[]> {
  const state = await emulatorAdmin<EmulatorSnapshot>('/state');
  const existing = state.accounts.filter((account) => account.externalUserId === externalUserId && account.environment === 'production');
  const unchanged = existing.length === accounts.length && accounts.every((want) => existing.some((have) => matches(have, want)));
  if (unchanged) return accounts.map((want) => existing.find((have) => matches(have, want))!.id);
  if (existing.length) {
    const token = await connectToken(externalUserId);
    for (const account of existing) {
      await fetch(`${emulatorUrls.api}/v1/connect/accounts/${account.id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
    }
  }
  const ids: string[] = [];
  for (const account of accounts) {
    const created = await emulatorAdmin<{ id: string }>('/accounts', 'POST', { external_user_id: externalUserId, ...account });
    ids.push(created.id);
  }
  return ids;
}

type StoredTrigger = EmulatorSnapshot['deployedTriggers'][number];

async function connectApi(externalUserId: string, method: string, path: string, body?: unknown): Promise<Response> {
  const token = await connectToken(externalUserId);
  return fetch(`${emulatorUrls.api}/v1/connect${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/**
 * Makes the user's deployed triggers exactly the ones given (by component key), deploying
 * missing ones and deleting others through the Connect API, as the elements would.
 */
export function seedDeployedTriggers(
  externalUserId: string,
  triggers: { componentKey: string; configuredProps: Record<string, unknown> }[],
): Promise<void> {
  return oneAtATime(() => reseedDeployedTriggers(externalUserId, triggers));
}

async function reseedDeployedTriggers(
  externalUserId: string,
  triggers: { componentKey: string; configuredProps: Record<string, unknown> }[],
): Promise<void> {
  const state = await emulatorAdmin<EmulatorSnapshot>('/state');
  const existing: StoredTrigger[] = state.deployedTriggers.filter((trigger) => trigger.externalUserId === externalUserId);
  const wanted = new Set(triggers.map((trigger) => trigger.componentKey));
  const kept = new Set<string>();
  for (const trigger of existing) {
    if (wanted.has(trigger.componentKey) && !kept.has(trigger.componentKey)) {
      kept.add(trigger.componentKey);
      continue;
    }
    await connectApi(externalUserId, 'DELETE', `/deployed-triggers/${trigger.id}?external_user_id=${encodeURIComponent(externalUserId)}`);
  }
  for (const trigger of triggers) {
    if (kept.has(trigger.componentKey)) continue;
    const response = await connectApi(externalUserId, 'POST', '/triggers/deploy', {
      id: trigger.componentKey,
      external_user_id: externalUserId,
      configured_props: trigger.configuredProps,
      webhook_url: emulatorUrls.webhook,
    });
    if (!response.ok) throw new Error(`Deploying ${trigger.componentKey} failed: HTTP ${response.status}`);
  }
}
