import { html } from 'lit';
import { pairRows } from './rows.js';
import type { FieldContext } from './types.js';

interface HttpValue {
  method?: string;
  url?: string;
  headers?: { name: string; value: string }[];
  params?: { name: string; value: string }[];
  auth?: { type?: string; username?: string; password?: string; token?: string };
  body?: { contentType?: string; type?: string; mode?: string; raw?: string };
  [key: string]: unknown;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
const CONTENT_TYPES = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'];
const toRows = (items: HttpValue['headers']): [string, string][] => (Array.isArray(items) ? items.map((item) => [String(item?.name ?? ''), String(item?.value ?? '')]) : []);
const fromRows = (rows: [string, string][]) => rows.map(([name, value]) => ({ name, value }));

/**
 * `http_request`: method, URL, query parameters, headers, authorization and body. The value is
 * `{method, url, params: [{name, value}], headers: [{name, value}], auth, body: {contentType, type: "raw", mode: "raw", raw}}`.
 */
export function httpRequestControl(ctx: FieldContext) {
  const value: HttpValue = ctx.value && typeof ctx.value === 'object' ? (ctx.value as HttpValue) : {};
  const { t } = ctx;
  const patch = (change: Partial<HttpValue>) => ctx.set({ method: 'GET', url: '', ...value, ...change });
  const auth = value.auth?.type ?? 'none';
  const contentType = value.body?.contentType ?? '';
  const sub = (name: string) => `${ctx.id}-${name}`;
  return html`<div part="control http-request" class="grid gap-3">
    <div class="flex flex-wrap gap-2">
      <label class="sr-only" for=${sub('method')}>${t('form.http.method')}</label>
      <select
        id=${sub('method')}
        class="pd-input pd-select w-auto font-mono font-semibold"
        ?disabled=${ctx.locked}
        aria-describedby=${ctx.describedBy}
        @change=${(event: Event) => patch({ method: (event.target as HTMLSelectElement).value })}
      >
        ${METHODS.map((method) => html`<option ?selected=${(value.method ?? 'GET').toUpperCase() === method}>${method}</option>`)}
      </select>
      <input
        id=${ctx.id}
        class="pd-input min-w-0 flex-1 basis-48 font-mono"
        type="url"
        inputmode="url"
        placeholder="https://"
        aria-label=${t('form.http.url')}
        .value=${value.url ?? ''}
        ?readonly=${ctx.locked}
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy}
        @input=${(event: Event) => patch({ url: (event.target as HTMLInputElement).value })}
        @blur=${ctx.touch}
      />
    </div>
    <fieldset class="pd-subgroup">
      <legend class="pd-sublegend">${t('form.http.params')}</legend>
      ${pairRows({ rows: toRows(value.params), firstId: sub('params'), describedBy: ctx.describedBy, invalid: false, locked: ctx.locked, t, onChange: (rows) => patch({ params: fromRows(rows) }) })}
    </fieldset>
    <fieldset class="pd-subgroup">
      <legend class="pd-sublegend">${t('form.http.headers')}</legend>
      ${pairRows({ rows: toRows(value.headers), firstId: sub('headers'), describedBy: ctx.describedBy, invalid: false, locked: ctx.locked, t, onChange: (rows) => patch({ headers: fromRows(rows) }) })}
    </fieldset>
    <fieldset class="pd-subgroup">
      <legend class="pd-sublegend">${t('form.http.auth')}</legend>
      <div class="grid gap-2 @md:grid-cols-3">
        <select
          class="pd-input pd-select"
          aria-label=${t('form.http.auth')}
          ?disabled=${ctx.locked}
          @change=${(event: Event) => {
            const type = (event.target as HTMLSelectElement).value;
            patch({ auth: type === 'none' ? { type: 'none' } : { ...value.auth, type } });
          }}
        >
          <option value="none" ?selected=${auth === 'none'}>${t('form.http.authNone')}</option>
          <option value="basic" ?selected=${auth === 'basic'}>${t('form.http.authBasic')}</option>
          <option value="bearer" ?selected=${auth === 'bearer'}>${t('form.http.authBearer')}</option>
        </select>
        ${auth === 'basic'
          ? html`<input class="pd-input" autocomplete="off" aria-label=${t('form.http.username')} placeholder=${t('form.http.username')} .value=${value.auth?.username ?? ''} ?readonly=${ctx.locked}
                @input=${(event: Event) => patch({ auth: { ...value.auth, type: 'basic', username: (event.target as HTMLInputElement).value } })} />
              <input class="pd-input" type="password" autocomplete="new-password" aria-label=${t('form.http.password')} placeholder=${t('form.http.password')} .value=${value.auth?.password ?? ''} ?readonly=${ctx.locked}
                @input=${(event: Event) => patch({ auth: { ...value.auth, type: 'basic', password: (event.target as HTMLInputElement).value } })} />`
          : auth === 'bearer'
            ? html`<input class="pd-input @md:col-span-2" type="password" autocomplete="new-password" aria-label=${t('form.http.token')} placeholder=${t('form.http.token')} .value=${value.auth?.token ?? ''} ?readonly=${ctx.locked}
                @input=${(event: Event) => patch({ auth: { type: 'bearer', token: (event.target as HTMLInputElement).value } })} />`
            : ''}
      </div>
    </fieldset>
    <fieldset class="pd-subgroup">
      <legend class="pd-sublegend">${t('form.http.body')}</legend>
      <div class="grid gap-2">
        <select
          class="pd-input pd-select"
          aria-label=${t('form.http.contentType')}
          ?disabled=${ctx.locked}
          @change=${(event: Event) => {
            const type = (event.target as HTMLSelectElement).value;
            patch({ body: type ? { ...value.body, contentType: type, type: 'raw', mode: 'raw', raw: value.body?.raw ?? '' } : { contentType: '', type: 'raw', mode: 'raw' } });
          }}
        >
          <option value="" ?selected=${!contentType}>${t('form.http.noBody')}</option>
          ${CONTENT_TYPES.map((type) => html`<option value=${type} ?selected=${contentType === type}>${type}</option>`)}
        </select>
        ${contentType
          ? html`<textarea
              class="pd-input pd-code min-h-24"
              spellcheck="false"
              aria-label=${t('form.http.body')}
              .value=${value.body?.raw ?? ''}
              ?readonly=${ctx.locked}
              @input=${(event: Event) => patch({ body: { ...value.body, contentType, type: 'raw', mode: 'raw', raw: (event.target as HTMLTextAreaElement).value } })}
            ></textarea>`
          : ''}
      </div>
    </fieldset>
  </div>`;
}
