import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { PdErrorEvent, PdPropsChangeEvent, PdSubmitEvent } from '../../events/index.js';
import { enForms } from '../../i18n/en-forms.js';
import { type StringKey, addEnglishStrings, plural } from '../../i18n/index.js';
import { connectWithEvents } from '../../session/connect-events.js';
import { describeError, errorCode } from '../../session/errors.js';
import type { ConnectSession } from '../../session/session.js';
import { ComboboxController } from '../shared/combobox-controller.js';
import { alertBlock } from './controls/alert.js';
import { appControl } from './controls/app.js';
import { booleanControl, fileRefControl, integerControl, multiSelectControl, readonlyControl, selectControl, storeOption, stringControl } from './controls/basic.js';
import { httpRequestControl } from './controls/http-request.js';
import { jsonControl } from './controls/json.js';
import { listControl } from './controls/list.js';
import { loadMarkdown, markdown } from './controls/markdown.js';
import { objectControl } from './controls/object.js';
import { remoteSelectControl } from './controls/remote-select.js';
import { sqlControl } from './controls/sql.js';
import { describeTimer, timerControl, type TimerValue } from './controls/timer.js';
import type { FieldContext } from './controls/types.js';
import { type FieldError, type FieldKind, FormController, type Option, type PropDef, acceptsFreeText, isMulti, kindOf, selectedOptions, unwrap } from './form-controller.js';

// The forms' English strings travel with the forms, not with every element.
addEnglishStrings(enForms);

/** The texts that differ between a component form's kinds (action, trigger). */
export interface FormTexts {
  submit: StringKey;
  busy: StringKey;
  loadError: StringKey;
  notFound: StringKey;
  note: StringKey;
  invalidSummary: StringKey;
  configInvalid: StringKey;
  missingKey: StringKey;
  loaded: StringKey;
}

/** What to call a prop Pipedream fills in itself when it has no label. */
const NOTE_LABELS: Record<string, StringKey> = {
  '$.service.db': 'form.note.db',
  '$.interface.http': 'form.note.http',
  '$.interface.apphook': 'form.note.apphook',
  '$.interface.timer': 'form.note.timer',
  dir: 'form.note.dir',
  data_store: 'form.note.dataStore',
};

/** Kinds rendered as a group of inputs: a `<fieldset>` with a `<legend>`. */
const GROUP_KINDS = new Set<FieldKind>(['list', 'integer-list', 'object', 'http', 'timer', 'multi-select']);
/** Kinds whose read-only form is a plain value view. */
const VIEW_WHEN_LOCKED = new Set<FieldKind>(['list', 'integer-list', 'object', 'http', 'timer', 'json', 'unknown', 'remote', 'app', 'sql', 'multi-select']);

const safeId = (name: string) => name.replace(/[^A-Za-z0-9_-]/g, (char) => `_${char.charCodeAt(0).toString(16)}`);
export const chevron = html`<svg class="chevron size-4 shrink-0 transition-transform" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z" clip-rule="evenodd" /></svg>`;

/**
 * The shared base of `<pd-action-form>` and `<pd-trigger-form>`: loads a component and renders
 * its configurable props with every control (remote options, accounts, dynamic props), validates
 * on submit and fires the cancelable `pd-submit`. Subclasses do what a valid submit means
 * (`submitValid`) and render its outcome (`renderOutcome`) and anything below the form
 * (`renderAfter`).
 *
 * @csspart alert-info - An `alert` prop of type info (also on the `alert` part).
 * @csspart alert-neutral - An `alert` prop of type neutral.
 * @csspart alert-warning - An `alert` prop of type warning.
 * @csspart alert-error - An `alert` prop of type error.
 * @csspart checkbox - A boolean prop's checkbox.
 * @csspart select - A native select: options, an app prop's accounts, a timer's interval.
 * @csspart textarea - A multi-line text control (JSON, SQL).
 * @csspart json - The JSON editor of an `any` prop or an unknown type.
 * @csspart sql - The SQL editor of a `sql` prop.
 * @csspart object - The key/value rows of an `object` prop.
 * @csspart file-ref - The path or URL input of a file reference.
 * @csspart readonly - A locked field's value shown as text.
 * @csspart app - An `app` prop's account field.
 * @csspart connect-button - Connects a new account from an `app` prop's field.
 * @csspart http-request - The method, URL, headers and body of an `http_request` prop.
 * @csspart timer - The schedule of a timer prop (interval or cron).
 * @csspart remote-select - A remote-options field (its combobox, chips and list).
 * @csspart combobox - The search input of a remote-options field.
 * @csspart chip - A chosen value of a multi-value remote-options field.
 * @csspart popup - The open list of a remote-options field.
 * @csspart option-custom - The typed text offered as a value in that list.
 * @csspart add-button - Adds a row to a list or object prop.
 * @csspart remove-button - Removes a row of a list or object prop.
 */
