import { html } from 'lit';
import { unwrap } from '../form-controller.js';
import { pairRows } from './rows.js';
import type { FieldContext } from './types.js';

/** `object`: key/value rows. Values are kept as typed text; saved non-text values show as JSON. */
export function objectControl(ctx: FieldContext) {
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
        const missingKey = next.some(([key, value]) => !key.trim() && value.trim());
        const filled = next.filter(([key]) => key.trim());
        const value = filled.length ? Object.fromEntries(filled.map(([key, text]) => [key.trim(), text])) : undefined;
        ctx.set(value, { raw: next, ...(missingKey ? { error: { key: 'form.error.key' as const } } : {}) });
      },
    })}
  </div>`;
}
