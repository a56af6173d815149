import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { PdErrorEvent, PdFieldValueEvent, PdPropsChangeEvent, PdSubmitEvent } from '../../events/index.js';
import { enForms } from '../../i18n/en-forms.js';
import { type StringKey, addEnglishStrings, plural } from '../../i18n/index.js';
import { connectWithEvents, describeConnectOutcome } from '../../session/connect-events.js';
import { describeError, errorCode } from '../../session/errors.js';
import type { ConnectSession } from '../../session/session.js';
import { type ConfigurableProp, isListType, selectedOptions, storeOption, storeOptions, unwrap } from '../../wire/props.js';
import { ComboboxController, matchesText } from '../shared/combobox-controller.js';
// First: the bundle then places the kinds next to their controls, which compresses best.
import { kindOf } from './kinds/registry.js';
import { loadMarkdown, markdown, markdownLoaded } from './controls/markdown.js';
import { readonlyControl } from './controls/readonly.js';
import { acceptsFreeText } from './controls/remote-select.js';
import type { FieldContext } from './controls/types.js';
import { FormController } from './form-controller.js';
import type { FieldError } from './form-values.js';
import type { FormView } from './kinds/types.js';
import type { Option } from './remote-options.js';

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

/** A form's texts under its key prefix (`form.submit`, `trigger.submit`, …); `busy` names what a submit does. */
export function formTexts(prefix: 'form' | 'trigger', busy: StringKey): FormTexts {
  // Typed, so every prefix must have every text.
  const key = (name: 'submit' | 'loadError' | 'notFound' | 'note' | 'invalidSummary' | 'configInvalid' | 'missingKey'): StringKey => `${prefix}.${name}`;
  return {
    submit: key('submit'),
    busy,
    loadError: key('loadError'),
    notFound: key('notFound'),
    note: key('note'),
    invalidSummary: key('invalidSummary'),
    configInvalid: key('configInvalid'),
    missingKey: key('missingKey'),
    loaded: 'form.status.loaded',
  };
}

/** A JSON object attribute (`locked-props`, `hidden-props`) that did not parse: said, not dropped silently. */
class UnreadableJson {
  constructor(readonly detail: string) {}
}

const jsonObjectAttribute = {
  fromAttribute(value: string | null): Record<string, unknown> | UnreadableJson | undefined {
    if (value === null || value.trim() === '') return undefined;
    try {
      const parsed: unknown = JSON.parse(value);
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return new UnreadableJson('expected a JSON object');
      return parsed as Record<string, unknown>;
    } catch (error) {
      return new UnreadableJson(describeError(error));
    }
  },
};

/** `prop-names="channel, text"`: names split at commas or spaces. */
const nameListAttribute = {
  fromAttribute: (value: string | null): string[] | undefined => (value === null ? undefined : value.split(/[\s,]+/).filter(Boolean)),
  toAttribute: (value: string[] | undefined): string | null => (value ? value.join(',') : null),
};