export abstract class PdComponentFormBase extends PdElement {
  /** The component's key, e.g. `slack-send-message` or `slack-new-message-in-channels`. */
  @property({ attribute: 'component-key', reflect: true }) componentKey?: string;
  /** Saved values as JSON (for plain HTML); the `configuredProps` property takes an object. */
  @property({ attribute: 'configured-props' }) configuredPropsJson?: string;
  /** The dynamic props id of a saved configuration; updated after the props reload. */
  @property({ attribute: 'dynamic-props-id', reflect: true }) dynamicPropsId?: string;
  /** Text of the submit button (default: translated "Run action" or "Deploy trigger"). */
  @property({ attribute: 'submit-label' }) submitLabel?: string;

  /** A submit is being handled (running, deploying): the submit button shows `texts.busy`. */
  @state() protected busy = false;
  @state() private propsError?: string;
  @state() protected announcement = '';
  @state() protected optionalOpen = false;
  @state() private activeRemote?: string;

  protected readonly form = new FormController(this);
  private readonly combo = new ComboboxController<Option>(
    this,
    {
      items: () => this.remoteItems(this.activeProp()),
      // A page that failed stops paging on its own: the list shows the error and Retry.
      hasMore: () => Boolean(this.activeRemoteState()?.hasMore && !this.activeRemoteState()?.error),
      loadingMore: () => Boolean(this.activeRemoteState()?.loadingMore),
      loadMore: () => {
        const prop = this.activeProp();
        if (prop) void this.form.loadMoreRemote(prop);
      },
      select: (item) => this.pickRemote(item),
      commitText: (text) => {
        const prop = this.activeProp();
        if (!prop || !this.form.editable(prop)) return false;
        // Typed exactly as an option reads: that option (its value may differ from its label).
        const exact = this.form.remoteState(prop.name)?.options.find((option) => option.label === text || String(option.value) === text);
        if (exact) this.pickRemote(exact);
        else if (acceptsFreeText(prop)) this.pickRemote({ label: text, value: text, custom: true });
        else return false;
        return true;
      },
      currentIndex: () => {
        const prop = this.activeProp();
        if (!prop || isMulti(prop)) return -1;
        const value = JSON.stringify(unwrap(this.form.values[prop.name]));
        return this.remoteItems(prop).findIndex((option) => JSON.stringify(option.value) === value);
      },
    },
    // Rows and the listbox are sized in CSS (h-9, max-h-64): the window is right on the first render.
    // An arrow key pressed while the options load lands on them once they arrive.
    { debounce: 300, rowHeight: 36, viewport: 256, activateOnArrival: true },
  );
  private pendingError?: PdErrorEvent;
  private lastPhase?: string;
  private reportedLoadError?: string;
  private lastOptionsAnnounced = '';
  /** The gone account announced per `app` field: each disappearance is said once. */
  private announcedGone = new Map<string, string>();

