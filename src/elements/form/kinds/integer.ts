import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { unwrap } from '../../../wire/props.js';
import { asText } from '../controls/readonly.js';
import type { FieldContext } from '../controls/types.js';
import type { FieldError, KindDef, ValueCheck } from './types.js';

/** Parses an integer field's text: a value, nothing, or a parse error (the text is kept). */
export function parseInteger(raw: string): { value?: number; error: boolean } {
  const text = raw.trim();
  if (!text) return { error: false };
  if (!/^[-+]?\d+$/.test(text)) return { error: true };
  return { value: Number(text), error: false };
}

/** The problem of an integer value, or of a list of them: not an integer, or outside `min`…`max`. */
export function checkIntegers({ bare, prop }: Pick<ValueCheck, 'bare' | 'prop'>): FieldError | undefined {
  const numbers = Array.isArray(bare) ? bare : [bare];
  for (const n of numbers) {
    if (typeof n !== 'number' || !Number.isInteger(n)) return { key: 'form.error.integer' };
    if (typeof prop.min === 'number' && n < prop.min) return { key: 'form.error.min', params: { min: prop.min } };
    if (typeof prop.max === 'number' && n > prop.max) return { key: 'form.error.max', params: { max: prop.max } };
  }
  return undefined;
}

/** `integer`: a number input with min/max. */
function integerControl(ctx: FieldContext) {
  const { prop } = ctx;
  const shown = typeof ctx.draft === 'string' ? ctx.draft : asText(unwrap(ctx.value));
  return html`<input
    part="control input"
    class="pd-input tabular-nums"
    id=${ctx.id}
    type="number"
    inputmode="numeric"
    step="1"
    min=${ifDefined(typeof prop.min === 'number' ? prop.min : undefined)}
    max=${ifDefined(typeof prop.max === 'number' ? prop.max : undefined)}
    .value=${shown}
    ?readonly=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    aria-required=${prop.optional ? 'false' : 'true'}
    @input=${(event: Event) => {
      const input = event.target as HTMLInputElement;
      // A number input reports "" for text it cannot parse; badInput tells the two apart.
      const raw = input.validity.badInput ? 'x' : input.value;
      const parsed = parseInteger(raw);
      ctx.set(parsed.value, parsed.error ? { raw: input.value, error: { key: 'form.error.integer' } } : undefined);
    }}
    @blur=${ctx.touch}
  />`;
}

/** `integer`: a whole number within the prop's `min` and `max`. */
export const integer: KindDef = {
  name: 'integer',
  type: 'integer',
  render: integerControl,
  locksItself: true,
  check: checkIntegers,
};
