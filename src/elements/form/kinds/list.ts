import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import { addButton, removeButton } from '../controls/rows.js';
import type { FieldContext } from '../controls/types.js';
import { checkIntegers, parseInteger } from './integer.js';
import type { FieldError, KindDef } from './types.js';

/** The rows of a list as its value: blank rows are left out; in a list of integers, a row that is none is a problem. */
export function parseList(rows: string[], integers: boolean): { value?: (string | number)[]; error?: FieldError } {
  const filled = rows.map((row) => row.trim()).filter(Boolean);
  if (!integers) return filled.length ? { value: rows.filter((row) => row.trim() !== '') } : {};
  const parsed = filled.map(parseInteger);
  if (parsed.some((item) => item.error)) return { error: { key: 'form.error.integer' } };
  return filled.length ? { value: parsed.map((item) => item.value as number) } : {};
}

/** `string[]` / `integer[]` without options: a list of inputs with add and remove. */
function listControl(ctx: FieldContext, integers: boolean) {
  const current = unwrap(ctx.value);
  const rows: string[] = Array.isArray(ctx.draft)
    ? (ctx.draft as string[])
    : Array.isArray(current)
      ? current.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
      : current === undefined || current === null
        ? ['']
        : [String(current)];
  const commit = (next: string[]) => {
    const { value, error } = parseList(next, integers);
    ctx.set(value, { raw: next, ...(error ? { error } : {}) });
  };
  return html`<div part="control list" class="grid gap-2">
    <ol class="grid gap-2">
      ${rows.map(
        (row, index) => html`<li class="flex items-center gap-2">
          <input
            class="pd-input ${integers ? 'tabular-nums' : ''}"
            id=${index === 0 ? ctx.id : `${ctx.id}-${index}`}
            type=${integers ? 'number' : 'text'}
            inputmode=${integers ? 'numeric' : 'text'}
            .value=${row}
            ?readonly=${ctx.locked}
            aria-label=${`${ctx.label}: ${ctx.t('form.list.item', { index: index + 1 })}`}
            aria-invalid=${ctx.invalid ? 'true' : 'false'}
            aria-describedby=${ctx.describedBy}
            @input=${(event: Event) => commit(rows.map((item, i) => (i === index ? (event.target as HTMLInputElement).value : item)))}
            @blur=${ctx.touch}
          />
          ${removeButton(ctx.t('form.list.remove', { index: index + 1 }), () => commit(rows.filter((_, i) => i !== index)), ctx.locked || (rows.length === 1 && !row))}
        </li>`,
      )}
    </ol>
    <div>${addButton(ctx.t('form.list.add'), () => commit([...rows, '']), ctx.locked)}</div>
  </div>`;
}

/** `string[]` without options: a list of texts. */
export const list: KindDef = {
  name: 'list',
  type: 'string[]',
  render: (field) => listControl(field, false),
  layout: 'group',
};

/** `integer[]` without options: a list of whole numbers, each within `min`…`max`. */
export const integerList: KindDef = {
  name: 'integer-list',
  type: 'integer[]',
  render: (field) => listControl(field, true),
  check: checkIntegers,
  layout: 'group',
};
