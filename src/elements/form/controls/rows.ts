import { html } from 'lit';
import type { Translate } from '../../../i18n/index.js';

const removeIcon = html`<svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" /></svg>`;
const addIcon = html`<svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path d="M10.75 4.75a.75.75 0 0 0-1.5 0v4.5h-4.5a.75.75 0 0 0 0 1.5h4.5v4.5a.75.75 0 0 0 1.5 0v-4.5h4.5a.75.75 0 0 0 0-1.5h-4.5v-4.5Z" /></svg>`;

/** A small icon button that removes a row. */
export function removeButton(label: string, onClick: () => void, disabled = false) {
  return html`<button type="button" part="remove-button" class="pd-icon-button" aria-label=${label} title=${label} ?disabled=${disabled} @click=${onClick}>${removeIcon}</button>`;
}

/** The "add a row" button under a row editor. */
export function addButton(label: string, onClick: () => void, disabled = false) {
  return html`<button type="button" part="add-button" class="pd-ghost-button" ?disabled=${disabled} @click=${onClick}>${addIcon}${label}</button>`;
}

/** Rows of `[key, value]` text pairs (objects, headers, query parameters). */
export function pairRows(options: {
  rows: [string, string][];
  firstId?: string;
  describedBy: string;
  invalid: boolean;
  locked: boolean;
  t: Translate;
  keyLabel?: string;
  valueLabel?: string;
  onChange: (rows: [string, string][]) => void;
  onBlur?: () => void;
}) {
  const { rows, t } = options;
  const update = (index: number, column: 0 | 1, text: string) => {
    const next = rows.map((row) => [...row] as [string, string]);
    (next[index] as [string, string])[column] = text;
    options.onChange(next);
  };
  return html`<div class="grid gap-2">
    ${rows.length
      ? html`<div class="grid grid-cols-[minmax(0,2fr)_minmax(0,3fr)_auto] items-center gap-x-2 gap-y-2" role="presentation">
          <span class="text-xs font-medium text-pd-muted" aria-hidden="true">${options.keyLabel ?? t('form.object.key')}</span>
          <span class="text-xs font-medium text-pd-muted" aria-hidden="true">${options.valueLabel ?? t('form.object.value')}</span>
          <span></span>
          ${rows.map(
            ([key, value], index) => html`<input
                class="pd-input"
                id=${index === 0 && options.firstId ? options.firstId : `${options.firstId ?? 'row'}-k${index}`}
                .value=${key}
                ?readonly=${options.locked}
                aria-label=${t('form.object.keyOf', { index: index + 1 })}
                aria-invalid=${options.invalid && !key.trim() && value.trim() ? 'true' : 'false'}
                aria-describedby=${options.describedBy}
                @input=${(event: Event) => update(index, 0, (event.target as HTMLInputElement).value)}
                @blur=${() => options.onBlur?.()}
              /><input
                class="pd-input"
                .value=${value}
                ?readonly=${options.locked}
                aria-label=${t('form.object.valueOf', { index: index + 1 })}
                aria-describedby=${options.describedBy}
                @input=${(event: Event) => update(index, 1, (event.target as HTMLInputElement).value)}
                @blur=${() => options.onBlur?.()}
              />${removeButton(t('form.object.remove', { index: index + 1 }), () => options.onChange(rows.filter((_, i) => i !== index)), options.locked)}`,
          )}
        </div>`
      : ''}
    <div>${addButton(t('form.object.add'), () => options.onChange([...rows, ['', '']]), options.locked)}</div>
  </div>`;
}
