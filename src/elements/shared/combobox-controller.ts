import type { ReactiveController, ReactiveControllerHost } from 'lit';

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
}

export interface ComboboxOptions {
  /** Search debounce in ms. */
  debounce?: number;
  /** Estimated option height in px, until one is measured. */
  rowHeight?: number;
  /** Options rendered beyond each edge of the visible window. */
  overscan?: number;
  /** Fetch the next page when the last rendered option is this close to the end. */
  prefetch?: number;
}

/** The first and one-past-last index of the options to render. */
export interface WindowRange {
  start: number;
  end: number;
}

/**
 * The WAI-ARIA APG "combobox with listbox popup" behaviour (editable, list autocomplete), shared
 * by every `pd-*` select: open state, the active option (`aria-activedescendant`), keyboard
 * handling, debounced search text, and windowed rendering of long lists (only the options in
 * view, plus a few, are in the DOM; the active option is always scrolled into the window), with
 * the next page fetched as the end of the list nears.
 */
export class ComboboxController<T> implements ReactiveController {
  open = false;
  /** Index of the active (highlighted) option, or -1. */
  active = -1;
  /** The text the user typed, or undefined while the input shows the selected item's name. */
  text?: string;
  /** The debounced search text the host queries with. */
  term = '';
  rowHeight: number;
  private viewport = 320;
  private scrollTop = 0;
  private scrollPending = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly debounce: number;
  private readonly overscan: number;
  private readonly prefetch: number;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly source: ComboboxSource<T>,
    options: ComboboxOptions = {},
  ) {
    this.debounce = options.debounce ?? 250;
    this.rowHeight = options.rowHeight ?? 52;
    this.overscan = options.overscan ?? 6;
    this.prefetch = options.prefetch ?? 12;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
    this.open = false;
  }

  hostUpdated(): void {
    const listbox = this.listbox();
    if (!listbox || !this.open) return;
    const option = listbox.querySelector<HTMLElement>('[role="option"]');
    const measured = option?.offsetHeight ?? 0;
    const viewport = listbox.clientHeight;
    let changed = false;
    if (measured > 0 && Math.abs(measured - this.rowHeight) > 0.5) {
      this.rowHeight = measured;
      changed = true;
    }
    if (viewport > 0 && viewport !== this.viewport) {
      this.viewport = viewport;
      changed = true;
    }
    if (this.scrollPending) {
      this.scrollPending = false;
      if (Math.abs(listbox.scrollTop - this.scrollTop) > 1) listbox.scrollTop = this.scrollTop;
      this.scrollTop = listbox.scrollTop;
    }
    if (changed) this.host.requestUpdate();
    this.maybeLoadMore();
  }

  /** The listbox element in the host's shadow root. */
  listbox(): HTMLElement | null {
    return (this.host.shadowRoot ?? this.host).querySelector<HTMLElement>('[role="listbox"]');
  }

  /** Which options to render now: those in view plus `overscan`, always including the active one. */
  range(count: number): WindowRange {
    const first = Math.floor(this.scrollTop / this.rowHeight);
    const visible = Math.ceil(this.viewport / this.rowHeight);
    let start = Math.max(0, first - this.overscan);
    let end = Math.min(count, first + visible + this.overscan);
    if (this.active >= 0 && this.active < count) {
      start = Math.min(start, this.active);
      end = Math.max(end, this.active + 1);
    }
    return { start, end };
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
    clearTimeout(this.timer);
    if (this.text === undefined && this.term === '') return;
    this.text = undefined;
    this.term = '';
    this.host.requestUpdate();
  }

  setActive(index: number): void {
    this.active = index;
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
    if (this.range(count).end >= count - this.prefetch) this.source.loadMore();
  }

  // ---------------------------------------------------------------- events

  onInput = (event: Event): void => {
    this.text = (event.target as HTMLInputElement).value;
    this.open = true;
    this.active = -1;
    this.scrollTop = 0;
    this.scrollPending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.term = (this.text ?? '').trim();
      this.host.requestUpdate();
    }, this.debounce);
    this.host.requestUpdate();
  };

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
    switch (event.key) {
      case 'ArrowDown':
        if (!this.open) {
          event.preventDefault();
          this.show();
          if (!event.altKey && this.active < 0 && count) this.setActive(0);
          return;
        }
        if (event.altKey) return event.preventDefault();
        return move(this.active < 0 ? 0 : this.active + 1);
      case 'ArrowUp':
        if (!this.open) {
          event.preventDefault();
          this.show();
          if (!event.altKey && count) this.setActive(last);
          return;
        }
        if (event.altKey) {
          event.preventDefault();
          return this.hide();
        }
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
