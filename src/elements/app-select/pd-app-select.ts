import { AppsClient } from '@pipedream/sdk/apps';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { listApps } from '../../session/catalog-calls.js';
import { type AppListParams, ConnectSession, bundleForFirstRender } from '../../session/session.js';
import type { App } from '../../session/types.js';
import { renderAppIcon } from '../shared/app-icon.js';
import { type ListQuery, PdSelectBase, type SelectTexts } from '../shared/pd-select-base.js';
import { styles } from './pd-app-select.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ apps: AppsClient });

const PAGE_SIZE = 50;

/**
 * @tag pd-app-select
 * @summary An accessible combobox over the Pipedream app catalog: search, paging, filters and icons.
 *
 * Type to search the catalog on the server: the apps already listed narrow at once while the
 * answer is on its way (the first key press is sent at once, the rest of a burst of typing once
 * it pauses). Scroll to load more: only the options in view are in the DOM, so 2,500 apps stay
 * smooth. Keyboard: ArrowDown/ArrowUp open and move, Alt+ArrowDown opens, Home/End,
 * PageUp/PageDown, Enter selects, Escape closes (a second Escape clears), Tab closes and keeps
 * the value. Form-associated: with a `name` it submits the app slug with its `<form>`, supports
 * `required`, `disabled`, form reset and restore.
 *
 * A visible label names the field: the `label` attribute or the `label` slot, else a translated
 * default ("App"). `hide-label` hides it from view and keeps it as the input's accessible name.
 *
 * @slot label - The label's content, in place of the `label` text (it stays the input's accessible name).
 *
 * @csspart base - The wrapper around the label, the field and the popup.
 * @csspart label - The label above the field (visually hidden with `hide-label`).
 * @csspart field - The bordered box around the input and its buttons.
 * @csspart input - The `<input role="combobox">`.
 * @csspart field-icon - The selected app's logo (or initials) inside the field.
 * @csspart clear-button - Clears the selection (shown when there is a value).
 * @csspart toggle-button - The chevron that opens and closes the popup.
 * @csspart hint - The line under the field (configuration problems).
 * @csspart popup - The floating panel under the field.
 * @csspart listbox - The `role="listbox"` list of apps.
 * @csspart option - One app (`role="option"`); also `option-active` and `option-selected`.
 * @csspart option-active - The option under the keyboard cursor or the pointer.
 * @csspart option-selected - The option of the current value.
 * @csspart option-icon - An app's logo, or its coloured initials until (unless) the logo loads.
 * @csspart option-label - An app's name.
 * @csspart option-description - An app's one-line description.
 * @csspart status - "Loading…" and "Loading more…" rows.
 * @csspart empty - "No apps match …".
 * @csspart error - The load error, with its retry button.
 * @csspart retry-button - Retries after a load error.
 *
 * @cssstate open - The popup is open.
 * @cssstate loading - A page of apps is loading.
 * @cssstate error - Loading failed, or the element is misconfigured.
 * @cssstate has-value - An app is selected.
 * @cssstate disabled - The select is disabled (attribute or a disabled fieldset).
 * @cssstate theme-dark - The dark theme applies.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Field and popup background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Active option and hover background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Placeholder, descriptions and status text.
 * @cssprop [--pd-color-border=#d4d4d8] - Field and popup border.
 * @cssprop [--pd-color-accent=#4f46e5] - The selected option's check mark.
 * @cssprop [--pd-color-danger=#b91c1c] - Error text.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Error background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Field and popup corner radius.
 * @cssprop [--pd-radius-small=6px] - Icon and button corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Field shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdAppChangeEvent} change - The user picked or cleared an app (not when `value` is set by code): `event.value` (and `event.target.value`) is the slug, `event.selected` (and the element's `selected`) the App.
 * @fires {PdErrorEvent} pd-error - Loading apps failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`.
 */
export class PdAppSelect extends PdSelectBase<App> {
  static override styles = styles;

  /** Only apps that have actions. */
  @property({ attribute: 'has-actions', type: Boolean }) hasActions = false;
  /** Only apps that have triggers. */
  @property({ attribute: 'has-triggers', type: Boolean }) hasTriggers = false;
  /** Only apps of this category: its id or its name (e.g. `Communication`). */
  @property() category?: string;
  /** Order of the list: `featured` (default, most popular first) or `name` (A–Z). */
  @property() sort: 'featured' | 'name' = 'featured';

  protected itemValue(app: App): string {
    return app.nameSlug;
  }

  protected itemLabel(app: App): string {
    return app.name || app.nameSlug;
  }

  protected retrieve(session: ConnectSession, slug: string, signal: AbortSignal): Promise<App> {
    return session.app(slug, signal);
  }

  protected listQuery(session: ConnectSession, term: string): ListQuery<App> {
    const params: AppListParams = {
      q: term,
      sort: this.sort === 'name' ? 'name' : 'featured',
      hasActions: this.hasActions,
      hasTriggers: this.hasTriggers,
      ...(this.category ? { category: this.category } : {}),
    };
    return {
      queryKey: ConnectSession.appsKey(params),
      fetch: async (cursor) => {
        const page = await listApps(session, params, cursor, PAGE_SIZE);
        return { items: page.apps, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total !== undefined ? { total: page.total } : {}) };
      },
    };
  }

  protected texts(): SelectTexts {
    return this.textsUnder('apps', this.t('apps.fieldLabel'), this.t('apps.placeholder'));
  }

  protected override estimatedRowHeight(): number {
    return 52;
  }

  protected override renderFieldIcon(app: App | undefined) {
    return app ? renderAppIcon(this, app, 'size-6 text-[0.625rem]', 'field-icon') : nothing;
  }

  protected renderOption(app: App) {
    return html`${renderAppIcon(this, app, 'size-8 text-xs')}
      <span class="flex h-13 min-w-0 flex-1 flex-col justify-center">
        <span part="option-label" dir="auto" class="truncate font-medium">${this.itemLabel(app)}</span>
        ${app.description ? html`<span part="option-description" dir="auto" class="truncate text-[0.8125rem] text-pd-muted">${app.description}</span>` : nothing}
      </span>`;
  }
}

PdAppSelect.define('pd-app-select');

declare global {
  interface HTMLElementTagNameMap {
    'pd-app-select': PdAppSelect;
  }
}
