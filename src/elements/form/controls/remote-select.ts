import { html, nothing } from 'lit';
import type { ComboboxController } from '../../shared/combobox-controller.js';
import { cssProperties } from '../../shared/css-properties.js';
import { optionWindow } from '../../shared/option-window.js';
import { type ConfigurableProp, isListType, sameValue, selectedOptions } from '../../../wire/props.js';
import type { Option, RemoteState } from '../remote-options.js';
import { removeButton } from './rows.js';
import type { FieldContext } from './types.js';

export interface RemoteHooks {
  combo: ComboboxController<Option>;
  /** Whether this field owns the (single, shared) open popup. */
  active: boolean;
  state: RemoteState | undefined;
  /** The options to list (filtered by the typed text when the prop does not search remotely). */
  items: Option[];
  /** The prop this field waits for, by label. */
  waitingFor?: string;
  activate: () => void;
  /** Focus left the field: close its list, forget typed text, mark it touched. */
  leave: () => void;
  retry: () => void;
  /** "Load more" was pressed; the button, to tell whether it still has focus once the page is in. */
  loadMore: (button: HTMLElement) => void;
  remove: (option: Option) => void;
}

/**
 * Whether a remote-options field also takes a value typed by the user (a channel id, a repo name
 * the list has not paged to yet): text props only, where any string is a valid value.
 */
export const acceptsFreeText = (prop: ConfigurableProp) => prop.type === 'string' || prop.type === 'string[]';

const chevron = html`<svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M5.22 8.22a.75.75 0 0 1 1.06 0L10 11.94l3.72-3.72a.75.75 0 1 1 1.06 1.06l-4.25 4.25a.75.75 0 0 1-1.06 0L5.22 9.28a.75.75 0 0 1 0-1.06Z" clip-rule="evenodd" /></svg>`;
const fieldOf = (event: Event) => (event.currentTarget as HTMLElement).closest<HTMLElement>('[part~="remote-select"]');

const plus = html`<svg class="size-4 shrink-0 text-pd-accent" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" /></svg>`;
const check = html`<svg class="size-4 shrink-0 text-pd-accent" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M16.704 4.153a.75.75 0 0 1 .143 1.052l-8 10.5a.75.75 0 0 1-1.127.075l-4.5-4.5a.75.75 0 0 1 1.06-1.06l3.894 3.893 7.48-9.817a.75.75 0 0 1 1.05-.143Z" clip-rule="evenodd" /></svg>`;

/**
 * Remote options (`remoteOptions`, `$.discord.*`, `$.airtable.*`): an APG combobox over pages of
 * options from `configureProp`, searched on the server when the prop has `useQuery` (the options
 * at hand narrow at once while the answer is on its way), paged with "Load more" and on scroll,
 * errors inline with a retry. Array types pick several (shown as chips).
 * The list is windowed: however many pages are loaded, only the options in view are in the DOM.
 * Text props also take a typed value that is not in the list: it is offered as the first option
 * ("Use “…”"), and Enter with no option highlighted takes it too.
 */
