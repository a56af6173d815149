import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * What the browser offers the popups, detected once. A page may turn a feature off (for a browser
 * whose implementation misplaces them); each popup reads this when it opens:
 * - `popover` off: the popup stays in place, positioned absolutely under its field, and is
 *   clipped by any `overflow: hidden` ancestor, as before the top layer existed.
 * - `anchorPositioning` off: the popup is in the top layer and placed by measuring its field
 *   (`position: fixed`), again on every scroll, resize and change of size while it is open.
 */
export const popupSupport = /* @__PURE__ */ detectPopupSupport();

function detectPopupSupport() {
  const supports = (declaration: string) => typeof CSS !== 'undefined' && typeof CSS.supports === 'function' && CSS.supports(declaration);
  return {
    popover: typeof HTMLElement !== 'undefined' && 'showPopover' in HTMLElement.prototype,
    anchorPositioning: supports('anchor-name: --pd') && supports('position-area: bottom') && supports('position-try-fallbacks: flip-block'),
  };
}

/** How an open popup is placed: see `popupSupport`. */
export type PopupPlacement = 'anchor' | 'fixed' | 'inline';

/** The placement the next popup to open gets, from `popupSupport`. */
export const popupPlacement = (): PopupPlacement => (!popupSupport.popover ? 'inline' : popupSupport.anchorPositioning ? 'anchor' : 'fixed');

/** Space in px between the field and its popup, and between the popup and the viewport's edge. */
export const POPUP_GAP = 6;
/** Below this height (px) a constrained popup is not worth showing on that side. */
export const POPUP_MIN_HEIGHT = 160;

const defaultAnchor = (popup: HTMLElement) => popup.parentElement?.querySelector(':scope > [data-popup-anchor]');

export interface AnchoredPopupOptions {
  /** The popup element, when rendered. */
  popup: () => HTMLElement | null | undefined;
  /** Whether the popup shows. */
  open: () => boolean;
  /** The element the popup hangs from: by default the popup's sibling marked `data-popup-anchor`. */
  anchor?: (popup: HTMLElement) => Element | null | undefined;
}

let anchors = 0;

/**
 * Shows a popup in the top layer while it is open (`popover="manual"`: its combobox keeps its own
 * Escape, Tab and outside-click rules, and focus stays in the input), under its field or above it
 * where the viewport's edge leaves no room, following the field through scrolling and resizing.
 * The popup stays where it is in the shadow root, so its IDREFs (`aria-controls`,
 * `aria-activedescendant`), events and inherited styles are unchanged; only its box escapes the
 * `overflow` of its ancestors and paints above a modal `<dialog>`. See `popupSupport` for browsers
 * without the top layer or CSS anchor positioning. The host's styles need `anchoredPopupStyles`
 * (`anchored-popup.styles.ts`).
 */
export class AnchoredPopupController implements ReactiveController {
  private popup?: HTMLElement;
  private anchor?: HTMLElement;
  private readonly anchorName = `--pd-popup-${++anchors}`;
  private placement?: PopupPlacement;
  private observer?: ResizeObserver;
  private frame = 0;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: AnchoredPopupOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const popup = this.options.open() ? this.options.popup() : undefined;
    if (popup !== this.popup) this.close();
    this.popup = popup ?? undefined;
    if (!popup?.isConnected) return this.close();
    const anchor = (this.options.anchor ?? defaultAnchor)(popup);
    const placement = popupPlacement();
    if (placement === 'inline' || !(anchor instanceof HTMLElement)) return this.close();
    if (this.placement === placement && this.anchor === anchor && popup.matches(':popover-open')) {
      // A render may have changed what the list holds, hence its height: placed again next frame
      // (not now: this update may run inside a ResizeObserver's callback).
      if (placement === 'fixed') this.schedule();
      return;
    }
    this.close();
    this.popup = popup;
    this.anchor = anchor;
    this.placement = placement;
    popup.setAttribute('popover', 'manual');
    popup.setAttribute('data-pd-popup', placement);
    if (placement === 'anchor') {
      anchor.style.setProperty('anchor-name', this.anchorName);
      popup.style.setProperty('position-anchor', this.anchorName);
    } else this.follow();
    popup.showPopover();
    // Placed before it is first painted.
    if (placement === 'fixed') this.place();
  }

  hostDisconnected(): void {
    this.close();
    this.popup = undefined;
  }

  private close(): void {
    const popup = this.popup;
    if (!this.placement) return;
    this.unfollow();
    this.anchor?.style.removeProperty('anchor-name');
    this.anchor = undefined;
    this.placement = undefined;
    if (!popup) return;
    if (popup.matches(':popover-open')) popup.hidePopover();
    popup.removeAttribute('popover');
    popup.removeAttribute('data-pd-popup');
    for (const property of ['position-anchor', 'top', 'left', 'width', 'max-height']) popup.style.removeProperty(property);
  }

  // ------------------------------------------------ fixed placement (no CSS anchor positioning)

  private follow(): void {
    if (this.observer) return;
    window.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    if (typeof ResizeObserver === 'undefined') return;
    // The field only: the popup's own size changes with its host's renders, which place it again.
    this.observer = new ResizeObserver(this.schedule);
    if (this.anchor) this.observer.observe(this.anchor);
  }

  private unfollow(): void {
    window.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
    this.observer?.disconnect();
    this.observer = undefined;
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  /** One placement a frame, however many scroll and resize events it brings. */
  private schedule = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
    });
  };

  /** The same rules as the CSS of the anchored placement, measured. */
  private place(): void {
    const popup = this.popup;
    const anchor = this.anchor;
    if (!popup || !anchor || this.placement !== 'fixed' || !popup.matches(':popover-open')) return;
    const field = anchor.getBoundingClientRect();
    const viewport = document.documentElement.clientHeight || window.innerHeight;
    const style = popup.style;
    style.setProperty('left', `${field.left}px`);
    style.setProperty('width', `${field.width}px`);
    style.removeProperty('max-height');
    const natural = popup.offsetHeight;
    const below = viewport - field.bottom - 2 * POPUP_GAP;
    const above = field.top - 2 * POPUP_GAP;
    let top: number;
    if (natural <= below) top = field.bottom + POPUP_GAP;
    else if (natural <= above) top = field.top - POPUP_GAP - natural;
    else if (below >= POPUP_MIN_HEIGHT || below >= above) {
      style.setProperty('max-height', `${Math.max(0, below)}px`);
      top = field.bottom + POPUP_GAP;
    } else {
      style.setProperty('max-height', `${Math.max(0, above)}px`);
      top = POPUP_GAP;
    }
    style.setProperty('top', `${top}px`);
  }
}