/** The slot a host fills with its own control for one prop. */
export const propSlot = (name: string) => `prop:${name}`;

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
 * @csspart optional - The optional fields: a toggle for each, and the fields added.
 * @csspart optional-toggle - Adds or removes one optional field (`aria-pressed` says which).
 * @csspart custom-field - The group around a control the host put in a `prop:<name>` slot.
 * @csspart add-button - Adds a row to a list or object prop.
 * @csspart remove-button - Removes a row of a list or object prop.
 *
 * @slot header - Replaces the component's name and description above the fields.
 * @slot prop:<name> - The host's own control for the prop `<name>` (e.g. `slot="prop:channel"`),
 *   in place of the built-in one; the form keeps its label, description and errors. The form sets
 *   the element's `value` to the prop's value; the element reports a new value with a bubbling
 *   `pd-field-value` event (`PdFieldValueEvent`), or, for a native input, select or textarea, its
 *   own `input`/`change` events.
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
  /**
   * Only these props show, in this order (`prop-names="channel,text"`): a one-purpose form. Other
   * props keep the values given to them and are still submitted; a required one left out without a
   * value is reported at submit. Named optional props show without being added first.
   */
  @property({ attribute: 'prop-names', converter: nameListAttribute }) propNames?: string[];
  /** Optional props do not show, and cannot be added (their given values are still submitted). */
  @property({ type: Boolean, attribute: 'hide-optional-props' }) hideOptionalProps = false;
  /**
   * Values the user sees but cannot change, by prop name (JSON for the attribute, an object for
   * the property): they show read-only, override `configuredProps` and are always submitted.
   */
  @property({ attribute: 'locked-props', converter: jsonObjectAttribute }) lockedProps?: Record<string, unknown>;
  /**
   * Values submitted without a field, by prop name (JSON for the attribute, an object for the
   * property): the user neither sees nor changes them. They override `configuredProps`.
   */
  @property({ attribute: 'hidden-props', converter: jsonObjectAttribute }) hiddenProps?: Record<string, unknown>;

  /** A submit is being handled (running, deploying): the submit button shows `texts.busy`. */
  @state() protected busy = false;
  @state() private propsError?: string;
  @state() protected announcement = '';
  @state() private presetsError?: string;
  @state() private activeRemote?: string;

  protected readonly form = new FormController(this, () => (markdownLoaded() ? undefined : loadMarkdown()));
  private readonly combo = new ComboboxController<Option>(
    this,
    {
      items: () => this.remoteItems(this.activeProp()),
      // A page that failed stops paging on its own: the list shows the error and Retry. A search
      // whose text is still to be sent pages nothing of the list for the older text.
      hasMore: (): boolean => Boolean(this.activeRemoteState()?.hasMore && !this.activeRemoteState()?.error && !(this.activeProp()?.useQuery && this.combo.lagging)),
      loadingMore: () => Boolean(this.activeRemoteState()?.loadingMore),
      loadMore: () => {
        const prop = this.activeProp();
        if (prop) void this.form.remote.loadMore(prop);
      },
      select: (item) => this.pickRemote(item),
      commitText: (text) => {
        const prop = this.activeProp();
        if (!prop || !this.form.fields.editable(prop)) return false;
        // Typed exactly as an option shown reads: that option (its value may differ from its label).
        const exact = this.remoteItems(prop).find((option) => !option.custom && (option.label === text || String(option.value) === text));
        if (exact) this.pickRemote(exact);
        else if (acceptsFreeText(prop)) this.pickRemote({ label: text, value: text, custom: true });
        else return false;
        return true;
      },
      currentIndex: () => {
        const prop = this.activeProp();
        if (!prop || isListType(prop.type)) return -1;
        const value = JSON.stringify(unwrap(this.form.fields.values[prop.name]));
        return this.remoteItems(prop).findIndex((option) => JSON.stringify(option.value) === value);
      },
      key: (option) => (option.custom ? '' : JSON.stringify(option.value)),
    },
    // Rows and the listbox are sized in CSS (h-9, max-h-64): the window is right on the first render.
    // An arrow key pressed while the options load lands on them once they arrive.
    { rowHeight: 36, viewport: 256, activateOnArrival: true },
  );
  private pendingError?: PdErrorEvent;
  private lastPhase?: string;
  private reportedLoadError?: string;
  private lastOptionsAnnounced = '';
  /** The gone account announced per `app` field: each disappearance is said once. */
  private announcedGone = new Map<string, string>();
  /** The prop names the host has put its own controls in slots for. */
  private customFields = new Set<string>();
  private readonly watchSlots = new MutationObserver(() => this.readCustomFields());

  constructor() {
    super();
    this.addEventListener(PdFieldValueEvent.eventName, (event) => this.fromCustomField(event, (event as PdFieldValueEvent).value));
    for (const type of ['input', 'change']) this.addEventListener(type, (event) => this.fromNativeCustomField(event));
    this.addEventListener('focusout', (event) => {
      const name = this.customFieldOf(event.target);
      if (name !== undefined && !this.contains(event.relatedTarget as Node | null)) this.form.touch(name);
    });
    this.form.onDynamicProps = (byUser) => {
      this.dynamicPropsId = this.form.dynamicPropsId;
      if (byUser) this.emit(new PdPropsChangeEvent(this.form.fields.configuredProps(), '', this.form.dynamicPropsId));
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.readCustomFields();
    this.watchSlots.observe(this, { childList: true, attributes: true, attributeFilter: ['slot'] });
    // Descriptions show as plain text until the markdown renderer is in: fetch it while the component loads.
    void loadMarkdown();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.watchSlots.disconnect();
  }

  /**
   * The current values, as `actions.run` and `triggers.deploy` take them. Setting a new object
   * replaces every value (`{}` clears them); setting the object it was last given does nothing.
   */
  get configuredProps(): Record<string, unknown> {
    return this.form.fields.configuredProps();
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
    this.requestUpdate();
  }

  /**
   * Sets one prop's value as if the user had (for a host's own control in a `prop:<name>` slot).
   * A value the host locked or hid is not changed. Returns true when the value changed.
   */
  setPropValue(name: string, value: unknown): boolean {
    const prop = this.form.fields.props.find((candidate) => candidate.name === name);
    if (!prop || !this.form.fields.editable(prop)) return false;
    const changed = this.form.set(name, value);
    if (changed) this.emit(new PdPropsChangeEvent(this.form.fields.configuredProps(), name, this.form.dynamicPropsId));
    return changed;
  }

  // ---------------------------------------------------------------- the host's own controls

  private readCustomFields(): void {
    const names = new Set<string>();
    for (const child of this.children) {
      const slot = child.getAttribute('slot');
      if (slot?.startsWith('prop:')) names.add(slot.slice(5));
    }
    if ([...names].join('\n') === [...this.customFields].join('\n')) return;
    this.customFields = names;
    this.requestUpdate();
  }

  /** The prop whose slotted control an event target belongs to. */
  private customFieldOf(target: EventTarget | null): string | undefined {
    if (!(target instanceof Element) || !this.contains(target)) return undefined;
    let node: Element | null = target;
    while (node && node.parentElement !== this) node = node.parentElement;
    const slot = node?.getAttribute('slot');
    return slot?.startsWith('prop:') ? slot.slice(5) : undefined;
  }

  private fromCustomField(event: Event, value: unknown): void {
    const name = this.customFieldOf(event.target);
    if (name === undefined) return;
    event.stopPropagation();
    this.setPropValue(name, value);
  }

  /** A native control slotted as it is: its value is the prop's (a number for an integer prop, checked for a boolean). */
  private fromNativeCustomField(event: Event): void {
    const control = event.target;
    const isNative = control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement;
    if (!isNative || control.parentElement !== this || this.customFieldOf(control) === undefined) return;
    const prop = this.form.fields.props.find((candidate) => candidate.name === this.customFieldOf(control));
    if (!prop) return;
    let value: unknown = control.value === '' ? undefined : control.value;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') value = control.checked;
    else if (prop.type === 'integer' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) value = Number(value);
    else if (control instanceof HTMLSelectElement && control.multiple) value = [...control.selectedOptions].map((option) => option.value);
    this.setPropValue(prop.name, value);
  }

  /** Gives each slotted control its prop's value and invalid state (after each render). */
  private writeCustomFields(): void {
    if (!this.customFields.size) return;
    for (const child of this.children) {
      const slot = child.getAttribute('slot');
      if (!slot?.startsWith('prop:')) continue;
      const name = slot.slice(5);
      const prop = this.form.fields.props.find((candidate) => candidate.name === name);
      if (!prop) continue;
      const value = unwrap(this.form.fields.values[name]);
      const error = Boolean(this.form.fields.shownError(prop));
      child.toggleAttribute('data-invalid', error);
      if (error) child.setAttribute('aria-invalid', 'true');
      else child.removeAttribute('aria-invalid');
      if (child instanceof HTMLInputElement && child.type === 'checkbox') child.checked = value === true;
      else if (child instanceof HTMLInputElement || child instanceof HTMLSelectElement || child instanceof HTMLTextAreaElement) {
        const text = value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
        if (child.value !== text) child.value = text;
      } else if (JSON.stringify((child as { value?: unknown }).value) !== JSON.stringify(this.form.fields.values[name])) {
        (child as { value?: unknown }).value = this.form.fields.values[name];
      }
    }
  }

  /** An error as the user reads it, in the form's language (for the form controller). */
  describe(error: unknown): string {
    return describeError(error, this.t);
  }

  /** For the form controller: the session, once the config is complete. */
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
    if (changed.has('lockedProps') || changed.has('hiddenProps')) this.readPresets();
    this.form.fields.shownNames = this.propNames?.length ? this.propNames : undefined;
    this.form.fields.hideOptional = this.hideOptionalProps;
    this.form.sync();
    const prop = this.activeProp();
    if (prop && this.combo.open) {
      const remote = this.form.remote.state(prop.name);
      if (prop.useQuery && remote && this.combo.term !== remote.query) this.form.remote.search(prop, this.combo.term);
      else this.form.remote.ensure(prop);
      this.announceOptions(prop);
    } else {
      this.lastOptionsAnnounced = '';
    }
    this.form.accounts.sync();
    this.announceGoneAccounts();
    const phase = this.configError ? 'error' : this.form.phase;
    this.setState('loading', phase === 'loading' || phase === 'idle');
    this.setState('ready', phase === 'ready');
    this.setState('error', phase === 'error' || phase === 'not-found');
    this.setState('invalid', this.form.fields.attempted && this.form.invalidProps().length > 0);
    if (phase !== this.lastPhase) {
      if (phase === 'ready') this.announcement = this.t(this.texts.loaded, { name: this.form.component?.name ?? this.componentKey ?? '' });
      if ((phase === 'error' || phase === 'not-found') && this.form.loadError !== this.reportedLoadError) {
        this.reportedLoadError = this.form.loadError;
        this.pendingError = new PdErrorEvent(phase === 'not-found' ? 'not_found' : errorCode(this.form.loadFailure, 'load_failed'), this.form.loadError ?? '', this.form.loadFailure);
      }
      this.lastPhase = phase;
    }
  }

  /** Says when a selected account disappears from its field (disconnected elsewhere on the page). */
  private announceGoneAccounts(): void {
    for (const prop of this.form.fields.props) {
      const gone = this.form.accounts.gone(prop);
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
    this.writeCustomFields();
    const error = this.pendingError;
    this.pendingError = undefined;
    if (error) this.emit(error);
  }

  /**
   * Focuses a field once the render that shows it is done. Not from inside the update: focusing
   * a remote-options input activates it, which is a state change of its own.
   */
  protected focusField(prop: ConfigurableProp): void {
    const id = this.fieldId(prop);
    this.requestUpdate();
    void this.updateComplete.then(() => {
      const custom = this.customFields.has(prop.name) ? this.querySelector<HTMLElement>(`:scope > [slot="${CSS.escape(propSlot(prop.name))}"]`) : null;
      (custom ?? this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(id)}`))?.focus();
    });
  }

  private readPropsAttribute(): void {
    try {
      const parsed: unknown = JSON.parse(this.configuredPropsJson ?? '');
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('expected a JSON object');
      this.propsError = undefined;
      this.givenProps = null;
      this.form.setValues(parsed as Record<string, unknown>);
    } catch (error) {
      const detail = describeError(error);
      this.propsError = this.t('form.badProps', { detail });
      this.pendingError = new PdErrorEvent('invalid_configured_props', `configured-props is not valid JSON: ${detail}`, error);
    }
  }

  /** `locked-props` and `hidden-props`: a value that is not a JSON object is said, and no preset applies until it is fixed. */
  private readPresets(): void {
    const problems: string[] = [];
    const read = (attribute: string, value: Record<string, unknown> | UnreadableJson | undefined): Record<string, unknown> => {
      if (value instanceof UnreadableJson) problems.push(`${attribute}: ${value.detail}`);
      else if (value !== undefined && (typeof value !== 'object' || value === null || Array.isArray(value))) problems.push(`${attribute}: expected an object`);
      else return value ?? {};
      return {};
    };
    const locked = read('locked-props', this.lockedProps);
    const hidden = read('hidden-props', this.hiddenProps);
    this.presetsError = problems.length ? this.t('form.badPresets', { detail: problems.join('; ') }) : undefined;
    if (problems.length) this.pendingError = new PdErrorEvent('invalid_configured_props', `Preset props are not valid: ${problems.join('; ')}`);
    this.form.setPresets(locked, hidden);
  }

  // ---------------------------------------------------------------- remote options

  private activeProp(): ConfigurableProp | undefined {
    return this.activeRemote ? this.form.fields.props.find((prop) => prop.name === this.activeRemote) : undefined;
  }

  private activeRemoteState() {
    return this.activeRemote ? this.form.remote.state(this.activeRemote) : undefined;
  }

  private remoteItems(prop: ConfigurableProp | undefined): Option[] {
    if (!prop) return [];
    const state = this.form.remote.state(prop.name);
    const options = (state?.loading && state.previous) || state?.options || [];
    const typed = this.activeRemote === prop.name ? (this.combo.text?.trim() ?? '') : '';
    // A list searched on the server is narrowed here only until its answer for the typed text is in.
    const answered = prop.useQuery && !state?.loading && state?.query === typed;
    const shown = answered || !typed ? options : options.filter((option) => matchesText(typed, option.label));
    // What the user typed is a value of its own unless an option already is exactly that.
    const exact = options.some((option) => option.label === typed || String(option.value) === typed);
    if (!typed || exact || !acceptsFreeText(prop) || !this.form.fields.editable(prop)) return shown;
    return [{ label: typed, value: typed, custom: true }, ...shown];
  }

  /** Tells screen readers how many options the open list has, once per change. */
  private announceOptions(prop: ConfigurableProp): void {
    const remote = this.form.remote.state(prop.name);
    // Once a burst of typing ends (the controller renders then), and for the text typed.
    if (!remote || remote.loading || remote.error || this.combo.typing || (prop.useQuery && this.combo.lagging)) return;
    const count = this.remoteItems(prop).filter((option) => !option.custom).length;
    const message = count ? plural(this.t, this.localeCode, 'form.remote.count', count) : this.combo.text ? this.t('form.remote.noMatch', { query: this.combo.text }) : this.t('form.remote.empty');
    if (message === this.lastOptionsAnnounced) return;
    this.lastOptionsAnnounced = message;
    this.announcement = message;
  }

  private activate(prop: ConfigurableProp): void {
    if (this.activeRemote !== prop.name) {
      this.combo.hide();
      this.combo.revert();
      this.activeRemote = prop.name;
    }
    this.form.remote.ensure(prop);
  }

  /**
   * "Load more" pressed (Enter, Space or a click): once the page is in, the input takes focus back
   * with the first new option active, so the arrow keys go on from there. Focus the user moved
   * elsewhere meanwhile stays where it is.
   */
  private async loadMoreFromList(prop: ConfigurableProp, button: HTMLElement): Promise<void> {
    if (this.form.remote.state(prop.name)?.loadingMore) return;
    const before = this.remoteItems(prop).length;
    await this.form.remote.loadMore(prop);
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
    if (option?.custom) this.announcement = this.t('form.remote.usedText', { value: option.label });
    if (!isListType(prop.type)) return this.setValue(prop, option ? storeOption(prop, option) : undefined);
    if (!option) return this.setValue(prop, undefined);
    const current = selectedOptions(this.form.fields.values[prop.name]);
    const key = JSON.stringify(option.value);
    const next = current.some((item) => JSON.stringify(item.value) === key) ? current.filter((item) => JSON.stringify(item.value) !== key) : [...current, { label: option.label, value: option.value }];
    this.setMulti(prop, next);
  }

  private setMulti(prop: ConfigurableProp, options: Option[]): void {
    this.setValue(prop, options.length ? storeOptions(prop, options) : undefined);
  }

  // ---------------------------------------------------------------- edits

  /** The `input` event being dispatched in the form, seen before the control's own listener. */
  private inputEvent?: Event;
  private readonly seeInput = { handleEvent: (event: Event) => (this.inputEvent = event), capture: true };

  private setValue(prop: ConfigurableProp, value: unknown, draft?: Parameters<FieldContext['set']>[1]): void {
    // Typing in a text field, as opposed to a choice (a checkbox or a select fire `input` too).
    const event = this.inputEvent;
    const typed = Boolean(event?.eventPhase && (event.target as Element).matches('textarea,input:not([type=checkbox],[type=radio])'));
    const changed = this.form.set(prop.name, value, draft, typed);
    if (changed) this.emit(new PdPropsChangeEvent(this.form.fields.configuredProps(), prop.name, this.form.dynamicPropsId));
  }

  private async connectApp(prop: ConfigurableProp, opener: HTMLElement): Promise<void> {
    const session = this.session;
    const slug = prop.app;
    if (!session || !slug) return;
    const app = this.form.accounts.state(prop)?.appName ?? slug;
    this.form.accounts.setMeta(prop, { connecting: true, connectError: undefined });
    try {
      const outcome = await connectWithEvents({
        ...this.connectContext(session),
        app: slug,
        appName: app,
        opener,
        announce: (message) => (this.announcement = message),
      });
      if (!outcome) return;
      if (outcome.status === 'connected') {
        this.form.accounts.setMeta(prop, { connecting: false });
        await this.form.accounts.include(prop, outcome.account);
        this.setValue(prop, { authProvisionId: outcome.account.id });
      }
      const said = describeConnectOutcome(outcome, this.t, { app, fallbackName: outcome.status === 'connected' ? outcome.account.id : app, connectedKey: 'form.app.connected' });
      if (said.error) this.form.accounts.setMeta(prop, { connectError: said.error });
      this.announcement = said.announcement;
    } catch (error) {
      this.form.accounts.setMeta(prop, { connectError: describeConnectOutcome({ status: 'threw', error }, this.t, { app, fallbackName: app }).error });
    } finally {
      this.form.accounts.setMeta(prop, { connecting: false });
    }
  }

  // ---------------------------------------------------------------- submit

  protected fieldId(prop: ConfigurableProp): string {
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

  private checkingApps = false;

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy || this.checkingApps || this.form.phase !== 'ready') return;
    let invalid = this.form.invalidProps();
    // An empty account field is only wrong if its app needs an account: when that is still being
    // looked up (and nothing else is wrong), the submit waits for it.
    if (invalid.length && this.form.accounts.lookingUpApps && invalid.every((prop) => kindOf(prop).name === 'app')) {
      this.checkingApps = true;
      try {
        await this.form.accounts.appsKnown();
      } finally {
        this.checkingApps = false;
      }
      if (this.busy || this.form.phase !== 'ready') return;
      invalid = this.form.invalidProps();
    }
    this.form.fields.attempted = true;
    const unoffered = this.form.fields.missingUnoffered();
    if (invalid.length || unoffered.length) {
      this.announcement = plural(this.t, this.localeCode, 'form.status.invalid', invalid.length + unoffered.length);
      const first = invalid[0];
      if (first) this.focusField(this.form.fields.waitingFor(first) ?? first);
      return;
    }
    const configuredProps = this.form.fields.configuredProps();
    const dynamicPropsId = this.form.dynamicPropsId;
    if (!this.emit(new PdSubmitEvent(configuredProps, dynamicPropsId, this.componentKey ?? ''))) return;
    await this.submitValid(configuredProps, dynamicPropsId);
  }

  // ---------------------------------------------------------------- render

  private labelOf(prop: ConfigurableProp): string {
    // Props Pipedream fills in itself rarely have a label; their name ("db", "tmpDir") means little to people.
    return prop.label || kindOf(prop).label?.(prop, this.view) || prop.name;
  }

  /** What the kinds' controls get from the form beyond their field. */
  private readonly view: FormView = ((form) => ({
    // The language may change between renders: read at each use.
    get t() {
      return form.t;
    },
    get locale() {
      return form.localeCode;
    },
    get providedNote() {
      return form.t(form.texts.note);
    },
    labelOf: (prop) => form.labelOf(prop),
    app: (prop) => {
      const state = form.form.accounts.state(prop);
      return {
        state,
        appName: state?.appName ?? prop.app ?? '',
        connect: (opener) => void form.connectApp(prop, opener),
        retry: () => form.form.accounts.retry(prop),
      };
    },
    remote: (prop) => {
      const waiting = form.form.fields.waitingFor(prop);
      return {
        combo: form.combo,
        active: form.activeRemote === prop.name,
        state: form.form.remote.state(prop.name),
        items: form.remoteItems(prop),
        ...(waiting ? { waitingFor: form.labelOf(waiting) } : {}),
        activate: () => form.activate(prop),
        leave: () => {
          if (form.committing) return;
          if (form.activeRemote === prop.name) {
            form.combo.hide();
            form.combo.revert();
          }
          form.form.touch(prop.name);
        },
        retry: () => form.form.remote.retry(prop),
        loadMore: (button) => void form.loadMoreFromList(prop, button),
        remove: (option) => form.setMulti(prop, selectedOptions(form.form.fields.values[prop.name]).filter((item) => JSON.stringify(item.value) !== JSON.stringify(option.value))),
      };
    },
  }))(this);

  private renderField(prop: ConfigurableProp): TemplateResult {
    const kind = kindOf(prop);
    if (kind.renderBlock) return kind.renderBlock(prop, this.view);
    const id = this.fieldId(prop);
    const label = this.labelOf(prop);
    const waiting = kind.waits ? this.form.fields.waitingFor(prop) : undefined;
    // A field waiting for another says so once (the hint), not also "required".
    const error = waiting ? undefined : this.form.fields.shownError(prop);
    const descId = `${id}-desc`;
    const errId = `${id}-error`;
    const hintId = `${id}-hint`;
    const hint = waiting ? this.t('form.waiting', { field: this.labelOf(waiting) }) : kind.hint?.(prop, this.t, error);
    const describedBy = [prop.description ? descId : '', hint ? hintId : '', error ? errId : ''].filter(Boolean).join(' ');
    const locked = Boolean(prop.readOnly || prop.disabled || this.form.fields.locked(prop));
    const custom = this.customFields.has(prop.name) && !locked;
    const ctx: FieldContext = {
      prop,
      id,
      describedBy,
      invalid: Boolean(error),
      label,
      // A null value shows as none.
      value: this.form.fields.values[prop.name] ?? undefined,
      draft: this.form.fields.drafts.get(prop.name),
      locked,
      t: this.t,
      set: (value, draft) => this.setValue(prop, value, draft),
      // A field the render itself removes loses focus too: that blur is not the user leaving it.
      touch: () => {
        if (!this.committing) this.form.touch(prop.name);
      },
    };
    // The host's own control: the group gives it the field's name and description (IDs do not
    // reach into the page), the form keeps the label, hint and error.
    const control = custom
      ? html`<div part="custom-field" role="group" aria-labelledby=${`${id}-label`} aria-describedby=${describedBy || nothing}><slot name=${propSlot(prop.name)}></slot></div>`
      : locked && !kind.locksItself
        ? readonlyControl(ctx)
        : (kind.render?.(ctx, this.view) ?? nothing);
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
    if (custom) {
      return html`<div part="field" class="field grid min-w-0 gap-1.5" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)}>
        <label part="label" id=${`${id}-label`} class="flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</label>
        ${description} ${control} ${hintBlock} ${errorBlock}
      </div>`;
    }
    if (kind.layout === 'inline') {
      return html`<div part="field" class="field grid gap-1" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)}>
        <div class="flex items-start gap-2.5">
          <span class="mt-0.5 flex">${control}</span>
          <div class="grid min-w-0 gap-0.5">
            <label part="label" for=${id} class="flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</label>
            ${description}
          </div>
        </div>
        ${errorBlock}
      </div>`;
    }
    if (kind.layout === 'group' && !locked) {
      return html`<fieldset part="field" class="field grid min-w-0 gap-1.5" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)} aria-describedby=${describedBy || nothing}>
        <legend part="label" class="mb-1 flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</legend>
        ${description} ${control} ${hintBlock} ${errorBlock}
      </fieldset>`;
    }
    return html`<div part="field" class="field grid min-w-0 gap-1.5" data-type=${prop.type} data-name=${prop.name} ?data-invalid=${Boolean(error)}>
      <label part="label" for=${id} class="flex flex-wrap items-center gap-x-2 text-sm font-medium">${labelContent}</label>
      ${description} ${control} ${hintBlock} ${errorBlock}
    </div>`;
  }

  /** A field's problem as the summary lists it: a field waiting for another names that one instead of "required". */
  private summaryError(prop: ConfigurableProp): FieldError | undefined {
    const waiting = kindOf(prop).waits ? this.form.fields.waitingFor(prop) : undefined;
    return waiting ? { key: 'form.waiting', params: { field: this.labelOf(waiting) } } : this.form.fields.errorOf(prop);
  }

  private renderErrorSummary() {
    if (!this.form.fields.attempted) return nothing;
    const invalid = this.form.invalidProps();
    // Left out by `prop-names` with no value given: nothing to focus, so the summary says what the page must do.
    const unoffered = this.form.fields.missingUnoffered();
    if (!invalid.length && !unoffered.length) return nothing;
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
                this.focusField(this.form.fields.waitingFor(prop) ?? prop);
              }}
            >${this.labelOf(prop)}</button>${error ? html`<span class="text-pd-fg">: ${this.t(error.key, error.params)}</span>` : nothing}
          </li>`;
        })}
        ${unoffered.map((prop) => html`<li><span dir="auto">${this.labelOf(prop)}</span>: ${this.t('form.error.notOffered')}</li>`)}
      </ul>
    </div>`;
  }


  /** Adds or removes an optional field; focus stays on its toggle, a status line says what changed. */
  private toggleOptional(prop: ConfigurableProp): void {
    const label = this.labelOf(prop);
    if (this.form.fields.enabled.has(prop.name)) {
      this.form.disable(prop.name);
      this.announcement = this.t('form.optionalRemoved', { field: label });
    } else {
      this.form.enable(prop.name);
      this.announcement = this.t('form.optionalAdded', { field: label });
    }
    this.emit(new PdPropsChangeEvent(this.form.fields.configuredProps(), prop.name, this.form.dynamicPropsId));
  }

  private renderOptional(optional: ConfigurableProp[]) {
    // Named in `prop-names` or set by the host, a field is not the user's to add or remove.
    const toggles = this.hideOptionalProps ? [] : optional.filter((prop) => !this.form.fields.presets.has(prop.name) && !this.propNames?.includes(prop.name) && !prop.readOnly && !prop.disabled);
    const shown = optional.filter((prop) => this.form.fields.shows(prop));
    if (!toggles.length && !shown.length) return nothing;
    const headingId = `${this.form.id}-optional`;
    return html`<div part="optional" role="group" aria-labelledby=${headingId} class="grid gap-4 rounded-pd-sm border border-pd-border px-3 py-3">
      ${toggles.length
        ? html`<div class="grid gap-2">
            <p id=${headingId} class="text-sm font-medium">${this.t('form.optionalFields', { count: toggles.length })}</p>
            <p class="text-[0.8125rem] text-pd-muted">${this.t('form.optionalHint')}</p>
            <div class="flex flex-wrap gap-2">
              ${repeat(toggles, (prop) => prop.name, (prop) => {
                const on = this.form.fields.enabled.has(prop.name);
                return html`<button type="button" part="optional-toggle" class="pd-toggle-chip" data-name=${prop.name} aria-pressed=${on ? 'true' : 'false'} @click=${() => this.toggleOptional(prop)}>
                  <svg class="size-3.5 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">${on
                    ? svg`<path fill-rule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.58l7.3-7.3a1 1 0 0 1 1.4 0Z" clip-rule="evenodd" />`
                    : svg`<path d="M10 4a1 1 0 0 1 1 1v4h4a1 1 0 1 1 0 2h-4v4a1 1 0 1 1-2 0v-4H5a1 1 0 1 1 0-2h4V5a1 1 0 0 1 1-1Z" />`}</svg>
                  <span dir="auto">${this.labelOf(prop)}</span>
                </button>`;
              })}
            </div>
          </div>`
        : html`<p id=${headingId} class="sr-only">${this.t('form.optionalFields', { count: shown.length })}</p>`}
      ${shown.length ? html`<div class="grid gap-5">${repeat(shown, (prop) => prop.name, (prop) => this.renderField(prop))}</div>` : nothing}
    </div>`;
  }

  private renderForm() {
    const component = this.form.component;
    const visible = this.form.visibleProps();
    const required = visible.filter((prop) => !prop.optional || kindOf(prop).noInput);
    const optional = visible.filter((prop) => prop.optional && !kindOf(prop).noInput);
    const busy = this.busy;
    return html`<div part="header" class="grid gap-1 border-b border-pd-border px-5 py-4">
        <slot name="header">
          <h2 class="text-base font-semibold" dir="auto">${component?.name ?? this.componentKey}</h2>
          ${component?.description ? html`<div class="pd-markdown text-[0.8125rem] text-pd-muted" dir="auto">${markdown(component.description)}</div>` : nothing}
        </slot>
      </div>
      <form part="form" class="grid gap-5 px-5 py-5" novalidate @submit=${this.onSubmit} @input=${this.seeInput}>
        ${this.renderErrorSummary()}
        ${repeat(required, (prop) => prop.name, (prop) => this.renderField(prop))}
        ${this.form.reloadError
          ? html`<p part="field-error" role="alert" class="pd-inline-error">${this.t('form.reloadError', { detail: this.form.reloadError })}
              <button type="button" part="retry-button" class="pd-link-button" @click=${() => void this.form.reload(-1)}>${this.t('form.retry')}</button></p>`
          : nothing}
        ${this.renderOptional(optional)}
        <div class="flex flex-wrap items-center gap-3">
          <button part="submit-button" type="submit" class="pd-primary-button" aria-disabled=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="pd-spinner" aria-hidden="true"></span>${this.t(this.texts.busy)}` : (this.submitLabel ?? this.t(this.texts.submit))}
          </button>
          ${this.form.reloading
            ? // Beside the button, in a row it is taller than: the fields above keep their places.
              html`<p class="flex items-center gap-2 text-sm text-pd-muted"><span class="pd-spinner" aria-hidden="true"></span>${this.t('form.reloading')}</p>`
            : nothing}
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
      ${[this.propsError, this.presetsError].map((problem) => (problem ? html`<p part="error" role="alert" class="m-4 mb-0 rounded-pd-sm bg-pd-danger-bg px-3 py-2 text-sm text-pd-danger">${problem}</p>` : nothing))}
      ${this.renderBody()} ${this.renderAfter()}
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
