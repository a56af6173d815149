import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import type { FieldContext } from './types.js';

/** A value in a text input: strings as they are, other JSON (a saved or default object) as JSON, never "[object Object]". */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

/** A read-only view of any value (for `readOnly`/`disabled` props of complex types). */
export function readonlyControl(ctx: FieldContext) {
  const value = unwrap(ctx.value);
  const text = value === undefined || value === null || value === '' ? ctx.t('form.notSet') : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return html`<output part="control readonly" class="pd-readonly" id=${ctx.id} dir="auto" aria-describedby=${ctx.describedBy}>${text}</output>`;
}
