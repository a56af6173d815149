/** Helpers for browser tests: the emulator's address, unique users, and its admin API. */
export interface TestEnv {
  emulatorUrl: string;
  projectId: string;
}

export const env: TestEnv = await (await fetch('/api/env')).json();

let counter = 0;
/** A fresh external user per test keeps tests independent on the shared emulator. */
export function uniqueUser(prefix = 'user'): string {
  return `${prefix}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}

export async function admin<T = unknown>(path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await fetch(`${env.emulatorUrl}/_emulator${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface SeededAccount { id: string; name: string }

export function seedAccount(externalUserId: string, app: string, extra: Record<string, unknown> = {}): Promise<SeededAccount> {
  return admin<SeededAccount>('/accounts', 'POST', { external_user_id: externalUserId, app, ...extra });
}

/** API requests the emulator saw for this user, optionally on one path. */
export async function requestsFor(externalUserId: string, pathIncludes = ''): Promise<{ method: string; path: string; query: string; status: number }[]> {
  const log = await admin<{ data: { method: string; path: string; query: string; status: number; externalUserId?: string }[] }>(
    `/requests?path=${encodeURIComponent(pathIncludes)}`,
  );
  return log.data.filter((entry) => entry.externalUserId === externalUserId);
}

/** Token requests the host's test token endpoint served for this user. */
/** A fresh token of the test token endpoint, for calls straight to the API. */
export async function tokenFor(user: string): Promise<string> {
  const { token } = (await (await fetch('/api/connect-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ external_user_id: user }),
  })).json()) as { token: string };
  return token;
}

export async function tokenRequestsFor(externalUserId: string): Promise<number> {
  const log = await (await fetch(`/api/token-log?user=${encodeURIComponent(externalUserId)}`)).json() as { count: number };
  return log.count;
}

/** Attributes every element needs to reach the emulator. */
export function connectAttrs(user: string) {
  return { 'external-user-id': user, 'token-endpoint': '/api/connect-token', 'base-url': env.emulatorUrl, 'frontend-host': env.emulatorUrl };
}

export const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

export async function waitFor<T>(check: () => T | undefined | null | false, timeout = 5000, what = 'condition'): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() - started > timeout) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const unhandled: unknown[] = [];
window.addEventListener('unhandledrejection', (event) => unhandled.push(event.reason));

const uncaught: unknown[] = [];
window.addEventListener('error', (event) => uncaught.push(event.error ?? event.message));

/** Exceptions thrown and not caught (in a render, an event handler, a timer) since the last call. */
export function takeUncaughtErrors(): unknown[] {
  return uncaught.splice(0);
}

/** API requests the emulator logged on a path since `since` (ms), any user (faults answer before the user is known). */
export async function requestsSince(since: number, pathIncludes: string, method?: string): Promise<{ method: string; path: string; status: number }[]> {
  const log = await admin<{ data: { ts: number; method: string; path: string; status: number }[] }>(`/requests?path=${encodeURIComponent(pathIncludes)}`);
  return log.data.filter((entry) => entry.ts >= since && (!method || entry.method === method));
}

/** Fails when any promise rejection went unhandled since the last call. */
export function takeUnhandledRejections(): unknown[] {
  return unhandled.splice(0);
}

export async function setTokenMode(user: string, mode: 'ok' | 'slow' | 'status-500' | 'not-json' | 'no-token' | 'expired' | 'hang-up' | 'hang' | 'other-user'): Promise<void> {
  await fetch('/api/token-mode', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, mode }) });
}
