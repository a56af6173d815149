/** Small Fetch-API helpers shared by the emulator's routes. */

/** An error that becomes an HTTP answer with Pipedream's error body `{error, code?, details?}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, details?: Record<string, unknown>) =>
  new HttpError(400, message, 'bad_request', details);
export const unauthorized = (message: string, code = 'unauthorized') => new HttpError(401, message, code);
export const forbidden = (message: string, code = 'forbidden') => new HttpError(403, message, code);
export const notFound = (message: string) => new HttpError(404, message, 'not_found');

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}

export function errorResponse(error: HttpError): Response {
  const body: Record<string, unknown> = { error: error.message };
  if (error.code) body.code = error.code;
  if (error.details) body.details = error.details;
  return json(body, error.status, error.headers);
}

/**
 * Reads a JSON object body. Malformed JSON, a non-object body or a wrong content type are the
 * client's fault (400), never a crash.
 */
export async function readJsonObject(request: Request): Promise<Record<string, unknown>> {
  const text = await request.text();
  if (!text.trim()) return {};
  const type = request.headers.get('content-type') ?? '';
  if (type.includes('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw badRequest('Request body is not valid JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('Request body must be a JSON object');
  }
  return parsed as Record<string, unknown>;
}

/** Field readers that turn wrong types into 400s naming the field. */
export const field = {
  string(body: Record<string, unknown>, name: string): string {
    const value = body[name];
    if (typeof value !== 'string' || value === '') throw badRequest(`${name} is required and must be a non-empty string`);
    return value;
  },
  optionalString(body: Record<string, unknown>, name: string): string | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') throw badRequest(`${name} must be a string`);
    return value;
  },
  optionalInteger(body: Record<string, unknown>, name: string, min: number, max: number): number | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw badRequest(`${name} must be an integer`);
    if (value < min || value > max) throw badRequest(`${name} must be between ${min} and ${max}`);
    return value;
  },
  optionalBoolean(body: Record<string, unknown>, name: string): boolean | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw badRequest(`${name} must be a boolean`);
    return value;
  },
  optionalObject(body: Record<string, unknown>, name: string): Record<string, unknown> | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw badRequest(`${name} must be an object`);
    return value as Record<string, unknown>;
  },
  optionalStringArray(body: Record<string, unknown>, name: string): string[] | undefined {
    const value = body[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
      throw badRequest(`${name} must be an array of strings`);
    }
    return value as string[];
  },
};

/** Query-string readers: booleans as `true`/`false`, arrays repeated, bracketed or comma-separated. */
export const query = {
  boolean(params: URLSearchParams, name: string): boolean | undefined {
    const value = params.get(name);
    if (value === null || value === '') return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    throw badRequest(`${name} must be true or false`);
  },
  list(params: URLSearchParams, name: string): string[] {
    return [...params.getAll(name), ...params.getAll(`${name}[]`)]
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter(Boolean);
  },
  oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[]): T | undefined {
    const value = params.get(name);
    if (value === null || value === '') return undefined;
    if (!allowed.includes(value as T)) throw badRequest(`${name} must be one of ${allowed.join(', ')}`);
    return value as T;
  },
};

/** Random ids in Pipedream's shapes (`ctok_` + 32 hex, `apn_` + 7 alphanumerics, …). */
export function randomHex(length: number): string {
  const bytes = new Uint8Array(Math.ceil(length / 2));
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('').slice(0, length);
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export function randomId(prefix: string, length = 7): string {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  return prefix + Array.from(bytes, (b) => ALPHANUMERIC[b % ALPHANUMERIC.length]).join('');
}