  constructor() {
    super();
    this.form.onDynamicProps = (byUser) => {
      this.dynamicPropsId = this.form.dynamicPropsId;
      if (byUser) this.emit(new PdPropsChangeEvent(this.form.configuredProps(), '', this.form.dynamicPropsId));
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Descriptions show as plain text until the markdown renderer is in: fetch it while the component loads.
    void loadMarkdown();
  }

  /**
   * The current values, as `actions.run` and `triggers.deploy` take them. Setting a new object
   * replaces every value (`{}` clears them); setting the object it was last given does nothing.
   */
  get configuredProps(): Record<string, unknown> {
    return this.form.configuredProps();
  }

  /** The object last assigned to `configuredProps`; `null` until one is, or after the attribute replaced the values. */
  private givenProps: Record<string, unknown> | undefined | null = null;

  set configuredProps(value: Record<string, unknown> | undefined) {
    // Like any Lit property, the same object again is no change: wrappers that set every prop on
    // each render (e.g. @lit/react) must not wipe what the user typed since.
    if (value === this.givenProps) return;
    this.givenProps = value;
    this.propsError = undefined;
    this.form.setValues(value && typeof value === 'object' ? value : {});
    this.openOptionalWithValues();
    this.requestUpdate();
  }

  /** For the form controller: the session, once the config is complete. */
  /** An error as the user reads it, in the form's language (for the form controller). */
  describe(error: unknown): string {
    return describeError(error, this.t);
  }

  get formSession(): ConnectSession | undefined {
    return this.session;
  }

  protected override validateConfig(): string | undefined {
    const shared = super.validateConfig();
    if (shared) return this.t(this.texts.configInvalid, { detail: shared });
    if (!this.componentKey) return this.t(this.texts.configInvalid, { detail: this.t(this.texts.missingKey) });
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
      this.announceOptions(prop);
    } else {
      this.lastOptionsAnnounced = '';
    }
    this.form.syncAccounts();
    this.announceGoneAccounts();
    const phase = this.configError ? 'error' : this.form.phase;
    this.setState('loading', phase === 'loading' || phase === 'idle');
    this.setState('ready', phase === 'ready');
    this.setState('error', phase === 'error' || phase === 'not-found');
    this.setState('invalid', this.form.attempted && this.form.invalidProps().length > 0);
    if (phase !== this.lastPhase) {
      if (phase === 'ready') {
        this.announcement = this.t(this.texts.loaded, { name: this.form.component?.name ?? this.componentKey ?? '' });
        this.openOptionalWithValues();
      }
      if ((phase === 'error' || phase === 'not-found') && this.form.loadError !== this.reportedLoadError) {
        this.reportedLoadError = this.form.loadError;
        this.pendingError = new PdErrorEvent(phase === 'not-found' ? 'not_found' : errorCode(this.form.loadFailure, 'load_failed'), this.form.loadError ?? '', this.form.loadFailure);
      }
      this.lastPhase = phase;
    }
  }

  /** Says when a selected account disappears from its field (disconnected elsewhere on the page). */
  private announceGoneAccounts(): void {
    for (const prop of this.form.props) {
      const gone = this.form.accountGone(prop);
      if (gone && this.announcedGone.get(prop.name) !== gone) this.announcement = this.t('form.app.gone', { account: gone });
      if (gone) this.announcedGone.set(prop.name, gone);
      else this.announcedGone.delete(prop.name);
    }
  }

  /** True while the template is written to the DOM. */
  private committing = false;

