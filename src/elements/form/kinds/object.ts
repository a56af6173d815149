import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import { pairRows } from '../controls/rows.js';
import type { FieldContext } from '../controls/types.js';
import type { FieldError, KindDef } from './types.js';

/** Key/value rows as an object (keys trimmed, values as typed): rows without a key are left out, and a value without one is a problem. */
export function parseRows(rows: [string, string][]): { value?: Record<string, string>; error?: FieldError } {
  const missingKey = rows.some(([key, value]) => !key.trim() && value.trim());
  const filled = rows.filter(([key]) => key.trim());
  return {
    ...(filled.length ? { value: Object.fromEntries(filled.map(([key, text]) => [key.trim(), text])) } : {}),
    ...(missingKey ? { error: { key: 'form.error.key' } } : {}),
  };
}

/** `object`: key/value rows. Values are kept as typed text; saved non-text values show as JSON. */
function objectControl(ctx: FieldContext) {
  const current = unwrap(ctx.value);
  const rows: [string, string][] = Array.isArray(ctx.draft)
    ? (ctx.draft as [string, string][])
    : current && typeof current === 'object' && !Array.isArray(current)
      ? Object.entries(current as Record<string, unknown>).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])
      : [];
  return html`<div part="control object">
    ${pairRows({
      rows,
      firstId: ctx.id,
      describedBy: ctx.describedBy,
      invalid: ctx.invalid,
      locked: ctx.locked,
      t: ctx.t,
      onBlur: ctx.touch,
      onChange: (next) => {
        const { value, error } = parseRows(next);
        ctx.set(value, { raw: next, ...(error ? { error } : {}) });
      },
    })}
  </div>`;
}

/** `object`: key/value rows. */
export const object: KindDef = {
  name: 'object',
  type: 'object',
  render: objectControl,
  layout: 'group',
};
