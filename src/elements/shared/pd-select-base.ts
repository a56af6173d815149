import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PdElement } from '../../base/pd-element.js';
import { PdChangeEvent, PdErrorEvent } from '../../events/index.js';
import { enSelects } from '../../i18n/en-selects.js';
import { type StringKey, addEnglishStrings, plural } from '../../i18n/index.js';
import { describeError, errorCode } from '../../session/errors.js';
import { InfiniteQueryController } from '../../session/query-controller.js';
import type { ConnectSession } from '../../session/session.js';
import { ComboboxController, matchesText } from './combobox-controller.js';
import { cssProperties } from './css-properties.js';
import { checkPath, spinner } from './icons.js';
import { optionWindow } from './option-window.js';

addEnglishStrings(enSelects);

/** One page of options, whatever the resource. */
export interface ItemPage<T> {
  items: T[];
  nextCursor?: string;
  total?: number;
}

/** The list a select shows for a search term: a cache key and a page fetcher. */
export interface ListQuery<T> {
  queryKey: readonly unknown[];
  fetch: (cursor: string | undefined) => Promise<ItemPage<T>>;
}

/** The texts a select shows, already translated. */
export interface SelectTexts {
  label: string;
  placeholder: string;
  loading: string;
  noMatch: (query: string) => string;
  none: string;
  error: (detail: string) => string;
  results: (count: number) => string;
  required: string;
}

type Phase = 'config' | 'blocked' | 'idle' | 'loading' | 'error' | 'empty' | 'ready';

/**
 * The shared shell of `pd-*` selects: a form-associated APG combobox over a paged, searchable,
 * windowed list from the Connect API. Subclasses say what to list and how an option looks.
 */
export abstract class PdSelectBase<T> extends PdElement {
  static formAssociated = true;

  /** The form field name: the value is submitted with the host `<form>` under this name. */
  @property({ reflect: true }) name = '';
  /** The selected item's id (an app slug, a component key). Setting it shows the item's name and fires no event. */
  @property() value = '';
  /** A value is required: the form will not submit without one. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Disables the select. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Placeholder of the input (default: translated, e.g. "Search apps…"). */
  @property() placeholder?: string;
  /**
   * The label above the field, and the input's accessible name (default: translated, e.g. "App"
   * or "Action"). Content in the `label` slot takes its place.
   */
  @property() label?: string;
  /** Hides the label from view; it stays the input's accessible name. */
  @property({ attribute: 'hide-label', type: Boolean }) hideLabel = false;

  @state() private selectedItem?: T;
  @state() private formDisabled = false;
  @state() private announcement = '';

  protected readonly combo: ComboboxController<T>;
  private readonly query = new InfiniteQueryController<ItemPage<T>, string | undefined>(this);
  private everOpened = false;
  /** The value being looked up, and its lookup: a newer value's aborts it. */
  private lookup?: string;
  private lookupRequest?: AbortController;
  private lastAnnounced = '';
  private defaultValue?: string;
  /** The options last loaded, shown narrowed by the typed text while the answer for a new search is on its way. */
  private lastItems?: T[];

  constructor() {
    super();
    this.combo = new ComboboxController<T>(
      this,
      {
        items: () => this.items,
        // Not while the list shown is narrowed from one for older text: its pages are not what was asked for.
        hasMore: () => Boolean(this.query.result?.hasNextPage) && !this.query.result?.isFetchNextPageError && this.answered(),
        loadingMore: () => Boolean(this.query.result?.isFetchingNextPage),
        loadMore: () => void this.query.fetchNextPage(),
        select: (item) => this.userSelect(item),
        currentIndex: () => (this.value ? this.items.findIndex((item) => this.itemValue(item) === this.value) : -1),
        key: (item) => this.itemValue(item),
      },
      { rowHeight: this.estimatedRowHeight(), activateOnArrival: true },
    );
    this.combo.hasValue = () => Boolean(this.value);
  }

  // ------------------------------------------------------------ subclass API

