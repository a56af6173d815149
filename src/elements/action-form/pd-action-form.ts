import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { type ActionRunResult, PdErrorEvent, PdPropsChangeEvent, PdRunErrorEvent, PdRunSuccessEvent, PdSubmitEvent } from '../../events/index.js';
import { connectWithEvents } from '../../session/connect-events.js';
import { describeError } from '../../session/errors.js';
import type { ConnectSession } from '../../session/session.js';
import { ComboboxController } from '../shared/combobox-controller.js';
import { alertBlock } from './controls/alert.js';
import { appControl } from './controls/app.js';
import { booleanControl, integerControl, multiSelectControl, readonlyControl, selectControl, storeOption, stringControl } from './controls/basic.js';
import { httpRequestControl } from './controls/http-request.js';
import { jsonControl } from './controls/json.js';
import { listControl } from './controls/list.js';
import { markdown } from './controls/markdown.js';
import { objectControl } from './controls/object.js';
import { remoteSelectControl } from './controls/remote-select.js';
import { sqlControl } from './controls/sql.js';
import { timerControl } from './controls/timer.js';
import type { FieldContext } from './controls/types.js';
import { type FieldKind, FormController, type Option, type PropDef, isMulti, kindOf, selectedOptions, unwrap } from './form-controller.js';
import { styles } from './pd-action-form.styles.js';

/** What a `runCallback` receives: run the action on your server and resolve with its answer. */
export interface RunRequest {
  componentKey: string;
  externalUserId?: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
}

export type RunCallback = (request: RunRequest) => Promise<ActionRunResult>;

/** Kinds rendered as a group of inputs: a `<fieldset>` with a `<legend>`. */
const GROUP_KINDS = new Set<FieldKind>(['list', 'integer-list', 'object', 'http', 'timer', 'multi-select']);
/** Kinds whose read-only form is a plain value view. */
const VIEW_WHEN_LOCKED = new Set<FieldKind>(['list', 'integer-list', 'object', 'http', 'timer', 'json', 'unknown', 'remote', 'app', 'sql', 'multi-select']);

