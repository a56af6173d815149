import { html, nothing, type TemplateResult } from 'lit';
import { spinner } from './icons.js';

/** What an inline confirmation says and does. */
export interface InlineConfirmOptions {
  /** Makes the ids unique within the shadow root: `confirm-{id}`, `confirm-text-{id}`. */
  id: string;
  message: string;
  confirmLabel: string;
  /** The confirm button's text while the write runs. */
  busyLabel: string;
  cancelLabel: string;
  /** The write runs: both buttons are inert (and stay focusable). */
  busy: boolean;
  /** Why the last attempt failed, under the message. */
  error?: string;
  /** The error is announced when it appears (`role="alert"`): for an element without a live region of its own. */
  announceError?: boolean;
  /** Extra classes for the group (its place in the host's layout). */
  class?: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * The inline confirmation of a destructive write (disconnect, delete): a labelled group with the
 * question, Cancel and a danger-styled confirm button; Escape cancels. Parts: `confirm`,
 * `confirm-button`, `cancel-button`.
 */
export function inlineConfirm(options: InlineConfirmOptions): TemplateResult {
  const busy = options.busy ? 'true' : 'false';
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    options.onCancel();
  };
  return html`<div
    part="confirm"
    id=${`confirm-${options.id}`}
    role="group"
    aria-labelledby=${`confirm-text-${options.id}`}
    class="flex basis-full flex-wrap items-center gap-x-4 gap-y-3 rounded-pd-sm border border-pd-danger/25 bg-pd-danger-bg px-3.5 py-3 ${options.class ?? ''}"
    @keydown=${onKeydown}
  >
    <div class="min-w-0 flex-[1_1_14rem]">
      <p id=${`confirm-text-${options.id}`} class="font-medium text-pd-fg">${options.message}</p>
      ${options.error ? html`<p role=${options.announceError ? 'alert' : nothing} class="mt-1 text-[0.8125rem] text-pd-danger">${options.error}</p>` : nothing}
    </div>
    <div class="ms-auto flex shrink-0 flex-wrap items-center gap-2">
      <button
        part="cancel-button"
        type="button"
        class="inline-flex min-h-8 items-center rounded-pd-sm border border-pd-border bg-pd-surface px-3 py-1.5 text-[0.8125rem] font-medium text-pd-fg transition-colors hover:bg-pd-muted-bg aria-disabled:cursor-not-allowed aria-disabled:opacity-60"
        aria-disabled=${busy}
        @click=${options.onCancel}
      >
        ${options.cancelLabel}
      </button>
      <button
        part="confirm-button"
        type="button"
        class="inline-flex min-h-8 items-center gap-1.5 rounded-pd-sm bg-pd-danger px-3 py-1.5 text-[0.8125rem] font-semibold text-pd-danger-bg shadow-pd transition-opacity hover:opacity-90 aria-disabled:cursor-not-allowed aria-disabled:opacity-70"
        aria-disabled=${busy}
        @click=${() => {
          if (!options.busy) options.onConfirm();
        }}
      >
        ${options.busy ? html`${spinner('size-3.5')}${options.busyLabel}` : options.confirmLabel}
      </button>
    </div>
  </div>`;
}