  protected abstract itemValue(item: T): string;
  protected abstract itemLabel(item: T): string;
  protected abstract renderOption(item: T): TemplateResult;
  /** The item of a value the loaded options lack; `signal` aborts when another value replaces it. */
  protected abstract retrieve(session: ConnectSession, value: string, signal: AbortSignal): Promise<T>;
  /** The list for a search term, or undefined while the select cannot list anything yet. */
  protected abstract listQuery(session: ConnectSession, term: string): ListQuery<T> | undefined;
  protected abstract texts(): SelectTexts;

  /** The texts of a select whose strings share a prefix (`apps.loading`, `apps.noMatch`, …). */
  protected textsUnder(prefix: 'apps' | 'components', label: string, placeholder: string): SelectTexts {
    const key = (name: string) => `${prefix}.${name}` as StringKey;
    return {
      label,
      placeholder,
      loading: this.t(key('loading')),
      noMatch: (query) => this.t(key('noMatch'), { query }),
      none: this.t(key('none')),
      error: (detail) => this.t(key('error'), { detail }),
      results: (count) => plural(this.t, this.localeCode, `${prefix}.results`, count),
      required: this.t(key('required')),
    };
  }
  /** Why the select is unusable for now (e.g. no app chosen), shown under the input. */
  protected blockedHint(): string | undefined {
    return undefined;
  }
  /** The selected item's icon inside the field. */
  protected renderFieldIcon(_item: T | undefined): unknown {
    return nothing;
  }
  protected estimatedRowHeight(): number {
    return 52;
  }

  // ------------------------------------------------------------ public API

  /** The selected item (an App, a Component), once known; undefined without a value. */
  get selected(): T | undefined {
    return this.selectedItem && this.value && this.itemValue(this.selectedItem) === this.value ? this.selectedItem : undefined;
  }

  /** The host form, if any. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  get validity(): ValidityState {
    return this.internals.validity;
  }

  get validationMessage(): string {
    return this.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** Checks validity; when invalid, shows the message and focuses the input. */
  reportValidity(): boolean {
    const valid = this.internals.reportValidity();
    if (!valid) this.input?.focus();
    return valid;
  }

