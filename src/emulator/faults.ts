import { HttpError } from './http.js';

/**
 * A fault to inject into matching API requests: latency, an error status (429 with
 * `Retry-After`), or a custom (possibly malformed) answer.
 */
export interface FaultRule {
  /** HTTP method to match, or `*` (default). */
  method?: string;
  /** Path to match; `*` matches any run of characters, e.g. `/v1/connect/*accounts*`. */
  path: string;
  /** Answer with this status and Pipedream's error body, instead of the real answer. */
  status?: number;
  /** A custom answer body: objects are sent as JSON, strings as-is (for malformed answers). */
  body?: unknown;
  /** Delay before answering, in milliseconds. */
  latencyMs?: number;
  /** Seconds for the `Retry-After` header (429 gets 1 by default). */
  retryAfter?: number;
  /** How many matching requests this rule applies to; unlimited when absent. */
  times?: number;
  /**
   * Handle the request for real first, then answer with the fault instead: a write that happened
   * although its answer was lost (a gateway's 504, a dropped connection).
   */
  forward?: boolean;
}

/**
 * How `/_static/connect.html` misbehaves: answer normally, show an error, fail with 500, never
 * answer, or connect the account and then lose the success (`error-after-connect` posts an empty
 * `error`, `close-after-connect` posts `close` without `success`), as real pages sometimes do.
 */
export type ConnectPageFault = 'none' | 'error' | 'unavailable' | 'hang' | 'error-after-connect' | 'close-after-connect';

export interface ActiveFault extends FaultRule {
  id: string;
  /** Requests matched so far. */
  hits: number;
}

function pathPattern(path: string): RegExp {
  const escaped = path.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export function validateFaultRule(rule: unknown): FaultRule {
  if (!rule || typeof rule !== 'object' || Array.isArray(rule)) throw new HttpError(400, 'each fault rule must be an object');
  const value = rule as Record<string, unknown>;
  if (typeof value.path !== 'string' || !value.path.startsWith('/')) throw new HttpError(400, 'fault rule path must start with /');
  if (value.status !== undefined && (!Number.isInteger(value.status) || (value.status as number) < 100 || (value.status as number) > 599)) {
    throw new HttpError(400, 'fault rule status must be an HTTP status code');
  }
  for (const name of ['latencyMs', 'retryAfter', 'times'] as const) {
    if (value[name] !== undefined && (typeof value[name] !== 'number' || (value[name] as number) < 0)) {
      throw new HttpError(400, `fault rule ${name} must be a non-negative number`);
    }
  }
  if (value.method !== undefined && typeof value.method !== 'string') throw new HttpError(400, 'fault rule method must be a string');
  if (value.forward !== undefined && typeof value.forward !== 'boolean') throw new HttpError(400, 'fault rule forward must be a boolean');
  return value as unknown as FaultRule;
}

export class Faults {
  rules: ActiveFault[] = [];
  connectPage: ConnectPageFault = 'none';
  private nextId = 1;

  add(rule: FaultRule): ActiveFault {
    const active = { ...rule, id: `fault_${this.nextId++}`, hits: 0 };
    this.rules.push(active);
    return active;
  }

  clear(): void {
    this.rules = [];
    this.connectPage = 'none';
  }

  /** The first rule that applies to this request; counts the hit and retires spent rules. */
  take(method: string, path: string): ActiveFault | undefined {
    const rule = this.rules.find(
      (candidate) =>
        (!candidate.method || candidate.method === '*' || candidate.method.toUpperCase() === method) &&
        pathPattern(candidate.path).test(path),
    );
    if (!rule) return undefined;
    rule.hits++;
    if (rule.times !== undefined && rule.hits >= rule.times) this.rules = this.rules.filter((r) => r !== rule);
    return rule;
  }
}

/** The answer a fault rule gives instead of the real one, or undefined to answer normally. */
export function faultResponse(rule: FaultRule): Response | undefined {
  if (rule.status === undefined && rule.body === undefined) return undefined;
  const status = rule.status ?? 200;
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (status === 429 || rule.retryAfter !== undefined) headers['retry-after'] = String(rule.retryAfter ?? 1);
  let body: string;
  if (typeof rule.body === 'string') body = rule.body;
  else if (rule.body !== undefined) body = JSON.stringify(rule.body);
  else body = JSON.stringify({ error: status === 429 ? 'rate limit exceeded' : `injected fault: HTTP ${status}`, code: status === 429 ? 'rate_limited' : 'injected_fault' });
  return new Response(status === 204 ? null : body, { status, headers });
}
