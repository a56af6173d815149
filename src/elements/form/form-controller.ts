import type { ReactiveController } from 'lit';
import { componentDefinition, reloadProps } from '../../session/component-calls.js';
import { ApiError } from '../../session/errors.js';
import { onNetworkBack } from '../../session/network-back.js';
import type { ConnectSession } from '../../session/session.js';
import type { ConfigurableProp } from '../../wire/props.js';
import { AccountFields, type AccountFieldsHost } from './account-fields.js';
import { FormValues } from './form-values.js';
import { kindOf } from './kinds/registry.js';
import { RemoteOptions, errorText } from './remote-options.js';

export type Phase = 'idle' | 'loading' | 'error' | 'not-found' | 'ready';

/** A component as the form reads it. */
export interface FormComponent {
  key: string;
  name?: string;
  description?: string;
  configurableProps?: ConfigurableProp[];
  configurable_props?: ConfigurableProp[];
  stash?: unknown;
}

/** The element a form controller serves: its session and component key, and a renderer to update. */
export interface FormHost extends AccountFieldsHost {
  readonly formSession: ConnectSession | undefined;
  readonly componentKey?: string;
}

let uid = 0;

/**
 * The state of one component form (`<pd-action-form>`, `<pd-trigger-form>`): loads the component,
 * reloads its dynamic props, and ties together its values (`fields`), remote options (`remote`)
 * and account fields (`accounts`). The element renders it and forwards user edits.
 *
 * A newer load of the component, or of its props, aborts the one it replaces (the props request
 * itself; the component, which the session shares between elements, is no longer waited for):
 * the older one never reports anything.
 */
export class FormController implements ReactiveController {
  phase: Phase = 'idle';
  loadError?: string;
  /** What made the load fail (for the `pd-error` code). */
  loadFailure?: unknown;
  component?: FormComponent;
  dynamicPropsId?: string;
  /** A props reload is in flight (the fields shown stay as they are until its answer). */
  reloading = false;
  reloadError?: string;
  readonly id = `pdf${++uid}`;

  readonly fields: FormValues;
  readonly remote: RemoteOptions;
  readonly accounts: AccountFields;

  private loadedKey?: string;
  private loadedSession?: ConnectSession;
  /** The component load in flight, and the props reload: a newer one aborts it. */
  private loading?: AbortController;
  private reloadRequest?: AbortController;
  /** A reload that waits for a pause in typing, and the prop it is for. */
  private reloadTimer?: ReturnType<typeof setTimeout>;
  private typedReload = -1;
  private stopNetworkBack?: () => void;

  /**
   * `alongside`: what the form's first render needs besides the component (the markdown
   * renderer), awaited with it: the form shows once, complete, not again as that arrives.
   * Undefined when that is in already.
   */
  constructor(
    private readonly host: FormHost,
    private readonly alongside?: () => Promise<unknown> | undefined,
  ) {
    host.addController(this);
    this.fields = new FormValues(kindOf, (prop) => this.accounts.gone(prop), (prop) => this.accounts.noAuth(prop));
    this.remote = new RemoteOptions(host, this);
    this.accounts = new AccountFields(host, this);
  }

  hostConnected(): void {
    // A component that failed to load loads again when the network may be back.
    this.stopNetworkBack ??= onNetworkBack(() => this.retry());
    // Attached again: catch up on what the account fields, or a reload waiting for typing, left
    // undone while the form was removed.
    this.flushReload();
    this.update();
  }

  hostDisconnected(): void {
    clearTimeout(this.reloadTimer);
    this.stopNetworkBack?.();
    this.stopNetworkBack = undefined;
  }

  private update(): void {
    this.host.requestUpdate();
  }

  /** The session and component the form loaded, for the requests about its fields. */
  source(): { session: ConnectSession; key: string } | undefined {
    const session = this.loadedSession;
    const key = this.loadedKey;
    return session && key ? { session, key } : undefined;
  }

  // ---------------------------------------------------------------- loading