  formResetCallback(): void {
    this.value = this.defaultValue ?? '';
    this.combo.hide();
    this.combo.revert();
  }

  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === 'string') this.value = state;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.defaultValue ??= this.getAttribute('value') ?? '';
  }

  // ------------------------------------------------------------ internals

  private get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  private get items(): T[] {
    const result = this.query.result;
    const pages = result?.data?.pages;
    const items = pages ? pages.flatMap((page) => page.items) : (result && !result.isError && this.lastItems) || [];
    // Until the answer for the typed text is in, the options at hand are narrowed by it at once.
    return pages && !this.combo.lagging ? items : items.filter((item) => matchesText(this.combo.text ?? '', this.itemLabel(item), this.itemValue(item)));
  }

  /** Whether the options shown are the server's answer for the text typed. */
  private answered(): boolean {
    return Boolean(this.query.result?.data) && !this.combo.lagging;
  }

  private userSelect(item: T | undefined): void {
    const value = item === undefined ? '' : this.itemValue(item);
    if (item !== undefined) this.selectedItem = item;
    this.announcement = item === undefined ? this.t('select.cleared') : this.t('select.selected', { name: this.itemLabel(item) });
    if (value === this.value) return;
    this.value = value;
    // The host's change listener may read FormData at once: the form value cannot wait for the render.
    this.internals.setFormValue(value || null, value);
    this.emit(new PdChangeEvent<T>(value, item));
  }

  private retry = (): void => {
    void this.query.refetch();
    this.input?.focus();
  };

  private phase(): Phase {
    if (this.configError) return 'config';
    if (this.blockedHint()) return 'blocked';
    const result = this.query.result;
    if (!result) return 'idle';
    if (result.isError && (!result.data || (result.isFetching && !result.isFetchingNextPage))) return result.isFetching ? 'loading' : 'error';
    if (this.items.length) return 'ready';
    return this.answered() ? 'empty' : 'loading';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.session;
    const blocked = Boolean(this.blockedHint());
    if (this.combo.open) this.everOpened = true;
    if (blocked || this.isDisabled) this.combo.hide();
    // A property changed (another app, filter, session): the options at hand say nothing about the
    // list to come. A new search changes none (the term is the combobox's).
    if (changed.size) this.lastItems = undefined;
    const list = session && !blocked && this.everOpened ? this.listQuery(session, this.combo.term) : undefined;
    this.query.setQuery(
      session,
      list && {
        queryKey: list.queryKey,
        queryFn: ({ pageParam }) => list.fetch(pageParam),
        initialPageParam: undefined,
        getNextPageParam: (last) => last.nextCursor,
      },
    );
    if (this.answered()) this.lastItems = this.items;
    this.resolveSelected(session);
    const phase = this.phase();
    // An arrow key pressed while loading waits for options that are not coming.
    if (phase === 'error' || phase === 'empty') this.combo.cancelPending();
    this.setState('open', this.combo.open);
    this.setState('loading', this.busy(phase) || Boolean(this.query.result?.isFetchingNextPage));
    this.setState('error', phase === 'error' || phase === 'config');
    this.setState('has-value', Boolean(this.value));
    this.setState('disabled', this.isDisabled || blocked);
    this.announce(phase);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.internals.setFormValue(this.value || null, this.value);
    const input = this.input;
    if (this.required && !this.value && !this.isDisabled) this.internals.setValidity({ valueMissing: true }, this.texts().required, input ?? undefined);
    else this.internals.setValidity({});
    const failure = this.query.newError();
    if (failure) this.emit(new PdErrorEvent(errorCode(failure, 'load_failed'), describeError(failure), failure));
    // Opening a list that failed to load loads it again: the keyboard needs no Retry button.
    const opened = this.combo.open && !this.wasOpen;
    this.wasOpen = this.combo.open;
    if (opened && this.phase() === 'error') setTimeout(() => void this.query.refetch());
  }

  private wasOpen = false;

  /** Finds the selected item for the current value: among the loaded options, or from the API. */
  private resolveSelected(session: ConnectSession | undefined): void {
    const value = this.value;
    // A lookup for a value no longer wanted must not land.
    if (this.lookup !== undefined && this.lookup !== value) {
      this.lookupRequest?.abort();
      this.lookup = undefined;
    }
    if (!value || (this.selectedItem && this.itemValue(this.selectedItem) === value)) return;
    const loaded = this.items.find((item) => this.itemValue(item) === value);
    if (loaded) {
      this.selectedItem = loaded;
      return;
    }
    if (!session || this.lookup === value) return;
    this.lookup = value;
    this.lookupRequest?.abort();
    const { signal } = (this.lookupRequest = new AbortController());
    this.retrieve(session, value, signal).then(
      (item) => {
        if (!signal.aborted) this.selectedItem = item;
      },
      () => {
        // An unknown value keeps showing its raw id; the next value gets a fresh lookup.
      },
    ).finally(() => {
      if (!signal.aborted) this.lookup = undefined;
    });
  }

  /** The options shown wait for an answer: the first list, or the one for the text typed. */
  private busy(phase: Phase): boolean {
    return phase === 'loading' || (phase === 'ready' && !this.answered());
  }

  private announce(phase: Phase): void {
    // Counts wait for the answer to the text typed, and for a pause in the typing: one a burst.
    if (!this.combo.open || this.combo.typing || (phase === 'ready' && !this.answered())) return;
    const texts = this.texts();
    const result = this.query.result;
    let message = '';
    if (phase === 'loading') message = texts.loading;
    else if (phase === 'error') message = texts.error(describeError(result?.error, this.t));
    else if (phase === 'empty') message = this.combo.term ? texts.noMatch(this.combo.term) : texts.none;
    else if (phase === 'ready') message = texts.results(result?.data?.pages[0]?.total ?? this.items.length);
    if (message && message !== this.lastAnnounced) {
      this.lastAnnounced = message;
      this.announcement = message;
    }
  }

  private onFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (this.renderRoot.contains(next) || this.contains(next))) return;
    this.combo.hide();
    this.combo.revert();
  };

  private clearClick = (): void => {
    this.combo.clear();
    this.input?.focus();
  };

  // ------------------------------------------------------------ render

  private renderOptionList() {
    const items = this.items;
    const combo = this.combo;
    const total = (this.answered() && this.query.result?.data?.pages[0]?.total) || items.length;
    return optionWindow(
      combo,
      items,
      (item) => this.itemValue(item),
      (item, index, top) => {
        const active = index === combo.active;
        const current = this.itemValue(item) === this.value;
        // Options are reached with the combobox's keys (aria-activedescendant), never focused themselves.
        // eslint-disable-next-line lit-a11y/click-events-have-key-events
        return html`<div
          role="option"
          id=${combo.optionId(index)}
          part="option${active ? ' option-active' : ''}${current ? ' option-selected' : ''}"
          class="absolute inset-x-0 flex cursor-pointer items-center gap-3 px-3 ${active ? 'bg-pd-muted-bg shadow-[inset_3px_0_0_var(--color-pd-accent)] rtl:shadow-[inset_-3px_0_0_var(--color-pd-accent)]' : ''}"
          ${cssProperties({ top })}
          aria-selected=${active ? 'true' : 'false'}
          ?data-active=${active}
          aria-setsize=${Math.max(total, items.length)}
          aria-posinset=${index + 1}
          data-value=${this.itemValue(item)}
          @click=${() => combo.pick(item)}
          @pointermove=${() => {
            if (combo.active !== index) combo.setActive(index);
          }}
        >
          ${this.renderOption(item)}
          <svg class="size-4 shrink-0 text-pd-accent ${current ? '' : 'invisible'}" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">${checkPath}</svg>
        </div>`;
      },
    );
  }

  private renderStatus(phase: Phase) {
    const texts = this.texts();
    const result = this.query.result;
    const row = 'flex items-center gap-2 px-3 py-3 text-pd-muted';
    if (phase === 'loading' || phase === 'idle') return html`<div part="status" class=${row}>${spinner()}<span>${texts.loading}</span></div>`;
    if (phase === 'empty') return html`<div part="empty" class="px-3 py-4 text-center text-pd-muted">${this.combo.term ? texts.noMatch(this.combo.term) : texts.none}</div>`;
    const failed = phase === 'error' || result?.isFetchNextPageError;
    if (failed) {
      const busy = Boolean(result?.isFetching);
      return html`<div part="error" class="flex flex-wrap items-center gap-x-3 gap-y-2 border-t border-pd-border bg-pd-danger-bg px-3 py-2.5 text-[0.8125rem] text-pd-danger first:border-t-0">
        <span class="min-w-0 flex-[1_1_12rem]">${texts.error(describeError(result?.error, this.t))}</span>
        <button
          part="retry-button"
          type="button"
          class="inline-flex min-h-8 shrink-0 items-center gap-1.5 rounded-pd-sm border border-pd-border bg-pd-surface px-3 py-1 font-medium text-pd-fg hover:bg-pd-muted-bg aria-disabled:opacity-60"
          aria-disabled=${busy ? 'true' : 'false'}
          @click=${() => {
            if (!busy) this.retry();
          }}
        >
          ${busy ? spinner() : nothing}${this.t('select.retry')}
        </button>
      </div>`;
    }
    if (result?.isFetchingNextPage) return html`<div part="status" class="${row} border-t border-pd-border py-2 text-[0.8125rem]">${spinner()}<span>${this.t('select.loadingMore')}</span></div>`;
    return nothing;
  }

  protected override render() {
    const phase = this.phase();
    const texts = this.texts();
    const combo = this.combo;
    const selected = this.selected;
    const hint = phase === 'config' ? this.t('select.configInvalid', { detail: this.configError ?? '' }) : this.blockedHint();
    const disabled = this.isDisabled || phase === 'blocked' || phase === 'config';
    const shown = combo.text ?? (selected ? this.itemLabel(selected) : this.value);
    // Names take their own direction (an English name keeps its full stop at its end in Arabic);
    // an empty input keeps the interface's, for its placeholder (Chromium makes an empty "auto" ltr).
    const inputDir = shown ? 'auto' : this.direction;
    const items = this.items;
    const open = combo.open && !disabled;
    // Expanded only while the listbox itself shows: loading, empty and error states are not a list.
    const expanded = open && items.length > 0;
    return html`<div part="base" class="relative min-w-0" dir=${this.direction} lang=${this.localeCode} @focusout=${this.onFocusOut}>
      <label id="label" part="label" for="input" class=${this.hideLabel ? 'sr-only' : 'mb-1.5 block w-fit text-sm font-medium'}
        ><slot name="label">${this.label || texts.label}</slot></label
      >
      <div
        part="field"
        data-popup-anchor
        class="flex min-h-10 items-center gap-2 rounded-pd border border-pd-border bg-pd-surface ps-2.5 pe-1 text-pd-fg shadow-pd transition-colors focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-pd-focus ${disabled ? 'cursor-not-allowed border-dashed border-pd-muted/60 bg-pd-muted-bg text-pd-muted shadow-none' : 'hover:border-pd-muted/60'}"
      >
        ${combo.text === undefined ? this.renderFieldIcon(selected) : nothing}
        <svg class="size-4 shrink-0 text-pd-muted ${combo.text === undefined && selected ? 'hidden' : ''}" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          <path fill-rule="evenodd" d="M9 3.5a5.5 5.5 0 1 0 3.4 9.83l3.13 3.14a.75.75 0 1 0 1.06-1.06l-3.13-3.14A5.5 5.5 0 0 0 9 3.5ZM5 9a4 4 0 1 1 8 0 4 4 0 0 1-8 0Z" clip-rule="evenodd" />
        </svg>
        <input
          id="input"
          part="input"
          role="combobox"
          type="text"
          class="h-9 min-w-0 flex-1 bg-transparent text-ellipsis text-pd-fg outline-none placeholder:text-pd-muted disabled:cursor-not-allowed disabled:text-pd-muted"
          dir=${inputDir}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          .value=${shown}
          placeholder=${this.placeholder ?? texts.placeholder}
          aria-labelledby="label"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="listbox"
          aria-activedescendant=${open ? (combo.activeId() ?? '') : ''}
          aria-required=${this.required ? 'true' : 'false'}
          aria-invalid=${this.required && !this.value && this.everOpened && !open ? 'true' : 'false'}
          aria-describedby=${hint ? 'hint' : nothing}
          ?disabled=${disabled}
          @input=${combo.onInput}
          @keydown=${combo.onKeyDown}
          @click=${() => combo.show()}
        />
        ${this.value && !disabled
          ? html`<button
              part="clear-button"
              type="button"
              tabindex="-1"
              class="grid size-7 shrink-0 place-items-center rounded-pd-sm text-pd-muted hover:bg-pd-muted-bg hover:text-pd-fg"
              aria-label=${this.t('select.clear')}
              @click=${this.clearClick}
            >
              <svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" /></svg>
            </button>`
          : nothing}
        <button
          part="toggle-button"
          type="button"
          tabindex="-1"
          class="grid size-7 shrink-0 place-items-center rounded-pd-sm text-pd-muted hover:bg-pd-muted-bg hover:text-pd-fg disabled:pointer-events-none"
          aria-label=${this.t('select.toggle')}
          aria-controls="listbox"
          aria-expanded=${expanded ? 'true' : 'false'}
          ?disabled=${disabled}
          @click=${() => {
            combo.toggle();
            this.input?.focus();
          }}
        >
          <svg class="size-4 transition-transform ${open ? 'rotate-180' : ''}" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clip-rule="evenodd" /></svg>
        </button>
      </div>
      ${hint ? html`<p part="hint" id="hint" class="mt-1.5 text-[0.8125rem] ${phase === 'config' ? 'text-pd-danger' : 'text-pd-muted'}">${hint}</p>` : nothing}
      <div
        part="popup"
        class="@container absolute inset-x-0 top-full z-50 mt-1.5 overflow-hidden rounded-pd border border-pd-border bg-pd-surface text-pd-fg shadow-[0_10px_30px_-8px_rgb(0_0_0/0.25),0_2px_6px_rgb(0_0_0/0.08)] ${open ? '' : 'hidden'}"
        aria-busy=${this.busy(phase) ? 'true' : 'false'}
      >
        <div
          role="listbox"
          id="listbox"
          part="listbox"
          tabindex="-1"
          aria-labelledby="label"
          class="max-h-80 overflow-y-auto overscroll-contain ${open && items.length ? '' : 'hidden'}"
          @scroll=${combo.onScroll}
          @mousedown=${(event: Event) => event.preventDefault()}
        >
          ${open && items.length ? this.renderOptionList() : nothing}
        </div>
        ${open ? this.renderStatus(phase) : nothing}
      </div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </div>`;
  }
}
