import { html } from 'lit';
import { unwrap } from '../form-controller.js';
import { parseInteger } from './basic.js';
import { addButton, removeButton } from './rows.js';
import type { FieldContext } from './types.js';

/** `string[]` / `integer[]` without options: a list of inputs with add and remove. */
export function listControl(ctx: FieldContext, integers: boolean) {
  const current = unwrap(ctx.value);
  const rows: string[] = Array.isArray(ctx.draft)
    ? (ctx.draft as string[])
    : Array.isArray(current)
      ? current.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
      : current === undefined || current === null
        ? ['']
        : [String(current)];
  const commit = (next: string[]) => {
    const filled = next.map((row) => row.trim()).filter(Boolean);
    if (!integers) return ctx.set(filled.length ? next.filter((row) => row.trim() !== '') : undefined, { raw: next });
    const parsed = filled.map(parseInteger);
    const bad = parsed.some((item) => item.error);
    ctx.set(filled.length && !bad ? parsed.map((item) => item.value as number) : undefined, { raw: next, ...(bad ? { error: { key: 'form.error.integer' as const } } : {}) });
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