const safeId = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.charCodeAt(0).toString(16)}`);
const chevron = html`<svg class="chevron size-4 shrink-0 transition-transform" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clip-rule="evenodd" /></svg>`;

/**
 * @summary A form for one Pipedream Connect action: every prop type, remote options, dynamic props, validation, and the run with its result.
 *
 * Loads the component given by `component-key` and renders its configurable props in order:
 * text, secrets, numbers, switches, lists, key/value objects, JSON, SQL, HTTP requests, timers,
 * static and remote options (paged, searchable), accounts (pick one or connect a new one inline),
 * alerts, and read-only notes for props Pipedream fills in itself. Optional props sit in an
 * "Optional fields" disclosure. Any prop type without its own editor falls back to a JSON editor,
 * so one odd prop never breaks the form. Submitting validates every field (focusing the first
 * invalid one), fires the cancelable `pd-submit`, then runs the action through the Connect API
 * (or the host's `run-endpoint` / `runCallback`) and shows `$summary`, the returned value, logs
 * and errors.
 *
 * @slot header - Replaces the action's name and description above the fields.
 *
 * @csspart base - The card around everything.
 * @csspart header - The action's name and description.
 * @csspart form - The `<form>`.
 * @csspart field - One prop's field (label, description, control, error).
 * @csspart label - A field's label (or legend).
 * @csspart description - A field's description (sanitized markdown).
 * @csspart control - The input, select, textarea or group of inputs of a field.
 * @csspart input - A text-like input.
 * @csspart field-error - A field's validation or loading error.
 * @csspart hint - A field's hint (waiting for another field, JSON fallback note).
 * @csspart alert - An `alert` prop (also `alert-info`, `alert-neutral`, `alert-warning`, `alert-error`).
 * @csspart note - A prop Pipedream provides itself (database, HTTP interface, data store, directory).
 * @csspart optional - The "Optional fields" disclosure.
 * @csspart error-summary - The list of fields to fix, shown after a failed submit.
 * @csspart submit-button - The run button.
 * @csspart result - The result panel of the last run.
 * @csspart result-summary - The run's `$summary`.
 * @csspart result-value - The returned value (a `<details>` with JSON).
 * @csspart logs - The run's log lines.
 * @csspart run-error - The run's error.
 * @csspart error - A load or configuration error.
 * @csspart retry-button - Retry after a load error.
 * @csspart listbox - The open options list of a remote-options field.
 * @csspart option - One option of that list.
 * @csspart load-more - "Load more" at the end of that list.
 *
 * @cssstate loading - The component is loading.
 * @cssstate ready - The form is shown.
 * @cssstate error - Loading failed, the component does not exist, or the element is misconfigured.
 * @cssstate invalid - A submit was attempted and some fields need fixing.
 * @cssstate running - The action is running.
 * @cssstate result - A run result is shown.
 *
 * @cssprop [--pd-color-background=#ffffff] - Input background.
 * @cssprop [--pd-color-surface=#ffffff] - Card background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Read-only inputs, code and JSON background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Descriptions and hints.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders.
 * @cssprop [--pd-color-accent=#4f46e5] - Run button, links, focus accents.
 * @cssprop [--pd-color-accent-hover=#4338ca] - Run button on hover.
 * @cssprop [--pd-color-on-accent=#ffffff] - Run button text.
 * @cssprop [--pd-color-danger=#b91c1c] - Errors.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Error panels.
 * @cssprop [--pd-color-success=#15803d] - Success heading.
 * @cssprop [--pd-color-success-surface=#f0fdf4] - Success panel.
 * @cssprop [--pd-color-warning=#a16207] - Warning alerts.
 * @cssprop [--pd-color-warning-surface=#fefce8] - Warning alert background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Card corner radius.
 * @cssprop [--pd-radius-small=6px] - Input and button corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Card shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 *
 * @fires {PdPropsChangeEvent} pd-props-change - The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`.
 * @fires {PdSubmitEvent} pd-submit - The user submitted a valid form; cancelable: `preventDefault()` stops the run. `event.configuredProps`, `event.dynamicPropsId`.
 * @fires {PdRunSuccessEvent} pd-run-success - The action ran: `event.result` (`ret`, `exports`, `os`).
 * @fires {PdRunErrorEvent} pd-run-error - The run failed or the action reported an error: `event.message`, `event.result`.
 * @fires {PdErrorEvent} pd-error - The component could not be loaded (`load_failed`, `not_found`) or `configured-props` is not valid JSON (`invalid_configured_props`).
 * @fires {PdConnectStartEvent} pd-connect-start - An account field is about to open the Connect flow; cancelable.
 * @fires {PdConnectSuccessEvent} pd-connect-success - An account was connected from an account field.
 * @fires {PdConnectErrorEvent} pd-connect-error - Connecting from an account field failed or was cancelled.
 * @fires {PdConnectCloseEvent} pd-connect-close - The Connect page closed.
 */
export class PdActionForm extends PdElement {
  static override styles = styles;

  /** The action's key, e.g. `slack-send-message`. */
  @property({ attribute: 'component-key', reflect: true }) componentKey?: string;
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  @property({ attribute: 'configured-props' }) configuredPropsJson?: string;
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  @property({ attribute: 'dynamic-props-id', reflect: true }) dynamicPropsId?: string;
  /** Your server's run endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id}` and answers like `actions.run`. */
  @property({ attribute: 'run-endpoint' }) runEndpoint?: string;
  /** Text of the run button (default: translated "Run action"). */
  @property({ attribute: 'submit-label' }) submitLabel?: string;
  /** Runs the action through your own code instead of the Connect API. */
  @property({ attribute: false }) runCallback?: RunCallback;

  @state() private running = false;
  @state() private result?: ActionRunResult;
  @state() private runError?: string;
  @state() private propsError?: string;
  @state() private announcement = '';
  @state() private optionalOpen = false;
  @state() private activeRemote?: string;

  private readonly form = new FormController(this);
  private readonly combo = new ComboboxController<Option>(
    this,
    {
      items: () => this.remoteItems(this.activeProp()),
      hasMore: () => Boolean(this.activeRemoteState()?.hasMore),
      loadingMore: () => Boolean(this.activeRemoteState()?.loadingMore),
      loadMore: () => {
        const prop = this.activeProp();
        if (prop) this.form.loadMoreRemote(prop);
      },
      select: (item) => this.pickRemote(item),
      currentIndex: () => {
        const prop = this.activeProp();
        if (!prop || isMulti(prop)) return -1;
        const value = JSON.stringify(unwrap(this.form.values[prop.name]));
        return this.remoteItems(prop).findIndex((option) => JSON.stringify(option.value) === value);
      },
    },
    { debounce: 300, rowHeight: 36 },
  );
  private pendingError?: PdErrorEvent;
  private lastPhase?: string;
  private reportedLoadError?: string;
  private pendingFocus?: string;