export function remoteSelectControl(ctx: FieldContext, hooks: RemoteHooks) {
  const { t, prop } = ctx;
  const { combo, active, state } = hooks;
  const multi = isListType(prop.type);
  const selected = selectedOptions(ctx.value);
  const open = active && combo.open;
  const waiting = Boolean(hooks.waitingFor);
  const text = active && combo.text !== undefined ? combo.text : multi ? '' : (selected[0]?.label ?? '');
  const listId = `${ctx.id}-listbox`;
  const activeId = open ? combo.activeId() : undefined;
  const statusId = `${ctx.id}-remote-status`;
  const items = hooks.items;
  const inputDisabled = ctx.locked || waiting;
  const status = () => {
    if (state?.error) {
      return html`<div class="flex flex-wrap items-center gap-2 px-3 py-2 text-sm text-pd-danger" role="alert">
        <span>${t('form.remote.error', { detail: state.error })}</span>
        <button type="button" part="retry-button" class="pd-link-button" @click=${hooks.retry}>${t('form.retry')}</button>
      </div>`;
    }
    const listed = items.some((option) => !option.custom);
    // Options narrowed from the list at hand show while a search loads; "no match" waits for its answer.
    if (!state || ((state.loading || (prop.useQuery && combo.lagging)) && !listed)) {
      return html`<p class="flex items-center gap-2 px-3 py-2 text-sm text-pd-muted"><span class="pd-spinner" aria-hidden="true"></span>${t('form.remote.loading')}</p>`;
    }
    if (state.loading) return nothing;
    if (!listed) {
      return html`<p class="px-3 py-2 text-sm text-pd-muted ${items.length ? 'border-t border-pd-border' : ''}">${combo.text ? t('form.remote.noMatch', { query: combo.text }) : t('form.remote.empty')}</p>`;
    }
    if (state.hasMore || state.loadingMore) {
      return html`<div class="border-t border-pd-border p-1">
        <button type="button" part="load-more" class="pd-menu-button" aria-disabled=${state.loadingMore ? 'true' : 'false'} @click=${(event: Event) => hooks.loadMore(event.currentTarget as HTMLElement)}>
          ${state.loadingMore ? html`<span class="pd-spinner" aria-hidden="true"></span>` : nothing}${t('form.remote.loadMore')}
        </button>
      </div>`;
    }
    return nothing;
  };
  return html`<div
    part="control remote-select"
    class="relative grid gap-2"
    data-open=${open ? 'true' : 'false'}
    @focusout=${(event: FocusEvent) => {
      // Focus moving between the input and the list's buttons stays in the field.
      if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node | null)) hooks.leave();
    }}
  >
    ${multi && selected.length
      ? html`<ul class="flex flex-wrap gap-1.5">
          ${selected.map(
            (option) => html`<li part="chip" class="pd-chip">
              <span class="min-w-0 truncate" dir="auto">${option.label}</span>${removeButton(t('form.remote.remove', { label: option.label }), () => hooks.remove(option), ctx.locked)}
            </li>`,
          )}
        </ul>`
      : nothing}
    <div class="relative" data-popup-anchor>
      <input
        part="input combobox"
        class="pd-input pe-9 text-ellipsis"
        id=${ctx.id}
        type="text"
        role="combobox"
        aria-label=${ctx.label}
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${open ? 'true' : 'false'}
        aria-controls=${open ? listId : nothing}
        aria-activedescendant=${activeId ? `${ctx.id}-${activeId}` : nothing}
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy}
        aria-required=${prop.optional ? 'false' : 'true'}
        placeholder=${waiting ? '' : acceptsFreeText(prop) ? t('form.remote.placeholderFree') : prop.useQuery ? t('form.remote.placeholder') : t('form.remote.choose')}
        .value=${text}
        ?disabled=${inputDisabled}
        @focus=${hooks.activate}
        @click=${() => {
          hooks.activate();
          combo.show();
        }}
        @input=${(event: Event) => {
          hooks.activate();
          combo.onInput(event);
        }}
        @keydown=${(event: KeyboardEvent) => {
          hooks.activate();
          // Tab goes on to the open list's own buttons (Load more, Retry) before it leaves the field.
          if (event.key === 'Tab' && !event.shiftKey && open && fieldOf(event)?.querySelector('[part="popup"] button')) return;
          combo.onKeyDown(event);
        }}
      />
      <button
        type="button"
        tabindex="-1"
        class="pd-input-button"
        aria-label=${t('form.remote.toggle')}
        aria-expanded=${open ? 'true' : 'false'}
        ?disabled=${inputDisabled}
        @click=${(event: Event) => {
          hooks.activate();
          combo.toggle();
          ((event.currentTarget as HTMLElement).previousElementSibling as HTMLElement | null)?.focus();
        }}
      >
        ${chevron}
      </button>
    </div>
    ${open
      ? html`<div
          part="popup"
          class="pd-popup"
          aria-busy=${state?.loading ? 'true' : 'false'}
          @keydown=${(event: KeyboardEvent) => {
            // Escape on a button of the list closes it, as on the input, and focus goes back there.
            if (event.key !== 'Escape') return;
            event.preventDefault();
            combo.hide();
            fieldOf(event)?.querySelector<HTMLElement>('[role="combobox"]')?.focus();
          }}
        >
          <div
            role="listbox"
            id=${listId}
            part="listbox"
            tabindex="-1"
            aria-label=${ctx.label}
            aria-multiselectable=${multi ? 'true' : nothing}
            class="max-h-64 overflow-y-auto overscroll-contain ${items.length ? '' : 'hidden'}"
            @scroll=${combo.onScroll}
            @mousedown=${(event: Event) => event.preventDefault()}
          >
            ${optionWindow(
              combo,
              items,
              (option) => (option.custom ? '\u0000custom' : JSON.stringify(option.value)),
              (option, index, top) => {
                const isSelected = !option.custom && selected.some((item) => sameValue(item.value, option.value));
                // The input keeps focus and handles the keys (aria-activedescendant); a click picks.
                // eslint-disable-next-line lit-a11y/click-events-have-key-events
                return html`<div
                  role="option"
                  part=${option.custom ? 'option option-custom' : 'option'}
                  id=${`${ctx.id}-${combo.optionId(index)}`}
                  class="pd-option"
                  ${cssProperties({ top })}
                  aria-selected=${isSelected ? 'true' : 'false'}
                  aria-setsize=${items.length}
                  aria-posinset=${index + 1}
                  ?data-active=${combo.active === index}
                  @click=${() => combo.pick(option)}
                  @mousemove=${() => {
                    if (combo.active !== index) combo.setActive(index);
                  }}
                >
                  ${option.custom
                    ? html`${plus}<span class="min-w-0 flex-1 truncate">${t('form.remote.useText', { value: option.label })}</span>`
                    : html`<span class="min-w-0 flex-1 truncate" dir="auto">${option.label}</span>${isSelected ? check : nothing}`}
                </div>`;
              },
            )}
          </div>
          <div id=${statusId}>${status()}</div>
        </div>`
      : state?.error && !waiting
        ? html`<p part="field-error" class="pd-inline-error" role="alert">${t('form.remote.error', { detail: state.error })}
            <button type="button" part="retry-button" class="pd-link-button" @click=${hooks.retry}>${t('form.retry')}</button></p>`
        : nothing}
  </div>`;
}
