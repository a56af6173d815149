import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import { asText } from '../controls/readonly.js';
import type { FieldContext } from '../controls/types.js';
import type { KindDef } from './types.js';

/** `string`: a text input (`secret` → password, never autofilled). */
function stringControl(ctx: FieldContext) {
  const { prop } = ctx;
  const value = unwrap(ctx.value);
  return html`<input
    part="control input"
    class="pd-input"
    id=${ctx.id}
    type=${prop.secret ? 'password' : 'text'}
    autocomplete=${prop.secret ? 'new-password' : 'off'}
    .value=${asText(value)}
    ?readonly=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    aria-required=${prop.optional ? 'false' : 'true'}
    @input=${(event: Event) => ctx.set((event.target as HTMLInputElement).value)}
    @blur=${ctx.touch}
  />`;
}

/** `string`: any text. */
export const string: KindDef = {
  name: 'string',
  type: 'string',
  render: stringControl,
  locksItself: true,
};