  constructor() {
    super();
    this.form.onDynamicProps = (byUser) => {
      this.dynamicPropsId = this.form.dynamicPropsId;
      if (byUser) this.emit(new PdPropsChangeEvent(this.form.configuredProps(), '', this.form.dynamicPropsId));
    };
  }

  /** The current values, as `actions.run` takes them. Setting it replaces every value. */
  get configuredProps(): Record<string, unknown> {
    return this.form.configuredProps();
  }

  set configuredProps(value: Record<string, unknown> | undefined) {
    this.propsError = undefined;
    this.form.setValues(value && typeof value === 'object' ? value : {});
    this.openOptionalWithValues();
    this.requestUpdate();
  }

  /** For the form controller: the session, once the config is complete. */
  get formSession(): ConnectSession | undefined {
    return this.session;
  }

  protected override validateConfig(): string | undefined {
    const shared = super.validateConfig();
    if (shared) return this.t('form.configInvalid', { detail: shared });
    if (!this.componentKey) return this.t('form.configInvalid', { detail: this.t('form.missingKey') });
    return undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('configuredPropsJson') && this.configuredPropsJson !== undefined) this.readPropsAttribute();
    if (changed.has('dynamicPropsId') && this.dynamicPropsId !== this.form.dynamicPropsId) this.form.dynamicPropsId = this.dynamicPropsId || undefined;
    this.form.sync();
    const prop = this.activeProp();
    if (prop && this.combo.open) {
      const remote = this.form.remoteState(prop.name);
      if (prop.useQuery && remote && this.combo.term !== remote.query) this.form.searchRemote(prop, this.combo.term);
      else this.form.ensureRemote(prop);
    }
    if (this.form.phase === 'ready') {
      for (const field of this.form.visibleProps()) if (kindOf(field) === 'app' && !this.form.appState(field)) void this.form.loadAccounts(field);
    }
    const phase = this.configError ? 'error' : this.form.phase;
    this.setState('loading', phase === 'loading' || phase === 'idle');
    this.setState('ready', phase === 'ready');
    this.setState('error', phase === 'error' || phase === 'not-found');
    this.setState('invalid', this.form.attempted && this.form.invalidProps().length > 0);
    this.setState('running', this.running);
    this.setState('result', Boolean(this.result || this.runError));
    if (phase !== this.lastPhase) {
      if (phase === 'ready') {
        this.announcement = this.t('form.status.loaded', { name: this.form.component?.name ?? this.componentKey ?? '' });
        this.openOptionalWithValues();
      }
      if ((phase === 'error' || phase === 'not-found') && this.form.loadError !== this.reportedLoadError) {
        this.reportedLoadError = this.form.loadError;
        this.pendingError = new PdErrorEvent(phase === 'not-found' ? 'not_found' : 'load_failed', this.form.loadError ?? '');
      }
      this.lastPhase = phase;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const error = this.pendingError;
    this.pendingError = undefined;
    if (error) this.emit(error);
    const focus = this.pendingFocus;
    this.pendingFocus = undefined;
    if (focus) this.renderRoot.querySelector<HTMLElement>(`#${focus}`)?.focus();
  }

  private readPropsAttribute(): void {
    try {
      const parsed: unknown = JSON.parse(this.configuredPropsJson ?? '');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
      this.propsError = undefined;
      this.form.setValues(parsed as Record<string, unknown>);
      this.openOptionalWithValues();
    } catch (error) {
      const detail = describeError(error);
      this.propsError = this.t('form.badProps', { detail });
      this.pendingError = new PdErrorEvent('invalid_configured_props', `configured-props is not valid JSON: ${detail}`, error);
    }
  }

  private openOptionalWithValues(): void {
    if (this.form.props.some((prop) => prop.optional && this.form.values[prop.name] !== undefined && !prop.hidden)) this.optionalOpen = true;
  }

  // ---------------------------------------------------------------- remote options

