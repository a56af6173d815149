import { PipedreamClient } from '@pipedream/sdk/server';
import { createFrontendClient } from '@pipedream/sdk/browser';
import { type RunningEmulator, startEmulator, type StartEmulatorOptions } from '../../src/emulator/index.node.js';

/** A running emulator plus helpers to talk to it as a host server and as a browser would. */
export async function emulatorFixture(options: StartEmulatorOptions = {}) {
  const running: RunningEmulator = await startEmulator({ port: 0, ...options });
  const { emulator, url } = running;

  const server = (environment: 'development' | 'production' = 'development') =>
    new PipedreamClient({
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      projectId: emulator.projectId,
      projectEnvironment: environment,
      baseUrl: url,
    });

  /** An OAuth access token for raw HTTP calls. */
  const accessToken = async () => {
    const response = await fetch(`${url}/v1/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: emulator.clientId, client_secret: emulator.clientSecret }),
    });
    return ((await response.json()) as { access_token: string }).access_token;
  };

  /** A Connect token minted through the server API, exactly as a host's token endpoint does. */
  const connectToken = async (externalUserId: string, extra: Record<string, unknown> = {}) => {
    const response = await fetch(`${url}/v1/connect/${emulator.projectId}/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await accessToken()}`, 'x-pd-environment': 'development' },
      body: JSON.stringify({ external_user_id: externalUserId, ...extra }),
    });
    if (!response.ok) throw new Error(`token request failed: ${response.status} ${await response.text()}`);
    return (await response.json()) as { token: string; expires_at: string; connect_link_url: string };
  };

  const frontend = (externalUserId: string) =>
    createFrontendClient({
      externalUserId,
      baseUrl: url,
      tokenCallback: async () => {
        const token = await connectToken(externalUserId);
        return { token: token.token, expiresAt: new Date(token.expires_at), connectLinkUrl: token.connect_link_url };
      },
    });

  /** A raw call with a bearer token; returns status, headers and parsed body. */
  const call = async (method: string, path: string, options: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.rawBody !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${url}${path}`, {
      method,
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await response.text();
    let body: unknown = text;
    try { body = text ? JSON.parse(text) : null; } catch { /* keep text */ }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON answers
    return { status: response.status, headers: response.headers, body: body as Record<string, any> };
  };

  return { running, emulator, url, server, accessToken, connectToken, frontend, call, close: () => running.close() };
}

export type EmulatorFixture = Awaited<ReturnType<typeof emulatorFixture>>;
