import { html } from 'lit';
import { unwrap } from '../../../wire/props.js';
import { asText } from '../controls/readonly.js';
import type { FieldContext } from '../controls/types.js';
import type { KindDef } from './types.js';

/** A `format: "file-ref"` value: a path in the component's `/tmp` directory or a file URL. */
export function isFileRef(value: string): boolean {
  const text = value.trim();
  if (text.startsWith('/tmp/')) return text.length > 5 && !text.split('/').includes('..');
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}

/**
 * `string` with `format: "file-ref"`: a path in the component's `/tmp` directory or a file URL,
 * with a file icon and an example; the field's hint says what is accepted.
 */
function fileRefControl(ctx: FieldContext) {
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

/** `string` with `format: "file-ref"`: a file for the component, by `/tmp` path or URL. */
export const fileRef: KindDef = {
  name: 'file',
  matches: (prop, type) => type === 'string' && prop.format === 'file-ref',
  render: fileRefControl,
  locksItself: true,
  check: ({ bare }) => (isFileRef(String(bare)) ? undefined : { key: 'form.error.fileRef' }),
  // The error says what is wrong; the hint says what is accepted until then.
  hint: (_, t, error) => (error ? undefined : t('form.file.hint')),
};
