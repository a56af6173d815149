/**
 * Configuration, resolved on every request rather than when a handler is created: a build step
 * (`next build` collecting page data) imports handlers without any secrets, and some hosts
 * (SvelteKit, Workers) hand them over only at request time.
 */

/** A Pipedream project environment. */
export type ProjectEnvironment = 'development' | 'production';

/** The credentials and project every handler needs. */
export interface ConnectionOptions {
  /** OAuth client id (default: `PIPEDREAM_CLIENT_ID`). */
  clientId?: string | undefined;
  /** OAuth client secret (default: `PIPEDREAM_CLIENT_SECRET`). */
  clientSecret?: string | undefined;
  /** Project id `proj_…` (default: `PIPEDREAM_PROJECT_ID`). */
  projectId?: string | undefined;
  /**
   * `development` or `production` (default: `PIPEDREAM_PROJECT_ENVIRONMENT`, else
   * `PIPEDREAM_ENVIRONMENT`, else `production`). Any string is accepted here so values from an
   * environment object fit; anything else answers 500 naming it.
   */
  environment?: ProjectEnvironment | (string & {}) | undefined;
  /** Connect API base URL (default: `PIPEDREAM_BASE_URL`, else Pipedream's); a Connect emulator in tests. */
  baseUrl?: string | undefined;
}

/** Configuration after defaults, ready to build a client from. */
export interface ResolvedConnection {
  clientId: string;
  clientSecret: string;
  projectId: string;
  environment: ProjectEnvironment;
  baseUrl: string | undefined;
}

/** A variable from `process.env` where there is one (Workers and Deno Deploy may have none). */
export function fromEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  const value = env?.[name];
  return value === '' ? undefined : value;
}

const REQUIRED = [
  ['clientId', 'PIPEDREAM_CLIENT_ID'],
  ['clientSecret', 'PIPEDREAM_CLIENT_SECRET'],
  ['projectId', 'PIPEDREAM_PROJECT_ID'],
] as const;

const ENVIRONMENT_VARIABLES = ['PIPEDREAM_PROJECT_ENVIRONMENT', 'PIPEDREAM_ENVIRONMENT'] as const;

/** The connection from the options and the environment, or what is wrong with it. */
export function resolveConnection(options: ConnectionOptions): ResolvedConnection | string[] {
  const problems: string[] = [];
  const values: Record<string, string> = {};
  const missing: string[] = [];
  for (const [option, variable] of REQUIRED) {
    const value = options[option] || fromEnv(variable);
    if (!value) missing.push(`${option} (option or ${variable})`);
    else if (typeof value !== 'string') problems.push(`${option} must be a string`);
    else if (value !== value.trim()) problems.push(`${option} has leading or trailing whitespace`);
    else values[option] = value;
  }
  if (missing.length) problems.unshift(`missing ${missing.join(', ')}`);

  let environment: string | undefined = options.environment || undefined;
  let source = 'the environment option';
  for (const variable of ENVIRONMENT_VARIABLES) {
    if (environment) break;
    environment = fromEnv(variable);
    source = variable;
  }
  environment ??= 'production';
  if (environment !== 'development' && environment !== 'production') {
    problems.push(`${source} must be "development" or "production", not ${JSON.stringify(environment)}`);
  }

  const baseUrl = options.baseUrl || fromEnv('PIPEDREAM_BASE_URL');
  if (baseUrl !== undefined && !isHttpUrl(baseUrl)) {
    problems.push(`${options.baseUrl ? 'baseUrl' : 'PIPEDREAM_BASE_URL'} must be an http(s) URL, not ${JSON.stringify(baseUrl)}`);
  }

  if (problems.length) return problems;
  return {
    clientId: values.clientId as string,
    clientSecret: values.clientSecret as string,
    projectId: values.projectId as string,
    environment: environment as ProjectEnvironment,
    baseUrl,
  };
}

function isHttpUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** An origin such as `https://app.example.com` as the browser sends it, or undefined. */
export function asOrigin(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password && !value.endsWith('?') && !value.endsWith('#');
    return bare && (url.protocol === 'http:' || url.protocol === 'https:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
