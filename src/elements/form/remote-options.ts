import { configureProp } from '../../session/component-calls.js';
import type { ConnectSession } from '../../session/session.js';
import { type ConfigurableProp, type LabelValue, toOption } from '../../wire/props.js';
import type { FormValues } from './form-values.js';

/** An option of a list: one from the API, or the text the user typed, offered as a value of its own. */
export interface Option extends LabelValue {
  /** The text the user typed, offered as a value of its own (not one of the loaded options). */
  custom?: boolean;
}

/** Remote options of one prop: what was loaded for which inputs, and how paging stands. */
export interface RemoteState {
  /** The inputs the options were loaded for (props before this one, dynamic props id, query). */
  signature: string;
  query: string;
  options: Option[];
  /** While a new search loads: the options of the one before, to narrow by the typed text meanwhile. */
  previous?: Option[];
  page: number;
  context?: Record<string, unknown>;
  hasMore: boolean;
  loading: boolean;
  loadingMore: boolean;
  error?: string;
}

/** The element that shows the options: it renders again when they change, and words their errors. */
export interface RemoteOptionsHost {
  requestUpdate(): void;
  /** An error as the user reads it. */
  describe(error: unknown): string;
}

/** What remote options need of their form. */
export interface RemoteOptionsForm {
  readonly fields: FormValues;
  readonly dynamicPropsId?: string;
  /** The session and component key the options are for, once the form has them. */
  source(): { session: ConnectSession; key: string } | undefined;
}

/**
 * The remote options of a form's fields (`configureProp`): loaded for the values before each
 * field, searched, paged, known to be stale when those values change, retried after a failure.
 * A newer fetch of a field's options aborts the one it replaces.
 */
export class RemoteOptions {
  private readonly states = new Map<string, RemoteState>();
  /** Each field's fetch in flight: a newer one aborts it. */
  private readonly fetches = new Map<string, AbortController>();

  constructor(
    private readonly host: RemoteOptionsHost,
    private readonly form: RemoteOptionsForm,
  ) {}

  /** Forgets every list (another component): fetches in flight are aborted. */
  clear(): void {
    for (const fetch of this.fetches.values()) fetch.abort();
    this.fetches.clear();
    this.states.clear();
  }

  state(name: string): RemoteState | undefined {
    return this.states.get(name);
  }

  /** What a field's options depend on: the props before it, the dynamic props id, the search. */
  private inputs(prop: ConfigurableProp, query: string) {
    const { props } = this.form.fields;
    const index = props.indexOf(prop);
    const before: Record<string, unknown> = {};
    const configured = this.form.fields.configuredProps();
    for (const earlier of props.slice(0, Math.max(0, index))) {
      if (configured[earlier.name] !== undefined) before[earlier.name] = configured[earlier.name];
    }
    const signature = JSON.stringify([before, this.form.dynamicPropsId ?? null, prop.useQuery ? query : null]);
    return { before, signature };
  }

  /** Loads the first page for the current inputs unless it is loaded (or loading, or failed) for them already. */
  ensure(prop: ConfigurableProp): void {
    if (this.form.fields.waitingFor(prop)) return;
    const current = this.states.get(prop.name);
    const query = current?.query ?? '';
    if (current && current.signature === this.inputs(prop, query).signature) return;
    void this.fetch(prop, query, false);
  }

  /** Whether a loaded option list no longer matches the inputs (props before it changed). */
  stale(prop: ConfigurableProp): boolean {
    const current = this.states.get(prop.name);
    return Boolean(current && current.signature !== this.inputs(prop, current.query).signature);
  }

  retry(prop: ConfigurableProp): void {
    const current = this.states.get(prop.name);
    void this.fetch(prop, current?.query ?? '', Boolean(current?.options.length && current.error && current.page > 0));
  }

  /** Fetches the next page of options; resolves once it is in (or failed), at once when there is none to fetch. */
  loadMore(prop: ConfigurableProp): Promise<void> {
    const current = this.states.get(prop.name);
    if (!current || !current.hasMore || current.loading || current.loadingMore) return Promise.resolve();
    return this.fetch(prop, current.query, true);
  }

  search(prop: ConfigurableProp, query: string): void {
    const current = this.states.get(prop.name);
    if (current && current.query === query && !this.stale(prop)) return;
    void this.fetch(prop, query, false);
  }

  private async fetch(prop: ConfigurableProp, query: string, more: boolean): Promise<void> {
    const source = this.form.source();
    if (!source) return;
    const { before, signature } = this.inputs(prop, query);
    const previous = this.states.get(prop.name);
    const keep = more && previous?.signature === signature;
    // Another search of the same list (only the query differs): its options stay at hand until the answer.
    const searched = previous && !keep && this.inputs(prop, previous.query).signature === previous.signature ? (previous.loading ? previous.previous : previous.options) : undefined;
    const state: RemoteState = keep
      ? { ...previous, loadingMore: true, error: undefined }
      : { signature, query, options: [], ...(searched ? { previous: searched } : {}), page: 0, hasMore: false, loading: true, loadingMore: false };
    this.states.set(prop.name, state);
    this.fetches.get(prop.name)?.abort();
    const fetch = new AbortController();
    this.fetches.set(prop.name, fetch);
    const { signal } = fetch;
    this.host.requestUpdate();
    const page = keep ? state.page + 1 : 0;
    try {
      const dynamicPropsId = this.form.dynamicPropsId;
      const answer = await configureProp(
        source.session,
        {
          componentKey: source.key,
          propName: prop.name,
          configuredProps: before,
          ...(dynamicPropsId ? { dynamicPropsId } : {}),
          page,
          ...(keep && state.context ? { prevContext: state.context } : {}),
          ...(prop.useQuery ? { query } : {}),
        },
        signal,
      );
      if (signal.aborted) return;
      const failure = answer.errors?.[0];
      const incoming = [...(answer.options ?? []), ...(answer.stringOptions ?? [])].map(toOption);
      const seen = new Set(state.options.map((option) => JSON.stringify(option.value)));
      const fresh = incoming.filter((option) => !seen.has(JSON.stringify(option.value)));
      this.states.set(prop.name, {
        ...state,
        previous: undefined,
        options: [...state.options, ...fresh],
        page,
        ...(answer.context ? { context: answer.context } : {}),
        hasMore: fresh.length > 0 && Boolean(answer.context),
        loading: false,
        loadingMore: false,
        error: failure ? errorText(failure) : undefined,
      });
    } catch (error) {
      // A fetch that a newer one replaced says nothing: the newer one answers.
      if (signal.aborted) return;
      this.states.set(prop.name, { ...state, loading: false, loadingMore: false, error: this.host.describe(error) });
    }
    this.host.requestUpdate();
  }
}

/** A readable message from an API error item: a JSON string `{name, message}`, an object, or text. */
export function errorText(failure: unknown): string {
  if (typeof failure === 'string') {
    try {
      const parsed = JSON.parse(failure) as { name?: string; message?: string };
      if (parsed && typeof parsed === 'object' && parsed.message) return parsed.message;
    } catch {
      // plain text
    }
    return failure;
  }
  if (failure && typeof failure === 'object') {
    const record = failure as { name?: string; message?: string };
    return record.message ?? record.name ?? JSON.stringify(failure);
  }
  return String(failure);
}
