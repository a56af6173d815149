import { html, nothing } from 'lit';
import type { Account } from '../../../session/types.js';
import type { AppState } from '../account-fields.js';
import type { FieldContext } from './types.js';

export interface AppControlHooks {
  state: AppState | undefined;
  appName: string;
  connect: (opener: HTMLElement) => void;
  retry: () => void;
}

const accountLabel = (ctx: FieldContext, account: Account) => {
  const name = account.name || account.id;
  return account.healthy === false || account.dead === true ? ctx.t('form.app.unhealthy', { account: name }) : name;
};

/** The select's empty choice: loading, choose, none connected, or (the list failed) nothing known. */
function placeholder(ctx: FieldContext, state: AppState | undefined, count: number, appName: string) {
  if (count) return ctx.t('form.app.choose');
  if (state?.error) return ctx.t('form.app.unavailable');
  return !state || state.loading ? ctx.t('form.app.loading') : ctx.t('form.app.none', { app: appName });
}

/**
 * `app`: one of the user's accounts of the prop's app (every page), or a new one connected
 * inline. The value is `{authProvisionId: "apn_…"}`. The list follows the session's shared
 * account cache, so accounts connected or disconnected elsewhere on the page come and go; a
 * selected account that went stays selected, named as disconnected (the form marks it invalid).
 */
export function appControl(ctx: FieldContext, hooks: AppControlHooks) {
  const { t } = ctx;
  const state = hooks.state;
  if (state?.noAuth) return html`<output part="control app" class="pd-alert" data-alert="neutral" id=${ctx.id} aria-describedby=${ctx.describedBy}>${t('form.app.noAuth', { app: hooks.appName })}</output>`;
  const accounts = state?.accounts ?? [];
  const current = (ctx.value as { authProvisionId?: string } | undefined)?.authProvisionId;
  const known = accounts.some((account) => account.id === current);
  const loading = !state || state.loading;
  const missing = state?.missing;
  // The selected account the list does not hold (yet, or any more): its name rather than a bare id where the form knows it.
  const missingLabel = missing?.gone
    ? t('form.app.gone', { account: missing.name ?? missing.id })
    : (missing?.name ?? (loading ? t('form.app.loading') : current));
  return html`<div part="control app" class="grid gap-2">
    <div class="flex flex-wrap items-center gap-2">
      <select
        part="select"
        class="pd-input pd-select min-w-0 flex-1 basis-56"
        id=${ctx.id}
        ?disabled=${ctx.locked}
        aria-busy=${loading ? 'true' : 'false'}
        aria-invalid=${ctx.invalid ? 'true' : 'false'}
        aria-describedby=${ctx.describedBy}
        aria-required=${ctx.prop.optional ? 'false' : 'true'}
        @change=${(event: Event) => {
          const id = (event.target as HTMLSelectElement).value;
          ctx.set(id ? { authProvisionId: id } : undefined);
          ctx.touch();
        }}
      >
        <option value="" ?selected=${!current}>${placeholder(ctx, state, accounts.length, hooks.appName)}</option>
        ${current && !known ? html`<option value=${current} selected>${missingLabel}</option>` : nothing}
        ${accounts.map((account) => html`<option value=${account.id} ?selected=${account.id === current}>${accountLabel(ctx, account)}</option>`)}
      </select>
      <button
        type="button"
        part="connect-button"
        class="pd-secondary-button"
        aria-disabled=${state?.connecting ? 'true' : 'false'}
        ?disabled=${ctx.locked}
        @click=${(event: Event) => {
          if (!state?.connecting) hooks.connect(event.currentTarget as HTMLElement);
        }}
      >
        ${state?.connecting ? html`<span class="pd-spinner" aria-hidden="true"></span>${t('form.app.connecting')}` : accounts.length ? t('form.app.connectNew') : t('form.app.connect', { app: hooks.appName })}
      </button>
    </div>
    ${state?.error
      ? html`<p part="field-error" class="pd-inline-error" role="alert">${t('form.app.error', { detail: state.error })}
          <button type="button" part="retry-button" class="pd-link-button" @click=${hooks.retry}>${t('form.retry')}</button></p>`
      : nothing}
    ${state?.connectError ? html`<p part="field-error" class="pd-inline-error" role="alert">${state.connectError}</p>` : nothing}
  </div>`;
}
