import { html } from 'lit';
import type { FieldContext } from '../controls/types.js';
import type { KindDef } from './types.js';

/** The text of a saved SQL value: `{query}`, `{value}`, or a bare string. */
export function sqlText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const record = value as { query?: unknown; value?: unknown };
    if (typeof record.query === 'string') return record.query;
    if (typeof record.value === 'string') return record.value;
  }
  return '';
}

/**
 * `sql`: a monospace editor. The value follows the SDK schema
 * `{value, query, params, usePreparedStatements}`, keeping fields a saved value had.
 */
function sqlControl(ctx: FieldContext) {
  const query = sqlText(ctx.value);
  const previous = ctx.value && typeof ctx.value === 'object' ? (ctx.value as Record<string, unknown>) : {};
  return html`<textarea
    part="control textarea sql"
    class="pd-input pd-code min-h-28"
    id=${ctx.id}
    dir="ltr"
    spellcheck="false"
    rows=${Math.min(14, Math.max(4, query.split('\n').length + 1))}
    .value=${query}
    ?readonly=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    aria-required=${ctx.prop.optional ? 'false' : 'true'}
    @input=${(event: Event) => {
      const text = (event.target as HTMLTextAreaElement).value;
      ctx.set(text ? { ...previous, value: text, query: text, params: previous.params ?? [], usePreparedStatements: previous.usePreparedStatements ?? false } : undefined);
    }}
    @blur=${ctx.touch}
  ></textarea>`;
}

/** `sql`: a query, required unless the prop is optional. */
export const sql: KindDef = {
  name: 'sql',
  type: 'sql',
  render: sqlControl,
  check: ({ prop, value }) => (!String((value as { query?: string })?.query ?? '').trim() && !prop.optional ? { key: 'form.error.required' } : undefined),
};