  /** Loads the component when the session or key changed (called before each render). */
  sync(): void {
    const session = this.host.formSession;
    const key = this.host.componentKey;
    if (!session || !key) {
      if (!key) this.phase = 'idle';
      return;
    }
    if (session === this.loadedSession && key === this.loadedKey) return;
    const sameKey = key === this.loadedKey;
    this.loadedSession = session;
    this.loadedKey = key;
    if (!sameKey) {
      this.remote.clear();
      this.accounts.clear();
    }
    void this.load();
  }

  retry(): void {
    if (this.phase === 'error' || this.phase === 'not-found') void this.load();
  }

  private async load(): Promise<void> {
    const source = this.source();
    if (!source) return;
    this.loading?.abort();
    const { signal } = (this.loading = new AbortController());
    this.loadError = undefined;
    this.loadFailure = undefined;
    this.accounts.warm(source.session);
    // Another element has loaded this component, and the markdown renderer is in: the form's
    // first render shows it, with no loading render before.
    const waits = this.alongside?.();
    const loaded = waits ? undefined : (source.session.loadedComponent(source.key) as FormComponent | undefined);
    if (loaded) {
      this.show(loaded);
      this.update();
      return;
    }
    this.phase = 'loading';
    this.update();
    try {
      // Shared with every element asking for it (the session remembers it): a newer load gives up
      // this form's wait, and the request stops only when nobody else waits for it.
      const definition = componentDefinition(source.session, source.key, signal);
      // After the definition's request, so that it goes out first once the token is in.
      this.accounts.guessApp(source.session, source.key);
      const [component] = (await Promise.all([definition, waits])) as unknown as [FormComponent];
      if (signal.aborted) return;
      this.show(component);
    } catch (error) {
      // A load that a newer one replaced says nothing: the newer one answers.
      if (signal.aborted) return;
      this.phase = error instanceof ApiError && error.status === 404 ? 'not-found' : 'error';
      this.loadError = this.host.describe(error);
      this.loadFailure = error;
    }
    this.update();
  }

  /** The component is in: its fields, their defaults, and a reload when saved values ask for one. */
  private show(component: FormComponent): void {
    this.component = component;
    // The SDK hands out camelCase (`configurableProps`); the wire has `configurable_props`.
    this.fields.props = [...(component?.configurableProps ?? component?.configurable_props ?? [])];
    this.phase = 'ready';
    // A saved configuration of a dynamic component: its props depend on the saved values. The
    // definition's props already fit the defaults, so those alone reload nothing.
    const saved = this.hasReloadValue(this.fields.values);
    this.fields.applyDefaults();
    if (this.dynamicPropsId || saved) void this.reload(-1);
  }

  private hasReloadValue(values: Record<string, unknown>): boolean {
    return this.fields.props.some((prop) => prop.reloadProps && values[prop.name] !== undefined);
  }

  // ---------------------------------------------------------------- values

  /** Replaces every value (the `configuredProps` property): nothing the user typed is kept. */
  setValues(values: Record<string, unknown>): void {
    this.fields.replace(values);
    if (this.phase === 'ready') {
      this.fields.applyDefaults();
      if (this.hasReloadValue(this.fields.values)) void this.reload(-1);
    }
    this.update();
  }

  /**
   * A user edit. Returns true when the value changed; a change of a `reloadProps` prop reloads the
   * props: at once for a choice (a checkbox, an option, an account), while `typed` (typing in a
   * text field) once the typing pauses or the field is left, so a word makes one reload, not one a key.
   */
  set(name: string, value: unknown, draft?: Parameters<FormValues['set']>[2], typed = false): boolean {
    const changed = this.fields.set(name, value, draft);
    if (changed) {
      const index = this.fields.props.findIndex((prop) => prop.name === name);
      if (this.fields.props[index]?.reloadProps) {
        clearTimeout(this.reloadTimer);
        this.typedReload = typed ? index : -1;
        if (typed) this.reloadTimer = setTimeout(() => this.flushReload(), 200);
        else void this.reload(index);
      }
    }
    this.update();
    return changed;
  }

