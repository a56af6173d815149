import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { AnchoredPopupController } from './anchored-popup.js';

/** What the controller needs from its host, read on every key press and render. */
export interface ComboboxSource<T> {
  /** The options loaded so far, in order. */
  items(): readonly T[];
  /** Whether another page can be fetched. */
  hasMore(): boolean;
  /** Whether the next page is being fetched. */
  loadingMore(): boolean;
  /** Fetches the next page (called as the end of the list nears). */
  loadMore(): void;
  /** The user picked an item (Enter, click), or cleared the value (`undefined`). */
  select(item: T | undefined): void;
  /** The current value's index among `items()`, or -1. */
  currentIndex(): number;
  /**
   * Enter was pressed with text typed and no option active: take the text itself as the value
   * (for fields that accept values outside the list). Returns whether it was taken.
   */
  commitText?(text: string): boolean;
  /**
   * An item's identity: when the list changes under the active option (a search answer replacing
   * the options filtered while it was pending), the same item stays active, or none.
   */
  key?(item: T): string;
}

export interface ComboboxOptions {
  /**
   * Quiet time in ms that ends a burst of typing. The first key press after a pause searches at
   * once; the ones that follow within this time make one more search, with the final text.
   */
  debounce?: number;
  /** Estimated option height in px, until one is measured. */
  rowHeight?: number;
  /** Estimated height of the listbox's viewport in px (its max-height), until it is measured. */
  viewport?: number;
  /** Options rendered beyond each edge of the visible window. */
  overscan?: number;
  /** Fetch the next page when the last rendered option is this close to the end. */
  prefetch?: number;
  /**
   * ArrowDown (ArrowUp) pressed while no option has loaded yet activates the first (last) option
   * once they arrive, as it would have had they been there.
   */
  activateOnArrival?: boolean;
}

export { matchesText } from './match-text.js';

/** The first and one-past-last index of the options to render. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The WAI-ARIA APG "combobox with listbox popup" behaviour (editable, list autocomplete), shared
 * by every `pd-*` select: open state, the active option (`aria-activedescendant`), keyboard
 * handling, the search term (the first key press searches at once, the rest of a burst once more),
 * and windowed rendering of long lists (only the options in view, plus a few, are in the DOM; the
 * active option is always scrolled into the window), with the next page fetched as the end of the
 * list nears. Row and viewport sizes are measured by a
 * ResizeObserver, so a render never has to schedule another one from inside its update.
 */