  private activeProp(): PropDef | undefined {
    return this.activeRemote ? this.form.props.find((prop) => prop.name === this.activeRemote) : undefined;
  }

  private activeRemoteState() {
    return this.activeRemote ? this.form.remoteState(this.activeRemote) : undefined;
  }

  private remoteItems(prop: PropDef | undefined): Option[] {
    if (!prop) return [];
    const options = this.form.remoteState(prop.name)?.options ?? [];
    const text = this.activeRemote === prop.name ? this.combo.text?.trim().toLowerCase() : undefined;
    if (prop.useQuery || !text) return options;
    return options.filter((option) => option.label.toLowerCase().includes(text));
  }

  private activate(prop: PropDef): void {
    if (this.activeRemote !== prop.name) {
      this.combo.hide();
      this.combo.revert();
      this.activeRemote = prop.name;
    }
    this.form.ensureRemote(prop);
  }

  private pickRemote(option: Option | undefined): void {
    const prop = this.activeProp();
    if (!prop) return;
    const ctx = { prop } as FieldContext;
    if (!isMulti(prop)) return this.setValue(prop, option ? storeOption(ctx, option) : undefined);
    if (!option) return this.setValue(prop, undefined);
    const current = selectedOptions(this.form.values[prop.name]);
    const key = JSON.stringify(option.value);
    const next = current.some((item) => JSON.stringify(item.value) === key) ? current.filter((item) => JSON.stringify(item.value) !== key) : [...current, option];
    this.setMulti(prop, next);
  }

  private setMulti(prop: PropDef, options: Option[]): void {
    if (!options.length) return this.setValue(prop, undefined);
    this.setValue(prop, prop.withLabel ? { __lv: options.map(({ label, value }) => ({ label, value })) } : options.map((option) => option.value));
  }

  // ---------------------------------------------------------------- edits

  private setValue(prop: PropDef, value: unknown, draft?: Parameters<FormController['set']>[2]): void {
    const changed = this.form.set(prop.name, value, draft);
    if (changed) this.emit(new PdPropsChangeEvent(this.form.configuredProps(), prop.name, this.form.dynamicPropsId));
  }

  private async connectApp(prop: PropDef, opener: HTMLElement): Promise<void> {
    const session = this.session;
    const slug = prop.app;
    if (!session || !slug) return;
    const app = this.form.appState(prop)?.appName ?? slug;
    this.form.setAppState(prop, { connecting: true, connectError: undefined });
    const oauthAppId = this.config.oauthAppConfig?.[slug];
    try {
      const outcome = await connectWithEvents({
        host: this,
        session,
        config: this.config,
        app: slug,
        ...(oauthAppId ? { oauthAppId } : {}),
        opener,
        frameTitle: this.t('connect.frameTitle', { app }),
        closeLabel: this.t('connect.closeOverlay'),
        onPhase: (phase) => {
          this.announcement = this.t(phase === 'preparing' ? 'status.preparing' : 'status.connecting', { app });
        },
      });
      if (outcome?.status === 'connected') {
        this.form.setAppState(prop, { connecting: false });
        await this.form.loadAccounts(prop, true);
        this.setValue(prop, { authProvisionId: outcome.account.id });
        this.announcement = this.t('form.app.connected', { account: outcome.account.name || outcome.account.id });
      } else if (outcome?.status === 'error') {
        const message = this.t(`error.${outcome.code}`, { detail: outcome.message });
        this.form.setAppState(prop, { connectError: message });
        this.announcement = message;
      } else if (outcome?.status === 'cancelled') {
        this.announcement = this.t('status.cancelled', { app });
      }
    } catch (error) {
      this.form.setAppState(prop, { connectError: this.t('error.connect_failed', { detail: describeError(error) }) });
    } finally {
      this.form.setAppState(prop, { connecting: false });
    }
  }

  // ---------------------------------------------------------------- submit and run

