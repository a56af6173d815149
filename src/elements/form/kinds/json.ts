import { html } from 'lit';
import type { FieldContext } from '../controls/types.js';
import type { FieldError, KindDef } from './types.js';

/** JSON text as a value: nothing for blank text, and a problem for text that is no JSON (the text is kept meanwhile). */
export function parseJson(raw: string): { value?: unknown; error?: FieldError } {
  if (!raw.trim()) return {};
  try {
    return { value: JSON.parse(raw) };
  } catch (error) {
    return { error: { key: 'form.error.json', params: { detail: (error as Error).message } } };
  }
}

/** `any`, and every type without its own editor: JSON text, checked as it is typed. */
export function jsonControl(ctx: FieldContext) {
  const shown = typeof ctx.draft === 'string' ? ctx.draft : ctx.value === undefined ? '' : JSON.stringify(ctx.value, null, 2);
  return html`<textarea
    part="control textarea json"
    class="pd-input pd-code min-h-24"
    id=${ctx.id}
    dir="ltr"
    spellcheck="false"
    rows=${Math.min(12, Math.max(3, shown.split('\n').length))}
    .value=${shown}
    ?readonly=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    aria-required=${ctx.prop.optional ? 'false' : 'true'}
    @input=${(event: Event) => {
      const raw = (event.target as HTMLTextAreaElement).value;
      const { value, error } = parseJson(raw);
      ctx.set(value, { raw, ...(error ? { error } : {}) });
    }}
    @blur=${ctx.touch}
  ></textarea>`;
}

/** `any`: any JSON value. */
export const json: KindDef = {
  name: 'json',
  type: 'any',
  render: jsonControl,
  hint: (_, t) => t('form.json.hint'),
};
