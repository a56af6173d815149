import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import type { FieldContext } from '../controls/types.js';
import type { KindDef } from './types.js';

/** `boolean`: a checkbox; the label sits beside it. */
function booleanControl(ctx: FieldContext) {
  const checked = unwrap(ctx.value) === true;
  return html`<input
    part="control checkbox"
    class="pd-checkbox"
    id=${ctx.id}
    type="checkbox"
    .checked=${checked}
    ?disabled=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    @change=${(event: Event) => {
      ctx.set((event.target as HTMLInputElement).checked);
      ctx.touch();
    }}
  />`;
}

/** `boolean`: a checkbox. A required one starts unchecked; an optional one shows its default until set. */
export const boolean: KindDef = {
  name: 'boolean',
  type: 'boolean',
  render: (field) => booleanControl(field.prop.optional ? { ...field, value: field.value ?? field.prop.default } : field),
  initial: false,
  locksItself: true,
  layout: 'inline',
};