  private fieldId(prop: PropDef): string {
    return `${this.form.id}-${safeId(prop.name)}`;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.running || this.form.phase !== 'ready') return;
    this.form.attempted = true;
    const invalid = this.form.invalidProps();
    if (invalid.length) {
      this.announcement = this.t('form.status.invalid', { count: invalid.length });
      const first = invalid[0] as PropDef;
      if (first.optional) this.optionalOpen = true;
      this.pendingFocus = this.fieldId(first);
      this.requestUpdate();
      return;
    }
    const configuredProps = this.form.configuredProps();
    const dynamicPropsId = this.form.dynamicPropsId;
    if (!this.emit(new PdSubmitEvent(configuredProps, dynamicPropsId, this.componentKey ?? ''))) return;
    await this.run(configuredProps, dynamicPropsId);
  }

  private async run(configuredProps: Record<string, unknown>, dynamicPropsId: string | undefined): Promise<void> {
    const key = this.componentKey ?? '';
    this.running = true;
    this.result = undefined;
    this.runError = undefined;
    this.announcement = this.t('form.status.running', { name: this.form.component?.name ?? key });
    try {
      let result: ActionRunResult;
      if (this.runCallback) {
        result = await this.runCallback({ componentKey: key, externalUserId: this.config.externalUserId, configuredProps, ...(dynamicPropsId ? { dynamicPropsId } : {}) });
      } else if (this.runEndpoint) {
        const response = await fetch(this.runEndpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ id: key, external_user_id: this.config.externalUserId, configured_props: configuredProps, dynamic_props_id: dynamicPropsId }),
        });
        const body = (await response.json().catch(() => undefined)) as (ActionRunResult & { stash_id?: string; error?: string }) | undefined;
        if (!response.ok) throw new Error(body?.error ?? `The run endpoint answered HTTP ${response.status}`);
        result = { ...body, ...(body?.stash_id !== undefined ? { stashId: body.stash_id } : {}) };
      } else {
        const session = this.session;
        if (!session) throw new Error(this.configError ?? 'No session');
        result = (await session.runAction({ componentKey: key, configuredProps, ...(dynamicPropsId ? { dynamicPropsId } : {}) })) as ActionRunResult;
      }
      this.result = result ?? {};
      const failure = this.result.os?.find((item) => item.k === 'error');
      if (failure) {
        this.runError = [failure.err?.name, failure.err?.message ?? failure.msg].filter(Boolean).join(': ');
        this.announcement = this.t('form.status.failed');
        this.emit(new PdRunErrorEvent(this.runError, this.result));
      } else {
        this.announcement = this.t('form.status.done');
        this.emit(new PdRunSuccessEvent(this.result, configuredProps));
      }
    } catch (error) {
      this.runError = this.t('form.result.runError', { detail: describeError(error) });
      this.announcement = this.runError;
      this.emit(new PdRunErrorEvent(describeError(error), undefined, error));
    } finally {
      this.running = false;
    }
  }

  // ---------------------------------------------------------------- render

  private labelOf(prop: PropDef): string {
    if (prop.label) return prop.label;
    if (kindOf(prop) === 'app') return this.t('form.app.label', { app: this.form.appState(prop)?.appName ?? prop.app ?? prop.name });
    return prop.name;
  }

  private renderControl(prop: PropDef, ctx: FieldContext, kind: FieldKind): TemplateResult | typeof nothing {
    if (ctx.locked && VIEW_WHEN_LOCKED.has(kind)) return readonlyControl(ctx);
    switch (kind) {
      case 'string': return stringControl(ctx);
      case 'integer': return integerControl(ctx);
      case 'boolean': return booleanControl(ctx);
      case 'select': return selectControl(ctx);
      case 'multi-select': return multiSelectControl(ctx);
      case 'list': return listControl(ctx, false);
      case 'integer-list': return listControl(ctx, true);
      case 'object': return objectControl(ctx);
      case 'sql': return sqlControl(ctx);
      case 'http': return httpRequestControl(ctx);
      case 'timer': return timerControl(ctx);
      case 'app':
        return appControl(ctx, {
          state: this.form.appState(prop),
          appName: this.form.appState(prop)?.appName ?? prop.app ?? '',
          connect: (opener) => void this.connectApp(prop, opener),
          retry: () => void this.form.loadAccounts(prop, true),
        });
      case 'remote': {
        const waiting = this.form.waitingFor(prop);
        return remoteSelectControl(ctx, {
          combo: this.combo,
          active: this.activeRemote === prop.name,
          state: this.form.remoteState(prop.name),
          items: this.remoteItems(prop),
          ...(waiting ? { waitingFor: this.labelOf(waiting) } : {}),
          activate: () => this.activate(prop),
          retry: () => this.form.retryRemote(prop),
          loadMore: () => this.form.loadMoreRemote(prop),
          remove: (option) => this.setMulti(prop, selectedOptions(this.form.values[prop.name]).filter((item) => JSON.stringify(item.value) !== JSON.stringify(option.value))),
        });
      }
      default: return jsonControl(ctx);
    }
  }

  private renderField(prop: PropDef): TemplateResult {
    const kind = kindOf(prop);
    if (kind === 'alert') return html`<div class="field">${alertBlock(prop, this.t)}</div>`;
    const id = this.fieldId(prop);
    const label = this.labelOf(prop);
    if (kind === 'note') {
      return html`<div part="field note" class="field grid gap-1 rounded-pd-sm border border-dashed border-pd-border px-3 py-2.5" data-type=${prop.type}>
        <span part="label" class="text-sm font-medium">${label}</span>
        ${prop.description ? html`<div part="description" class="pd-markdown text-[0.8125rem] text-pd-muted">${markdown(prop.description)}</div>` : nothing}
        <p part="hint" class="text-[0.8125rem] text-pd-muted">${this.t('form.note')}</p>
      </div>`;
    }
    const error = this.form.shownError(prop);
    const waiting = kind === 'remote' ? this.form.waitingFor(prop) : undefined;
    const descId = `${id}-desc`;
    const errId = `${id}-error`;
    const hintId = `${id}-hint`;
    const hint = waiting ? this.t('form.waiting', { field: this.labelOf(waiting) }) : kind === 'unknown' ? this.t('form.unknownType', { type: String(prop.type) }) : kind === 'json' ? this.t('form.json.hint') : undefined;
    const describedBy = [prop.description ? descId : '', hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ');
    const locked = Boolean(prop.readOnly || prop.disabled);
    const ctx: FieldContext = {
      prop,
      id,
      describedBy,
      invalid: Boolean(error),
      label,
      value: this.form.values[prop.name] ?? (prop.optional && kind === 'boolean' ? prop.default : undefined),
      draft: this.form.drafts.get(prop.name),
      locked,
      t: this.t,
      set: (value, draft) => this.setValue(prop, value, draft),
      touch: () => this.form.touch(prop.name),
    };
    const group = GROUP_KINDS.has(kind) && !locked;
    const badge = html`${prop.optional ? html`<span class="text-xs font-normal text-pd-muted">(${this.t('form.optional')})</span>` : nothing}${locked
      ? html`<span class="rounded-full bg-pd-muted-bg px-2 py-px text-xs font-normal text-pd-muted">${this.t('form.readOnly')}</span>`
      : nothing}`;
    const labelContent = html`<span class="min-w-0 break-words">${label}</span>${badge}`;
    const description = prop.description ? html`<div part="description" id=${descId} class="pd-markdown text-[0.8125rem] leading-snug text-pd-muted">${markdown(prop.description)}</div>` : nothing;
    const hintBlock = hint ? html`<p part="hint" id=${hintId} class="flex items-center gap-1.5 text-[0.8125rem] ${waiting ? 'text-pd-warning' : 'text-pd-muted'}">${hint}</p>` : nothing;
    const errorBlock = error ? html`<p part="field-error" id=${errId} class="pd-inline-error">${this.t(error.key, error.params)}</p>` : nothing;
    if (kind === 'boolean') {
      return html`<div part="field" class="field grid gap-1" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)}>
        <div class="flex items-start gap-2.5">
          <span class="mt-0.5 flex">${this.renderControl(prop, ctx, kind)}</span>
          <div class="grid min-w-0 gap-0.5">
            <label part="label" for=${id} class="flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</label>
            ${description}
          </div>
        </div>
        ${errorBlock}
      </div>`;
    }
    if (group) {
      return html`<fieldset part="field" class="field grid min-w-0 gap-1.5" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)} aria-describedby=${describedBy || nothing}>
        <legend part="label" class="mb-1 flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</legend>
        ${description} ${this.renderControl(prop, ctx, kind)} ${hintBlock} ${errorBlock}
      </fieldset>`;
    }
    return html`<div part="field" class="field grid min-w-0 gap-1.5" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)}>
      <label part="label" for=${id} class="flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</label>
      ${description} ${this.renderControl(prop, ctx, kind)} ${hintBlock} ${errorBlock}
    </div>`;
  }

  private renderErrorSummary() {
    if (!this.form.attempted) return nothing;
    const invalid = this.form.invalidProps();
    if (!invalid.length) return nothing;
    return html`<div part="error-summary" role="alert" class="rounded-pd-sm border border-pd-danger/40 bg-pd-danger-bg px-4 py-3 text-sm">
      <p class="font-semibold text-pd-danger">${this.t('form.invalidSummary')}</p>
      <ul class="mt-1 list-disc ps-5">
        ${invalid.map((prop) => {
          const error = this.form.errorOf(prop);
          return html`<li>
            <button
              type="button"
              class="pd-link-button text-start"
              @click=${() => {
                if (prop.optional) this.optionalOpen = true;
                this.pendingFocus = this.fieldId(prop);
                this.requestUpdate();
              }}
            >${this.labelOf(prop)}</button>${error ? html`<span class="text-pd-fg">: ${this.t(error.key, error.params)}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  private renderResult() {
    if (this.running) {
      return html`<div part="result" class="flex items-center gap-2 rounded-pd-sm border border-pd-border px-4 py-3 text-sm text-pd-muted" aria-busy="true">
        <span class="pd-spinner" aria-hidden="true"></span>${this.t('form.running')}
      </div>`;
    }
    if (!this.result && !this.runError) return nothing;
    const result = this.result;
    const failed = Boolean(this.runError);
    const summary = result?.exports?.$summary;
    const otherExports = Object.fromEntries(Object.entries(result?.exports ?? {}).filter(([key]) => key !== '$summary'));
    const logs = (result?.os ?? []).filter((item) => item.k !== 'error');
    const json = (value: unknown) => JSON.stringify(value, null, 2) ?? 'null';
    return html`<section part="result" aria-labelledby="result-title" class="grid gap-3 rounded-pd border ${failed ? 'border-pd-danger/40' : 'border-pd-success/40'} p-4">
      <h3 id="result-title" class="flex items-center gap-2 text-sm font-semibold ${failed ? 'text-pd-danger' : 'text-pd-success'}">
        <svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          ${failed
            ? svg`<path fill-rule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clip-rule="evenodd" />`
            : svg`<path fill-rule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z" clip-rule="evenodd" />`}
        </svg>
        ${failed ? this.t('form.result.failed') : this.t('form.result.success')}
      </h3>
      ${this.runError ? html`<p part="run-error" class="rounded-pd-sm bg-pd-danger-bg px-3 py-2 font-mono text-[0.8125rem] break-words whitespace-pre-wrap text-pd-danger">${this.runError}</p>` : nothing}
      ${summary !== undefined ? html`<p part="result-summary" class="text-sm break-words">${typeof summary === 'string' ? summary : json(summary)}</p>` : nothing}
      ${result && 'ret' in result
        ? html`<details part="result-value" class="group grid gap-2" open>
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.value')}</summary>
            <pre class="pd-json mt-2" tabindex="0" aria-label=${this.t('form.result.value')}>${json(result.ret)}</pre>
          </details>`
        : nothing}
      ${Object.keys(otherExports).length
        ? html`<details part="result-exports" class="grid gap-2">
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.exports')}</summary>
            <pre class="pd-json mt-2" tabindex="0" aria-label=${this.t('form.result.exports')}>${json(otherExports)}</pre>
          </details>`
        : nothing}
      ${logs.length
        ? html`<details part="logs" class="grid gap-2" open>
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.logs')} (${logs.length})</summary>
            <ol class="pd-json mt-2 grid gap-0.5 whitespace-pre-wrap">
              ${logs.map((item) => html`<li>${item.msg ?? json(item)}</li>`)}
            </ol>
          </details>`
        : nothing}
    </section>`;
  }

  private renderForm() {
    const component = this.form.component;
    const visible = this.form.visibleProps();
    const required = visible.filter((prop) => !prop.optional);
    const optional = visible.filter((prop) => prop.optional);
    const busy = this.running;
    return html`<div part="header" class="grid gap-1 border-b border-pd-border px-5 py-4">
        <slot name="header">
          <h2 class="text-base font-semibold">${component?.name ?? this.componentKey}</h2>
          ${component?.description ? html`<div class="pd-markdown text-[0.8125rem] text-pd-muted">${markdown(component.description)}</div>` : nothing}
        </slot>
      </div>
      <form part="form" class="grid gap-5 px-5 py-5" novalidate @submit=${this.onSubmit}>
        ${this.renderErrorSummary()}
        ${repeat(required, (prop) => prop.name, (prop) => this.renderField(prop))}
        ${this.form.reloading
          ? html`<p class="flex items-center gap-2 text-sm text-pd-muted"><span class="pd-spinner" aria-hidden="true"></span>${this.t('form.reloading')}</p>`
          : nothing}
        ${this.form.reloadError
          ? html`<p part="field-error" role="alert" class="pd-inline-error">${this.t('form.reloadError', { detail: this.form.reloadError })}
              <button type="button" part="retry-button" class="pd-link-button" @click=${() => void this.form.reload(-1)}>${this.t('form.retry')}</button></p>`
          : nothing}
        ${optional.length
          ? html`<details
              part="optional"
              class="rounded-pd-sm border border-pd-border"
              ?open=${this.optionalOpen}
              @toggle=${(event: Event) => {
                this.optionalOpen = (event.target as HTMLDetailsElement).open;
              }}
            >
              <summary class="flex cursor-pointer items-center gap-2 rounded-pd-sm px-3 py-2.5 text-sm font-medium hover:bg-pd-muted-bg focus-visible:outline-2 focus-visible:outline-pd-focus">
                ${chevron}${this.t('form.optionalFields', { count: optional.filter((prop) => kindOf(prop) !== 'alert').length })}
              </summary>
              <div class="grid gap-5 border-t border-pd-border px-3 py-4">
                <p class="text-[0.8125rem] text-pd-muted">${this.t('form.optionalHint')}</p>
                ${repeat(optional, (prop) => prop.name, (prop) => this.renderField(prop))}
              </div>
            </details>`
          : nothing}
        <div class="flex flex-wrap items-center gap-3">
          <button part="submit-button" type="submit" class="pd-primary-button" aria-disabled=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="pd-spinner" aria-hidden="true"></span>${this.t('form.running')}` : (this.submitLabel ?? this.t('form.submit'))}
          </button>
        </div>
        ${this.renderResult()}
      </form>`;
  }

  private renderBody() {
    if (this.configError) return html`<p part="error" role="alert" class="px-5 py-4 text-sm text-pd-danger">${this.configError}</p>`;
    const phase = this.form.phase;
    if (phase === 'loading' || phase === 'idle') {
      return html`<div class="grid gap-5 px-5 py-5" aria-hidden="true">
          ${[0, 1, 2].map(
            () => html`<div class="shimmer grid gap-2"><div class="h-3.5 w-32 rounded bg-pd-muted-bg"></div><div class="h-9 rounded-pd-sm bg-pd-muted-bg"></div></div>`,
          )}
        </div>
        <p class="sr-only">${this.t('form.loading')}</p>`;
    }
    if (phase === 'error' || phase === 'not-found') {
      return html`<div part="error" role="alert" class="grid justify-items-start gap-3 px-5 py-5 text-sm">
        <p class="text-pd-danger">${phase === 'not-found' ? this.t('form.notFound', { key: this.componentKey ?? '' }) : this.t('form.loadError', { detail: this.form.loadError ?? '' })}</p>
        <button type="button" part="retry-button" class="pd-secondary-button" @click=${() => this.form.retry()}>${this.t('form.retry')}</button>
      </div>`;
    }
    return this.renderForm();
  }

  protected override render() {
    const phase = this.configError ? 'error' : this.form.phase;
    return html`<div
      part="base"
      class="@container overflow-visible rounded-pd border border-pd-border bg-pd-surface font-pd text-pd-fg shadow-pd"
      dir=${this.direction}
      lang=${this.localeCode}
      aria-busy=${phase === 'loading' || phase === 'idle' ? 'true' : 'false'}
    >
      ${this.propsError ? html`<p part="error" role="alert" class="m-4 mb-0 rounded-pd-sm bg-pd-danger-bg px-3 py-2 text-sm text-pd-danger">${this.propsError}</p>` : nothing}
      ${this.renderBody()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}

PdActionForm.define('pd-action-form');

declare global {
  interface HTMLElementTagNameMap {
    'pd-action-form': PdActionForm;
  }
}