  protected override update(changed: PropertyValues): void {
    this.committing = true;
    try {
      super.update(changed);
    } finally {
      this.committing = false;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const error = this.pendingError;
    this.pendingError = undefined;
    if (error) this.emit(error);
  }

  /**
   * Focuses a field once the render that shows it is done. Not from inside the update: focusing
   * a remote-options input activates it, which is a state change of its own.
   */
  protected focusField(prop: PropDef): void {
    const id = this.fieldId(prop);
    this.requestUpdate();
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`)?.focus());
  }

  private readPropsAttribute(): void {
    try {
      const parsed: unknown = JSON.parse(this.configuredPropsJson ?? '');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
      this.propsError = undefined;
      this.givenProps = null;
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
    const typed = this.activeRemote === prop.name ? (this.combo.text?.trim() ?? '') : '';
    const text = typed.toLowerCase();
    const shown = prop.useQuery || !text ? options : options.filter((option) => option.label.toLowerCase().includes(text));
    // What the user typed is a value of its own unless an option already is exactly that.
    const exact = options.some((option) => option.label === typed || String(option.value) === typed);
    if (!typed || exact || !acceptsFreeText(prop) || !this.form.editable(prop)) return shown;
    return [{ label: typed, value: typed, custom: true }, ...shown];
  }

  /** Tells screen readers how many options the open list has, once per change. */
  private announceOptions(prop: PropDef): void {
    const remote = this.form.remoteState(prop.name);
    if (!remote || remote.loading || remote.error) return;
    const count = this.remoteItems(prop).filter((option) => !option.custom).length;
    const message = count ? plural(this.t, this.localeCode, 'form.remote.count', count) : this.combo.text ? this.t('form.remote.noMatch', { query: this.combo.text }) : this.t('form.remote.empty');
    if (message === this.lastOptionsAnnounced) return;
    this.lastOptionsAnnounced = message;
    this.announcement = message;
  }

  private activate(prop: PropDef): void {
    if (this.activeRemote !== prop.name) {
      this.combo.hide();
      this.combo.revert();
      this.activeRemote = prop.name;
    }
    this.form.ensureRemote(prop);
  }

  /**
   * "Load more" pressed (Enter, Space or a click): once the page is in, the input takes focus back
   * with the first new option active, so the arrow keys go on from there. Focus the user moved
   * elsewhere meanwhile stays where it is.
   */
  private async loadMoreFromList(prop: PropDef, button: HTMLElement): Promise<void> {
    if (this.form.remoteState(prop.name)?.loadingMore) return;
    const before = this.remoteItems(prop).length;
    await this.form.loadMoreRemote(prop);
    await this.updateComplete;
    // The button is gone after the last page (or a failure): focus went with it.
    const stayed = button.isConnected ? button.matches(':focus') : !document.activeElement || document.activeElement === document.body;
    if (!stayed || this.activeRemote !== prop.name || !this.combo.open) return;
    this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this.fieldId(prop))}`)?.focus();
    if (this.remoteItems(prop).length > before) this.combo.setActive(before);
  }

  private pickRemote(option: Option | undefined): void {
    const prop = this.activeProp();
    if (!prop) return;
    const ctx = { prop } as FieldContext;
    if (option?.custom) this.announcement = this.t('form.remote.usedText', { value: option.label });
    if (!isMulti(prop)) return this.setValue(prop, option ? storeOption(ctx, option) : undefined);
    if (!option) return this.setValue(prop, undefined);
    const current = selectedOptions(this.form.values[prop.name]);
    const key = JSON.stringify(option.value);
    const next = current.some((item) => JSON.stringify(item.value) === key) ? current.filter((item) => JSON.stringify(item.value) !== key) : [...current, { label: option.label, value: option.value }];
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
    try {
      const outcome = await connectWithEvents({
        host: this,
        session,
        config: this.config,
        app: slug,
        appName: app,
        t: this.t,
        opener,
        announce: (message) => (this.announcement = message),
      });
      if (outcome?.status === 'connected') {
        this.form.setAppState(prop, { connecting: false });
        await this.form.includeAccount(prop, outcome.account);
        this.setValue(prop, { authProvisionId: outcome.account.id });
        this.announcement = this.t('form.app.connected', { account: outcome.account.name || outcome.account.id });
      } else if (outcome?.status === 'error') {
        const message = this.t(`error.${outcome.code}`, { detail: describeError(outcome.cause ?? outcome.message, this.t) });
        this.form.setAppState(prop, { connectError: message });
        this.announcement = message;
      } else if (outcome?.status === 'cancelled') {
        this.announcement = this.t('status.cancelled', { app });
      }
    } catch (error) {
      this.form.setAppState(prop, { connectError: this.t('error.connect_failed', { detail: describeError(error, this.t) }) });
    } finally {
      this.form.setAppState(prop, { connecting: false });
    }
  }

