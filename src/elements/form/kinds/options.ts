import { html, nothing } from 'lit';
import { type ConfigurableProp, type LabelValue, isListType, sameValue, storeOption, storeOptions, toOption, unwrap } from '../../../wire/props.js';
import type { FieldContext } from '../controls/types.js';
import type { KindDef } from './types.js';

/** Static options of a prop, normalised. */
const optionsOf = (ctx: FieldContext): LabelValue[] => (ctx.prop.options ?? []).map(toOption);

/** Static `options`, one value: a native select. */
function selectControl(ctx: FieldContext) {
  const options = optionsOf(ctx);
  const current = unwrap(ctx.value);
  const index = options.findIndex((option) => sameValue(option.value, current));
  return html`<select
    part="control select"
    class="pd-input pd-select"
    id=${ctx.id}
    ?disabled=${ctx.locked}
    aria-invalid=${ctx.invalid ? 'true' : 'false'}
    aria-describedby=${ctx.describedBy}
    aria-required=${ctx.prop.optional ? 'false' : 'true'}
    @change=${(event: Event) => {
      const picked = options[Number((event.target as HTMLSelectElement).value)];
      ctx.set(picked ? storeOption(ctx.prop, picked) : undefined);
      ctx.touch();
    }}
  >
    <option value="-1" ?selected=${index < 0}>${ctx.t('form.select.none')}</option>
    ${options.map((option, i) => html`<option value=${i} ?selected=${i === index}>${option.label}</option>`)}
  </select>`;
}

/** Static `options` on an array type: a group of checkboxes. */
function multiSelectControl(ctx: FieldContext) {
  const options = optionsOf(ctx);
  const current = unwrap(ctx.value);
  const picked = Array.isArray(current) ? current : current === undefined ? [] : [current];
  const toggle = (option: LabelValue, on: boolean) => {
    const chosen = options.filter((candidate) => (candidate === option ? on : picked.some((value) => sameValue(value, candidate.value))));
    ctx.set(chosen.length ? storeOptions(ctx.prop, chosen) : undefined);
  };
  return html`<div part="control" class="grid gap-1.5">
    ${options.map(
      (option, i) => html`<label class="flex items-center gap-2 text-sm">
        <input
          class="pd-checkbox"
          type="checkbox"
          id=${i === 0 ? ctx.id : nothing}
          .checked=${picked.some((value) => sameValue(value, option.value))}
          ?disabled=${ctx.locked}
          aria-describedby=${ctx.describedBy}
          @change=${(event: Event) => toggle(option, (event.target as HTMLInputElement).checked)}
        /><span dir="auto">${option.label}</span></label
      >`,
    )}
  </div>`;
}

const hasOptions = (prop: ConfigurableProp) => Array.isArray(prop.options) && prop.options.length > 0;

/** Static `options` on an array type: pick any of them. */
export const multiSelect: KindDef = {
  name: 'multi-select',
  matches: (prop, type) => hasOptions(prop) && isListType(type),
  render: multiSelectControl,
  layout: 'group',
};

/** Static `options`: pick one. */
export const select: KindDef = {
  name: 'select',
  matches: hasOptions,
  render: selectControl,
  locksItself: true,
};