  /** Shows an optional field (the user added it); a value it brings back reloads the props when they depend on it. */
  enable(name: string): void {
    const before = JSON.stringify(this.fields.values[name]);
    if (this.fields.enable(name)) this.afterToggle(name, before);
  }

  /** Hides an optional field (the user removed it): its value is no longer submitted. */
  disable(name: string): void {
    const before = JSON.stringify(this.fields.values[name]);
    if (this.fields.disable(name)) this.afterToggle(name, before);
  }

  private afterToggle(name: string, before: string | undefined): void {
    const index = this.fields.props.findIndex((prop) => prop.name === name);
    if (this.fields.props[index]?.reloadProps && before !== JSON.stringify(this.fields.values[name])) void this.reload(index);
    this.update();
  }

  /** The host's preset values changed (`locked-props`, `hidden-props`). */
  setPresets(locked: Record<string, unknown>, hidden: Record<string, unknown>): void {
    const before = JSON.stringify(this.fields.configuredProps());
    this.fields.setPresets(locked, hidden);
    if (this.phase === 'ready' && before !== JSON.stringify(this.fields.configuredProps()) && this.fields.props.some((prop) => prop.reloadProps && this.fields.presets.has(prop.name))) void this.reload(-1);
    this.update();
  }

  /** The user left a field: a reload waiting for the typing to pause goes now. */
  touch(name: string): void {
    this.flushReload();
    if (this.fields.touch(name)) this.update();
  }

  private flushReload(): void {
    const index = this.typedReload;
    if (index < 0) return;
    clearTimeout(this.reloadTimer);
    this.typedReload = -1;
    void this.reload(index);
  }

  /** Props shown, in order. During a reload they stay as they were: no field moves until the answer. */
  visibleProps(): ConfigurableProp[] {
    return this.fields.visibleProps();
  }

  /** Every invalid shown field, in order. */
  invalidProps(): ConfigurableProp[] {
    return this.phase === 'ready' ? this.visibleProps().filter((prop) => this.fields.shows(prop) && this.fields.errorOf(prop)) : [];
  }

  // ---------------------------------------------------------------- dynamic props

  /** Asks the API for the props of the current configuration; values of props that remain are kept. */
  async reload(index: number): Promise<void> {
    const source = this.source();
    if (!source) return;
    clearTimeout(this.reloadTimer);
    this.typedReload = -1;
    this.reloadRequest?.abort();
    const { signal } = (this.reloadRequest = new AbortController());
    this.reloading = true;
    this.reloadError = undefined;
    this.update();
    try {
      const dynamicPropsId = this.dynamicPropsId;
      const answer = await reloadProps(
        source.session,
        { componentKey: source.key, configuredProps: this.fields.configuredProps(), ...(dynamicPropsId ? { dynamicPropsId } : {}) },
        signal,
      );
      if (signal.aborted) return;
      const failure = answer.observations?.find((item) => item.k === 'error')?.err ?? answer.errors?.[0];
      const dynamic = answer.dynamicProps;
      if (failure || !dynamic?.configurableProps) {
        this.reloadError = failure ? errorText(failure) : 'The API answered without props';
      } else {
        const fields = this.fields;
        fields.props = dynamic.configurableProps as ConfigurableProp[];
        this.dynamicPropsId = dynamic.id;
        const names = new Set(fields.props.map((prop) => prop.name));
        for (const name of Object.keys(fields.values)) if (!names.has(name)) delete fields.values[name];
        fields.applyPresets();
        fields.applyDefaults();
        this.onDynamicProps?.(index >= 0);
      }
    } catch (error) {
      if (signal.aborted) return;
      this.reloadError = this.host.describe(error);
    }
    this.reloading = false;
    this.update();
  }

  /** Called after a reload replaced the props (the element reports the new dynamic props id). */
  onDynamicProps?: (byUser: boolean) => void;
}
