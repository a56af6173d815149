import { ComponentsClient } from '@pipedream/sdk/components';
import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { listComponents } from '../../session/catalog-calls.js';
import { componentDefinition } from '../../session/component-calls.js';
import { type ComponentListParams, ConnectSession, bundleForFirstRender } from '../../session/session.js';
import type { Component } from '@pipedream/sdk/browser';
import { markdownFirstLine } from '../shared/markdown-text.js';
import { type ListQuery, PdSelectBase, type SelectTexts } from '../shared/pd-select-base.js';
import { styles } from './pd-component-select.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ components: ComponentsClient });

const PAGE_SIZE = 50;
type Kind = 'action' | 'trigger' | 'any';

/**
 * @tag pd-component-select
 * @summary Pick one of an app's actions or triggers, with server-side search.
 *
 * The same accessible combobox as `<pd-app-select>` (APG keyboard, search that narrows the list
 * at once, paging, windowed list, form association), listing the components of `app`: each
 * option shows the component's name, key and a one-line description. Until `app` is set the
 * input is disabled, with a hint saying why.
 *
 * A visible label names the field: the `label` attribute or the `label` slot, else a translated
 * default by `type` ("Action", "Trigger", "Action or trigger"). `hide-label` hides it from view
 * and keeps it as the input's accessible name.
 *
 * @slot label - The label's content, in place of the `label` text (it stays the input's accessible name).
 *
 * @csspart base - The wrapper around the label, the field and the popup.
 * @csspart label - The label above the field (visually hidden with `hide-label`).
 * @csspart field - The bordered box around the input and its buttons.
 * @csspart input - The `<input role="combobox">`.
 * @csspart clear-button - Clears the selection (shown when there is a value).
 * @csspart toggle-button - The chevron that opens and closes the popup.
 * @csspart hint - "Choose an app first." (no `app`), or a configuration problem.
 * @csspart popup - The floating panel under the field.
 * @csspart listbox - The `role="listbox"` list of components.
 * @csspart option - One component (`role="option"`); also `option-active` and `option-selected`.
 * @csspart option-active - The option under the keyboard cursor or the pointer.
 * @csspart option-selected - The option of the current value.
 * @csspart option-label - A component's name.
 * @csspart option-key - A component's key, e.g. `slack-send-message`.
 * @csspart option-type - The "Action"/"Trigger" badge (without `type`).
 * @csspart option-description - A component's one-line description.
 * @csspart status - "Loading…" and "Loading more…" rows.
 * @csspart empty - "Nothing matches …".
 * @csspart error - The load error, with its retry button.
 * @csspart retry-button - Retries after a load error.
 *
 * @cssstate open - The popup is open.
 * @cssstate loading - A page of components is loading.
 * @cssstate error - Loading failed, or the element is misconfigured.
 * @cssstate has-value - A component is selected.
 * @cssstate disabled - The select is disabled (attribute, disabled fieldset, or no `app`).
 * @cssstate theme-dark - The dark theme applies.
 *
 * @cssprop [--pd-color-surface=#ffffff] - Field and popup background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Active option and hover background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Placeholder, keys, descriptions and status text.
 * @cssprop [--pd-color-border=#d4d4d8] - Field and popup border.
 * @cssprop [--pd-color-accent=#4f46e5] - The selected option's check mark.
 * @cssprop [--pd-color-danger=#b91c1c] - Error text.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Error background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Field and popup corner radius.
 * @cssprop [--pd-radius-small=6px] - Badge and button corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Field shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdComponentChangeEvent} change - The user picked or cleared a component (not when `value` is set by code): `event.value` (and `event.target.value`) is the key, `event.selected` (and the element's `selected`) the Component.
 * @fires {PdErrorEvent} pd-error - Loading components failed after retries (`event.code` `load_failed`): `event.message`, `event.cause`.
 */
export class PdComponentSelect extends PdSelectBase<Component> {
  static override styles = styles;

  /** The app whose components are listed (slug, e.g. `slack`); the select is disabled without it. */
  @property() app?: string;
  /** `action` or `trigger`; without it both are listed. */
  @property() type?: 'action' | 'trigger';

  private get kind(): Kind {
    return this.type === 'action' || this.type === 'trigger' ? this.type : 'any';
  }

  protected override blockedHint(): string | undefined {
    return this.app?.trim() ? undefined : this.t('components.needsApp');
  }

  protected itemValue(component: Component): string {
    return component.key;
  }

  protected itemLabel(component: Component): string {
    return component.name || component.key;
  }

  protected retrieve(session: ConnectSession, key: string, signal: AbortSignal): Promise<Component> {
    return componentDefinition(session, key, signal);
  }

  protected listQuery(session: ConnectSession, term: string): ListQuery<Component> | undefined {
    const app = this.app?.trim();
    if (!app) return undefined;
    const kind = this.kind;
    const params: ComponentListParams = { app, q: term, ...(kind !== 'any' ? { type: kind } : {}) };
    return {
      queryKey: ConnectSession.componentsKey(params),
      fetch: async (cursor) => {
        const page = await listComponents(session, params, cursor, PAGE_SIZE);
        return { items: page.components, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}), ...(page.total !== undefined ? { total: page.total } : {}) };
      },
    };
  }

  protected texts(): SelectTexts {
    const kind = this.kind;
    return this.textsUnder('components', this.t(`components.fieldLabel.${kind}`), this.t(`components.placeholder.${kind}`));
  }

  protected override estimatedRowHeight(): number {
    return 64;
  }

  protected renderOption(component: Component) {
    const type = component.componentType === 'trigger' || component.componentType === 'action' ? component.componentType : undefined;
    // A narrow row shortens the key before the name, and drops it where both cannot fit.
    return html`<span class="flex h-16 min-w-0 flex-1 flex-col justify-center">
      <span class="flex min-w-0 items-baseline gap-2">
        <span part="option-label" dir="auto" class="truncate font-medium">${this.itemLabel(component)}</span>
        ${this.kind === 'any' && type
          ? html`<span part="option-type" class="shrink-0 rounded-full border border-pd-border px-1.5 text-[0.6875rem] font-medium text-pd-muted">${this.t(`components.${type}`)}</span>`
          : nothing}
        <span part="option-key" dir="ltr" class="ms-auto min-w-16 max-w-[45%] shrink-[100] truncate font-mono @max-[22rem]:hidden text-[0.75rem] text-pd-muted">${component.key}</span>
      </span>
      ${component.description
        ? html`<span part="option-description" dir="auto" class="truncate text-[0.8125rem] text-pd-muted">${markdownFirstLine(component.description)}</span>`
        : nothing}
    </span>`;
  }
}

PdComponentSelect.define('pd-component-select');

declare global {
  interface HTMLElementTagNameMap {
    'pd-component-select': PdComponentSelect;
  }
}