  // ---------------------------------------------------------------- submit

  protected fieldId(prop: PropDef): string {
    return `${this.form.id}-${safeId(prop.name)}`;
  }

  /** The keys of the texts that name what the form does. */
  protected abstract readonly texts: FormTexts;

  /** What a valid, not-cancelled submit does (run the action, deploy the trigger). */
  protected abstract submitValid(configuredProps: Record<string, unknown>, dynamicPropsId: string | undefined): Promise<void>;

  /** The outcome of the last submit, shown under the submit button. */
  protected renderOutcome(): unknown {
    return nothing;
  }

  /** Shown in the card below the form (and below load errors). */
  protected renderAfter(): unknown {
    return nothing;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.form.phase !== 'ready') return;
    this.form.attempted = true;
    const invalid = this.form.invalidProps();
    if (invalid.length) {
      this.announcement = plural(this.t, this.localeCode, 'form.status.invalid', invalid.length);
      const first = invalid[0] as PropDef;
      if (first.optional) this.optionalOpen = true;
      this.focusField(this.form.waitingFor(first) ?? first);
      return;
    }
    const configuredProps = this.form.configuredProps();
    const dynamicPropsId = this.form.dynamicPropsId;
    if (!this.emit(new PdSubmitEvent(configuredProps, dynamicPropsId, this.componentKey ?? ''))) return;
    await this.submitValid(configuredProps, dynamicPropsId);
  }

  // ---------------------------------------------------------------- render

  private labelOf(prop: PropDef): string {
    if (prop.label) return prop.label;
    if (kindOf(prop) === 'app') return this.t('form.app.label', { app: this.form.appState(prop)?.appName ?? prop.app ?? prop.name });
    // Props Pipedream fills in itself rarely have a label; their name ("db", "tmpDir") means little to people.
    const noteLabel = NOTE_LABELS[String(prop.type)];
    return noteLabel ? this.t(noteLabel) : prop.name;
  }

  private renderControl(prop: PropDef, ctx: FieldContext, kind: FieldKind): TemplateResult | typeof nothing {
    if (ctx.locked && VIEW_WHEN_LOCKED.has(kind)) return readonlyControl(ctx);
    switch (kind) {
      case 'string': return stringControl(ctx);
      case 'file': return fileRefControl(ctx);
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
          retry: () => this.form.retryAccounts(prop),
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
          leave: () => {
            if (this.committing) return;
            if (this.activeRemote === prop.name) {
              this.combo.hide();
              this.combo.revert();
            }
            this.form.touch(prop.name);
          },
          retry: () => this.form.retryRemote(prop),
          loadMore: (button) => void this.loadMoreFromList(prop, button),
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
        <span part="label" dir="auto" class="text-sm font-medium">${label}</span>
        ${prop.description ? html`<div part="description" dir="auto" class="pd-markdown text-[0.8125rem] text-pd-muted">${markdown(prop.description)}</div>` : nothing}
        <p part="hint" class="text-[0.8125rem] text-pd-muted">${prop.type === '$.interface.timer' && prop.static
          ? this.t('form.timer.static', { schedule: describeTimer(prop.static as TimerValue, this.t, this.localeCode) })
          : prop.type === 'dir'
            ? this.t('form.dir.note')
            : this.t(this.texts.note)}</p>
      </div>`;
    }
    const waiting = kind === 'remote' ? this.form.waitingFor(prop) : undefined;
    // A field waiting for another says so once (the hint), not also "required".
    const error = waiting ? undefined : this.form.shownError(prop);
    const descId = `${id}-desc`;
    const errId = `${id}-error`;
    const hintId = `${id}-hint`;
    const hint = waiting
      ? this.t('form.waiting', { field: this.labelOf(waiting) })
      : kind === 'unknown'
        ? this.t('form.unknownType', { type: String(prop.type) })
        : kind === 'json'
          ? this.t('form.json.hint')
          : kind === 'file' && !error
            ? this.t('form.file.hint')
            : undefined;
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
      // A field the render itself removes loses focus too: that blur is not the user leaving it.
      touch: () => {
        if (!this.committing) this.form.touch(prop.name);
      },
    };
    const group = GROUP_KINDS.has(kind) && !locked;
    // The spaces sit in text the name is computed from, so it reads "Body (optional)": Chromium
    // leaves a space-only text node beside a template marker out of the name, and flex gaps are
    // no spaces. The label from the API keeps its own direction (`dir=auto`) inside the form's.
    const badges = html`${prop.optional ? html`<span class="ms-1 text-xs font-normal text-pd-muted"> (${this.t('form.optional')})</span>` : nothing}${locked
      ? html`<span class="ms-1"> <span class="inline-block rounded-full bg-pd-muted-bg px-2 py-px text-xs font-normal text-pd-muted">${this.t('form.readOnly')}</span></span>`
      : nothing}`;
    const labelContent = html`<span class="min-w-0 break-words"><span dir="auto">${label}</span>${badges}</span>`;
    const description = prop.description ? html`<div part="description" id=${descId} dir="auto" class="pd-markdown text-[0.8125rem] leading-snug text-pd-muted">${markdown(prop.description)}</div>` : nothing;
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

  /** A field's problem as the summary lists it: a field waiting for another names that one instead of "required". */
  private summaryError(prop: PropDef): FieldError | undefined {
    const waiting = kindOf(prop) === 'remote' ? this.form.waitingFor(prop) : undefined;
    return waiting ? { key: 'form.waiting', params: { field: this.labelOf(waiting) } } : this.form.errorOf(prop);
  }

  private renderErrorSummary() {
    if (!this.form.attempted) return nothing;
    const invalid = this.form.invalidProps();
    if (!invalid.length) return nothing;
    return html`<div part="error-summary" role="alert" class="rounded-pd-sm border border-pd-danger/40 bg-pd-danger-bg px-4 py-3 text-sm">
      <p class="font-semibold text-pd-danger">${this.t(this.texts.invalidSummary)}</p>
      <ul class="mt-1 list-disc ps-5">
        ${invalid.map((prop) => {
          const error = this.summaryError(prop);
          return html`<li>
            <button
              type="button"
              class="pd-link-button text-start"
              dir="auto"
              @click=${() => {
                // A field that waits for another cannot take focus: the one it waits for can.
                const target = this.form.waitingFor(prop) ?? prop;
                if (target.optional) this.optionalOpen = true;
                this.focusField(target);
              }}
            >${this.labelOf(prop)}</button>${error ? html`<span class="text-pd-fg">: ${this.t(error.key, error.params)}</span>` : nothing}
          </li>`;
        })}
      </ul>
    </div>`;
  }


  private renderForm() {
    const component = this.form.component;
    const visible = this.form.visibleProps();
    const required = visible.filter((prop) => !prop.optional);
    const optional = visible.filter((prop) => prop.optional);
    const busy = this.busy;
    return html`<div part="header" class="grid gap-1 border-b border-pd-border px-5 py-4">
        <slot name="header">
          <h2 class="text-base font-semibold" dir="auto">${component?.name ?? this.componentKey}</h2>
          ${component?.description ? html`<div class="pd-markdown text-[0.8125rem] text-pd-muted" dir="auto">${markdown(component.description)}</div>` : nothing}
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
            ${busy ? html`<span class="pd-spinner" aria-hidden="true"></span>${this.t(this.texts.busy)}` : (this.submitLabel ?? this.t(this.texts.submit))}
          </button>
        </div>
        ${this.renderOutcome()}
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
        <p class="text-pd-danger">${phase === 'not-found' ? this.t(this.texts.notFound, { key: this.componentKey ?? '' }) : this.t(this.texts.loadError, { detail: this.form.loadError ?? '' })}</p>
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
      ${this.renderBody()} ${this.renderAfter()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