export class ComboboxController<T> implements ReactiveController {
  open = false;
  /** Index of the active (highlighted) option, or -1. */
  active = -1;
  /** The text the user typed, or undefined while the input shows the selected item's name. */
  text?: string;
  /** The search text the host queries with: the typed text, trimmed, less the end of a burst still coming. */
  term = '';
  rowHeight: number;
  private viewport: number;
  private observed?: HTMLElement;
  private resizeObserver?: ResizeObserver;
  private scrollTop = 0;
  private scrollPending = false;
  /** Runs while a burst of typing goes on. */
  private timer?: ReturnType<typeof setTimeout>;
  /** The active option's key, to find it again when the list changes under it. */
  private activeKey?: string;
  private readonly debounce: number;
  private readonly overscan: number;
  private readonly prefetch: number;
  private readonly activateOnArrival: boolean;
  /** The option an arrow key asked for before any had loaded. */
  private pending?: 'first' | 'last';

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ComboboxSource<T>,
    options: ComboboxOptions = {},
  ) {
    this.debounce = options.debounce ?? 150;
    this.rowHeight = options.rowHeight ?? 52;
    this.viewport = options.viewport ?? 320;
    this.overscan = options.overscan ?? 6;
    this.prefetch = options.prefetch ?? 12;
    this.activateOnArrival = options.activateOnArrival ?? false;
    // The listbox's popup (its parent) shows in the top layer while open, hung from its field;
    // shown before this controller scrolls the list (a hidden popover's list keeps no scroll).
    new AnchoredPopupController(host, { popup: () => this.listbox()?.parentElement, open: () => this.open });
    host.addController(this);
  }

  hostDisconnected(): void {
    this.stopBurst();
    this.open = false;
    this.pending = undefined;
    this.resizeObserver?.disconnect();
    this.observed = undefined;
  }

  /**
   * Before each render: activate the option an arrow key asked for once options are here, and
   * fetch the next page when the window about to be rendered nears the end.
   */
  hostUpdate(): void {
    if (this.pending && this.open) {
      const count = this.source.items().length;
      if (count) this.setActive(this.pending === 'first' ? 0 : count - 1);
    }
    const { key } = this.source;
    const items = this.source.items();
    const item = items[this.active];
    if (key && this.active >= 0 && (item === undefined || key(item) !== this.activeKey)) this.active = items.findIndex((other) => key(other) === this.activeKey);
    this.maybeLoadMore();
  }

  /** Whether the typed text is ahead of `term` (the end of a burst is still to be searched). */
  get lagging(): boolean {
    return (this.text ?? '').trim() !== this.term;
  }

  /** Whether the user is typing (within a burst): result counts wait, and are said once it ends. */
  get typing(): boolean {
    return this.timer !== undefined;
  }

  hostUpdated(): void {
    const listbox = this.open ? this.listbox() : null;
    if (listbox !== (this.observed ?? null)) this.observe(listbox);
    if (!listbox) return;
    if (this.scrollPending) {
      this.scrollPending = false;
      if (Math.abs(listbox.scrollTop - this.scrollTop) > 1) listbox.scrollTop = this.scrollTop;
      this.scrollTop = listbox.scrollTop;
    }
  }

  /** Watches the open listbox's size; its first report measures the real row and viewport heights. */
  private observe(listbox: HTMLElement | null): void {
    if (this.observed) this.resizeObserver?.unobserve(this.observed);
    this.observed = listbox ?? undefined;
    if (!listbox || typeof ResizeObserver === 'undefined') return;
    this.resizeObserver ??= new ResizeObserver(() => this.measure());
    this.resizeObserver.observe(listbox);
  }

  /** Runs outside the host's update (a ResizeObserver callback): a changed size re-renders the window. */
  private measure(): void {
    const listbox = this.observed;
    if (!listbox?.isConnected) return;
    const measured = listbox.querySelector<HTMLElement>('[role="option"]')?.offsetHeight ?? 0;
    // The window spans the list's maximum height (a short list is rendered whole anyway), or its
    // own height when it scrolls: a popup held to the room beside its field shows fewer rows.
    const maxHeight = Number.parseFloat(getComputedStyle(listbox).maxHeight);
    const scrolls = listbox.scrollHeight > listbox.clientHeight + 1;
    const viewport = scrolls ? listbox.clientHeight : Math.max(listbox.clientHeight, Number.isFinite(maxHeight) ? maxHeight : 0);
    let changed = false;
    if (measured > 0 && Math.abs(measured - this.rowHeight) > 0.5) {
      this.rowHeight = measured;
      changed = true;
    }
    if (viewport > 0 && Math.abs(viewport - this.viewport) > 0.5) {
      this.viewport = viewport;
      changed = true;
    }
    if (changed) this.host.requestUpdate();
  }

  /** The listbox element in the host's shadow root. */
  listbox(): HTMLElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector<HTMLElement>('[role="listbox"]');
  }

  /** The window of options in view, plus `overscan` on each side. */
  range(count: number): WindowRange {
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const visible = Math.ceil(this.viewport / this.rowHeight);
    return { start: Math.max(0, Math.min(count, first - this.overscan)), end: Math.min(count, first + visible + this.overscan) };
  }

  /**
   * The indices of the options to render: the window, plus the active option wherever it is
   * (`aria-activedescendant` must point at an option in the DOM, even after a scroll away from it).
   */
  indices(count: number): number[] {
    const { start, end } = this.range(count);
    const indices = Array.from({ length: Math.max(0, end - start) }, (_, offset) => start + offset);
    if (this.active >= 0 && this.active < count && (this.active < start || this.active >= end)) {
      indices[this.active < start ? 'unshift' : 'push'](this.active);
    }
    return indices;
  }

  optionId(index: number): string {
    return `option-${index}`;
  }

  /** The id for `aria-activedescendant`, when the active option is rendered. */
  activeId(): string | undefined {
    return this.open && this.active >= 0 && this.active < this.source.items().length ? this.optionId(this.active) : undefined;
  }

  show(): void {
    if (this.open) return;
    this.open = true;
    this.scrollTop = 0;
    const current = this.source.currentIndex();
    this.setActive(this.text === undefined && current >= 0 ? current : -1);
    this.host.requestUpdate();
  }

  hide(): void {
    this.pending = undefined;
    if (!this.open) return;
    this.open = false;
    this.active = -1;
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Forgets the typed text: the input shows the selected item again, and the search resets. */
  revert(): void {
    this.stopBurst();
    if (this.text === undefined && this.term === '') return;
    this.text = undefined;
    this.term = '';
    this.host.requestUpdate();
  }

  /** Forgets an arrow key's wait for options (e.g. the list failed to load). */
  cancelPending(): void {
    this.pending = undefined;
  }

  setActive(index: number): void {
    this.pending = undefined;
    this.active = index;
    const item = this.source.items()[index];
    this.activeKey = item === undefined ? undefined : this.source.key?.(item);
    if (index >= 0) this.scrollIntoView(index);
    this.host.requestUpdate();
  }

  private scrollIntoView(index: number): void {
    const top = index * this.rowHeight;
    const bottom = top + this.rowHeight;
    if (top < this.scrollTop) this.scrollTop = top;
    else if (bottom > this.scrollTop + this.viewport) this.scrollTop = bottom - this.viewport;
    else return;
    this.scrollPending = true;
  }

  private maybeLoadMore(): void {
    if (!this.open || !this.source.hasMore() || this.source.loadingMore()) return;
    const count = this.source.items().length;
    const near = count - this.prefetch;
    if (this.range(count).end >= near || this.active >= near) this.source.loadMore();
  }

  // ---------------------------------------------------------------- events

  onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
    this.pending = undefined;
    this.scrollTop = 0;
    this.scrollPending = true;
    // Leading edge: the first key press after a pause searches now. Within a burst only the
    // final text is searched, once typing pauses, so fast typing makes two requests, not one a key.
    if (this.timer === undefined) this.term = this.text.trim();
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.term = (this.text ?? '').trim();
      this.host.requestUpdate();
    }, this.debounce);
    this.host.requestUpdate();
  };

  private stopBurst(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  onScroll = (event: Event): void => {
    const top = (event.target as HTMLElement).scrollTop;
    if (top === this.scrollTop) return;
    this.scrollTop = top;
    this.host.requestUpdate();
  };

  onKeyDown = (event: KeyboardEvent): void => {
    const count = this.source.items().length;
    const last = count - 1;
    const page = Math.max(1, Math.floor(this.viewport / this.rowHeight) - 1);
    const move = (index: number) => {
      event.preventDefault();
      if (count) this.setActive(Math.max(0, Math.min(last, index)));
    };
    // Nothing to move to yet: remember where the key asked to go.
    const whenLoaded = (where: 'first' | 'last') => {
      if (this.activateOnArrival && !count) this.pending = where;
    };
    switch (event.key) {
      case 'ArrowDown':
        if (!this.open) {
          event.preventDefault();
          this.show();
          if (!event.altKey && this.active < 0) {
            if (count) this.setActive(0);
            else whenLoaded('first');
          }
          return;
        }
        if (event.altKey) return event.preventDefault();
        whenLoaded('first');
        return move(this.active < 0 ? 0 : this.active + 1);
      case 'ArrowUp':
        if (!this.open) {
          event.preventDefault();
          this.show();
          if (!event.altKey) {
            if (count) this.setActive(last);
            else whenLoaded('last');
          }
          return;
        }
        if (event.altKey) {
          event.preventDefault();
          return this.hide();
        }
        whenLoaded('last');
        return move(this.active < 0 ? last : this.active - 1);
      case 'PageDown':
        if (this.open) move(this.active < 0 ? page : this.active + page);
        return;
      case 'PageUp':
        if (this.open) move(this.active < 0 ? 0 : this.active - page);
        return;
      case 'Home':
        if (this.open && this.active >= 0) move(0);
        return;
      case 'End':
        if (this.open && this.active >= 0) move(last);
        return;
      case 'Enter': {
        if (!this.open) return;
        event.preventDefault();
        const item = this.source.items()[this.active];
        if (item !== undefined) this.pick(item);
        else if (this.text?.trim() && this.source.commitText?.(this.text.trim())) {
          this.hide();
          this.revert();
        }
        return;
      }
      case 'Escape':
        if (this.open) {
          event.preventDefault();
          this.hide();
          return;
        }
        if (this.text !== undefined || this.source.currentIndex() !== -1 || this.hasValue()) {
          event.preventDefault();
          this.clear();
        }
        return;
      case 'Tab':
        this.hide();
        this.revert();
        return;
    }
  };

  /** Whether the host holds a value (set by the host, for the "second Escape clears" rule). */
  hasValue: () => boolean = () => false;

  /** Selects an item and closes the popup. */
  pick(item: T): void {
    this.hide();
    this.revert();
    this.source.select(item);
  }

  /** Clears the text and the value. */
  clear(): void {
    this.hide();
    this.revert();
    this.source.select(undefined);
  }
}
