import { html } from 'lit';
import type { FieldContext } from './types.js';

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
      if (!raw.trim()) return ctx.set(undefined, { raw });
      try {
        ctx.set(JSON.parse(raw), { raw });
      } catch (error) {
        ctx.set(undefined, { raw, error: { key: 'form.error.json', params: { detail: (error as Error).message } } });
      }
    }}
    @blur=${ctx.touch}
  ></textarea>`;
}
