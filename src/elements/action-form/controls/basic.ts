import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { type Option, toOption, unwrap } from '../form-controller.js';
import type { FieldContext } from './types.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value in a text input: strings as they are, other JSON (a saved or default object) as JSON, never "[object Object]". */
function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value) ?? '';
  return String(value);
}

/** `string`: a text input (`secret` → password, never autofilled). */
export function stringControl(ctx: FieldContext) {
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

/**
 * `string` with `format: "file-ref"`: a path in the component's `/tmp` directory or a file URL,
 * with a file icon and an example; the field's hint says what is accepted.
 */
export function fileRefControl(ctx: FieldContext) {
  const { prop } = ctx;
  const value = unwrap(ctx.value);
  return html`<div class="relative" dir="ltr">
    <svg class="pointer-events-none absolute start-3 top-1/2 size-4 -translate-y-1/2 text-pd-muted" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
      <path fill-rule="evenodd" d="M4.5 2A1.5 1.5 0 0 0 3 3.5v13A1.5 1.5 0 0 0 4.5 18h11a1.5 1.5 0 0 0 1.5-1.5V7.621a1.5 1.5 0 0 0-.44-1.06l-4.12-4.122A1.5 1.5 0 0 0 11.378 2H4.5Zm6.5 1.5v3.25c0 .414.336.75.75.75h3.25L11 3.5Z" clip-rule="evenodd" />
    </svg>
    <input
      part="control input file-ref"
      class="pd-input ps-9 font-mono text-[0.8125rem]"
      id=${ctx.id}
      dir="ltr"
      type="text"
      inputmode="url"
      autocomplete="off"
      spellcheck="false"
      placeholder="/tmp/report.pdf"
      .value=${asText(value)}
      ?readonly=${ctx.locked}
      aria-invalid=${ctx.invalid ? 'true' : 'false'}
      aria-describedby=${ctx.describedBy}
      aria-required=${prop.optional ? 'false' : 'true'}
      @input=${(event: Event) => {
        const text = (event.target as HTMLInputElement).value.trim();
        ctx.set(text || undefined);
      }}
      @blur=${ctx.touch}
    />
  </div>`;
}

/** Parses an integer field's text: a value, nothing, or a parse error (the text is kept). */
export function parseInteger(raw: string): { value?: number; error: boolean } {
  const text = raw.trim();
  if (!text) return { error: false };
  if (!/^[-+]?\d+$/.test(text)) return { error: true };
  return { value: Number(text), error: false };
}

/** `integer`: a number input with min/max. */
export function integerControl(ctx: FieldContext) {
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

/** `boolean`: a checkbox; the label sits beside it. */
export function booleanControl(ctx: FieldContext) {
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

/** Static options of a prop, normalised. */
export const optionsOf = (ctx: FieldContext): Option[] => (ctx.prop.options ?? []).map(toOption);

/** How a picked option is stored: `{__lv}` for `withLabel` props, the bare value otherwise. */
export function storeOption(ctx: FieldContext, option: Option): unknown {
  return ctx.prop.withLabel ? { __lv: { label: option.label, value: option.value } } : option.value;
}

/** Static `options`, one value: a native select. */
export function selectControl(ctx: FieldContext) {
  const options = optionsOf(ctx);
  const current = unwrap(ctx.value);
  const index = options.findIndex((option) => same(option.value, current));
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
      ctx.set(picked ? storeOption(ctx, picked) : undefined);
      ctx.touch();
    }}
  >
    <option value="-1" ?selected=${index < 0}>${ctx.t('form.select.none')}</option>
    ${options.map((option, i) => html`<option value=${i} ?selected=${i === index}>${option.label}</option>`)}
  </select>`;
}

/** Static `options` on an array type: a group of checkboxes. */
export function multiSelectControl(ctx: FieldContext) {
  const options = optionsOf(ctx);
  const current = unwrap(ctx.value);
  const picked = Array.isArray(current) ? current : current === undefined ? [] : [current];
  const toggle = (option: Option, on: boolean) => {
    const chosen = options.filter((candidate) => (candidate === option ? on : picked.some((value) => same(value, candidate.value))));
    if (!chosen.length) return ctx.set(undefined);
    ctx.set(ctx.prop.withLabel ? { __lv: chosen.map(({ label, value }) => ({ label, value })) } : chosen.map((option) => option.value));
  };
  return html`<div part="control" class="grid gap-1.5">
    ${options.map(
      (option, i) => html`<label class="flex items-center gap-2 text-sm">
        <input
          class="pd-checkbox"
          type="checkbox"
          id=${i === 0 ? ctx.id : nothing}
          .checked=${picked.some((value) => same(value, option.value))}
          ?disabled=${ctx.locked}
          aria-describedby=${ctx.describedBy}
          @change=${(event: Event) => toggle(option, (event.target as HTMLInputElement).checked)}
        /><span dir="auto">${option.label}</span></label
      >`,
    )}
  </div>`;
}

/** A read-only view of any value (for `readOnly`/`disabled` props of complex types). */
export function readonlyControl(ctx: FieldContext) {
  const value = unwrap(ctx.value);
  const text = value === undefined || value === null || value === '' ? ctx.t('form.notSet') : typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  return html`<output part="control readonly" class="pd-readonly" id=${ctx.id} dir="auto" aria-describedby=${ctx.describedBy}>${text}</output>`;
}
