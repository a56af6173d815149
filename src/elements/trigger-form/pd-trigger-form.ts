import { ComponentsClient } from '@pipedream/sdk/components';
import * as componentReaders from '../../session/read-components.js';
import type { InfiniteData } from '@tanstack/query-core';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { PdDeployErrorEvent, PdDeploySuccessEvent, PdErrorEvent, type PdTriggerDeleteEvent, type PdTriggerUpdateEvent } from '../../events/index.js';
import { dateFormat } from '../../i18n/index.js';
import { deployTrigger } from '../../session/component-calls.js';
import { listDeployedTriggers } from '../../session/deployed-trigger-calls.js';
import { describeError, isOutcomeUnknown } from '../../session/errors.js';
import { HOST_EXECUTE_TIMEOUT_MS, writeThrough } from '../../session/host-endpoints.js';
import { ConnectSession, type DeployedTrigger, type DeployedTriggerPage, bundleForFirstRender } from '../../session/session.js';
import { type FormTexts, PdComponentFormBase, formTexts } from '../form/pd-component-form-base.js';
import { styles } from './pd-trigger-form.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ components: ComponentsClient }, componentReaders);

/**
 * `<pd-deployed-triggers>`, loaded when a form first shows its list (beside the component's own
 * requests): the form's own script stays small, and a form with `list="none"` never loads it.
 */
let listModule: Promise<unknown> | undefined;
function loadList(): Promise<unknown> {
  listModule ??= import('../deployed-triggers/pd-deployed-triggers.js').catch((error: unknown) => {
    listModule = undefined;
    throw error;
  });
  return listModule;
}

/** What a `deployCallback` receives: deploy the trigger on your server and resolve with the deployed trigger. */
export interface DeployRequest {
  componentKey: string;
  externalUserId?: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  webhookUrl?: string;
  emitOnDeploy: boolean;
}

export type DeployCallback = (request: DeployRequest) => Promise<DeployedTrigger>;

/** Which deployed triggers the list below the form shows. */
export type TriggerListScope = 'component' | 'all' | 'none';

/** The embedded list's states, mirrored on the form under their older names. */
const LIST_STATES: Record<string, string> = { loading: 'list-loading', empty: 'list-empty', error: 'list-error', confirming: 'confirming' };
/** Clocks of browser and API may differ: a trigger created this long before the click still counts as the click's. */
const CLOCK_SKEW_MS = 60_000;

/** The fields every kind of deployed trigger may carry (the API's `Emitter` is a union). */
interface TriggerFields {
  id: string;
  name?: string;
  nameSlug?: string;
  componentKey?: string;
  active?: boolean;
  createdAt?: number;
}

const fields = (trigger: DeployedTrigger) => trigger as unknown as TriggerFields;

/** A deploy endpoint answers like `triggers.deploy` on the wire (`{data: {…snake_case}}`); the element works with the SDK's camelCase. */
function fromWire(body: unknown): DeployedTrigger {
  const outer = body as { data?: unknown } | undefined;
  const data = (outer && typeof outer === 'object' && outer.data && typeof outer.data === 'object' ? outer.data : body) as Record<string, unknown> | undefined;
  if (!data || typeof data !== 'object' || typeof data.id !== 'string') throw new Error('The deploy endpoint answered something that is not a deployed trigger');
  const camel = Object.fromEntries(Object.entries(data).map(([key, value]) => [key.replace(/_([a-z])/g, (_, char: string) => char.toUpperCase()), value]));
  return camel as unknown as DeployedTrigger;
}

/**
 * @summary A form that configures and deploys one Pipedream Connect trigger, with the user's deployed triggers below it.
 *
 * Loads the trigger given by `component-key` and renders its configurable props with the same
 * controls as `<pd-action-form>`: accounts, remote options, dynamic props, and `$.interface.timer`
 * schedules (an interval or a cron expression). Submitting validates every field, fires the
 * cancelable `pd-submit`, then deploys the trigger through the Connect API with `webhook-url` and
 * `emit-on-deploy` (or through the host's `deploy-endpoint` / `deployCallback`), and shows the
 * deployed trigger: name, id, status and created time. Below the form, a `<pd-deployed-triggers>`
 * lists the user's deployed triggers (of this component, or all of them with `list="all"`): each
 * can be paused, resumed, renamed and deleted, and shows its recent events and webhooks; the list
 * updates after every deploy, change and delete, in every element of the page.
 *
 * @tag pd-trigger-form
 *
 * @slot header - Replaces the trigger's name and description above the fields.
 *
 * @csspart base - The card around everything.
 * @csspart header - The trigger's name and description.
 * @csspart form - The `<form>`.
 * @csspart field - One prop's field (label, description, control, error).
 * @csspart label - A field's label (or legend).
 * @csspart description - A field's description (sanitized markdown).
 * @csspart control - The input, select, textarea or group of inputs of a field.
 * @csspart input - A text-like input (`file-ref` on a file path or URL input).
 * @csspart cron - The cron expression input of a schedule.
 * @csspart timezone - The time zone select of a cron schedule.
 * @csspart field-error - A field's validation or loading error.
 * @csspart hint - A field's hint (waiting for another field, JSON fallback note).
 * @csspart alert - An `alert` prop (also `alert-info`, `alert-neutral`, `alert-warning`, `alert-error`).
 * @csspart note - A prop Pipedream provides itself (database, HTTP interface, app hook).
 * @csspart optional - The "Optional fields" disclosure.
 * @csspart error-summary - The list of fields to fix, shown after a failed submit.
 * @csspart submit-button - The deploy button.
 * @csspart deployed - The panel showing the trigger that was just deployed.
 * @csspart deployed-details - Its name, id, status, created time and webhook URL.
 * @csspart deploy-error - The panel showing why the deploy failed.
 * @csspart error - A load or configuration error.
 * @csspart retry-button - Retry after a load error.
 * @csspart listbox - The open options list of a remote-options field.
 * @csspart option - One option of that list (`option-custom`: the typed text offered as a value).
 * @csspart load-more - "Load more" at the end of that list.
 * @csspart list - The section listing the user's deployed triggers.
 * @csspart list-title - Its heading.
 * @csspart list-items - The `<ul>` of deployed triggers.
 * @csspart trigger - One deployed trigger in the list.
 * @csspart status - A trigger's Active / Paused badge.
 * @csspart list-empty - The text shown when nothing is deployed.
 * @csspart list-error - The list's load error (with `list-retry-button`).
 * @csspart list-retry-button - Reloads the list after an error.
 * @csspart list-more-button - Loads the next page of the list.
 * @csspart delete-button - A trigger's Delete button.
 * @csspart pause-button - A trigger's Pause / Resume button.
 * @csspart rename-button - A trigger's Rename button.
 * @csspart details-button - Opens a trigger's events and webhooks.
 * @csspart details - The panel with a trigger's events and webhooks.
 * @csspart confirm - The inline confirmation of a delete.
 * @csspart confirm-button - The button that confirms a delete.
 * @csspart cancel-button - The button that cancels a delete.
 *
 * @cssstate loading - The component is loading.
 * @cssstate ready - The form is shown.
 * @cssstate error - Loading failed, the component does not exist, or the element is misconfigured.
 * @cssstate invalid - A submit was attempted and some fields need fixing.
 * @cssstate deploying - The trigger is being deployed.
 * @cssstate deployed - A deployed trigger is shown.
 * @cssstate deploy-error - The last deploy failed.
 * @cssstate list-loading - The deployed-trigger list is loading.
 * @cssstate list-empty - The list loaded and has nothing to show.
 * @cssstate list-error - The list could not be loaded.
 * @cssstate confirming - A delete is waiting for confirmation.
 *
 * @cssprop [--pd-color-background=#ffffff] - Input background.
 * @cssprop [--pd-color-surface=#ffffff] - Card background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Read-only inputs, code and list background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Descriptions and hints.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders.
 * @cssprop [--pd-color-accent=#4f46e5] - Deploy button, links, focus accents.
 * @cssprop --pd-color-accent-hover - Deploy button on hover (default: the accent, a step darker, or lighter under black text).
 * @cssprop --pd-color-on-accent - Deploy button text (default: white or black, whichever reads better on the accent).
 * @cssprop [--pd-color-danger=#b91c1c] - Errors and the delete confirmation.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Error panels.
 * @cssprop [--pd-color-success=#15803d] - Success heading and the Active badge.
 * @cssprop [--pd-color-success-surface=#f0fdf4] - Success panel.
 * @cssprop [--pd-color-warning=#a16207] - Warning alerts.
 * @cssprop [--pd-color-warning-surface=#fefce8] - Warning alert background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Card corner radius.
 * @cssprop [--pd-radius-small=6px] - Input and button corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Card shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 *
 * @fires {PdPropsChangeEvent} pd-props-change - The user edited a field: `event.configuredProps`, `event.propName`, `event.dynamicPropsId`.
 * @fires {PdSubmitEvent} pd-submit - The user submitted a valid form; cancelable: `preventDefault()` stops the deploy. `event.configuredProps`, `event.dynamicPropsId`, `event.componentKey`.
 * @fires {PdDeploySuccessEvent} pd-deploy-success - The trigger was deployed: `event.trigger` (`id`, `name`, `active`, `createdAt`, …), `event.configuredProps`.
 * @fires {PdDeployErrorEvent} pd-deploy-error - The deploy failed: `event.message`, `event.cause`.
 * @fires {PdTriggerUpdateEvent} pd-trigger-update - The user paused, resumed or renamed a deployed trigger in the list: `event.trigger`, `event.changes`.
 * @fires {PdTriggerDeleteEvent} pd-trigger-delete - The user confirmed deleting a deployed trigger and it was deleted: `event.trigger`.
 * @fires {PdErrorEvent} pd-error - The component could not be loaded (`load_failed`, `not_found`), `configured-props` is not valid JSON (`invalid_configured_props`), or the deployed-trigger list failed to load (`list_failed`).
 * @fires {PdConnectStartEvent} pd-connect-start - An account field is about to open the Connect flow; cancelable.
 * @fires {PdConnectSuccessEvent} pd-connect-success - An account was connected from an account field.
 * @fires {PdConnectErrorEvent} pd-connect-error - Connecting from an account field failed or was cancelled.
 * @fires {PdConnectCloseEvent} pd-connect-close - The Connect page closed.
 */
export class PdTriggerForm extends PdComponentFormBase {
  static override styles = styles;

  protected readonly texts: FormTexts = formTexts('trigger', 'trigger.deploying');

  /** Where the deployed trigger POSTs its events (absolute URL). */
  @property({ attribute: 'webhook-url' }) webhookUrl?: string;
  /** Emit sample events while deploying (default true; `emit-on-deploy="false"` turns it off). */
  @property({ attribute: 'emit-on-deploy', converter: { fromAttribute: (value: string | null) => value !== 'false', toAttribute: (value: boolean) => String(value) } })
  emitOnDeploy = true;
  /** Your server's deploy endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, webhook_url, emit_on_deploy}` and answers like `triggers.deploy` (`{data: {…}}`). */
  @property({ attribute: 'deploy-endpoint' }) deployEndpoint?: string;
  /** Deploys the trigger through your own code instead of the Connect API. */
  @property({ attribute: false }) deployCallback?: DeployCallback;
  /** The deployed triggers listed below the form: `component` (this trigger's, the default), `all`, or `none`. */
  @property() list: TriggerListScope = 'component';

  @state() private deployed?: DeployedTrigger;
  @state() private deployError?: string;
  private get scope(): TriggerListScope {
    return this.list === 'all' || this.list === 'none' ? this.list : 'component';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.setState('deploying', this.busy);
    this.setState('deployed', Boolean(this.deployed));
    this.setState('deploy-error', Boolean(this.deployError));
    // No list is shown: none of its states holds.
    if (this.scope === 'none' || this.configError) for (const name of Object.values(LIST_STATES)) this.setState(name, false);
    else if (!customElements.get('pd-deployed-triggers')) {
      // Until the list's module is here, the list is loading; then the list reports its own states.
      this.setState('list-loading', true);
      loadList().then(
        () => this.requestUpdate(),
        () => this.setState('list-loading', false),
      );
    }
  }

  // ---------------------------------------------------------------- deploy

  protected override async submitValid(configuredProps: Record<string, unknown>, dynamicPropsId: string | undefined): Promise<void> {
    const key = this.componentKey ?? '';
    const name = this.form.component?.name ?? key;
    const webhookUrl = this.webhookUrl || undefined;
    const emitOnDeploy = this.emitOnDeploy !== false;
    this.busy = true;
    this.deployed = undefined;
    this.deployError = undefined;
    this.announcement = this.t('trigger.status.deploying', { name });
    const session = this.session;
    const startedAt = Date.now();
    // Triggers already listed are not the one this click deploys.
    const knownIds = this.cachedTriggerIds();
    try {
      const { deployCallback, deployEndpoint } = this;
      const options = { componentKey: key, configuredProps, ...(dynamicPropsId ? { dynamicPropsId } : {}), ...(webhookUrl ? { webhookUrl } : {}), emitOnDeploy };
      const trigger = await writeThrough<DeployedTrigger>({
        callback: deployCallback && (() => deployCallback({ ...options, externalUserId: this.config.externalUserId })),
        endpoint: deployEndpoint
          ? {
              what: 'deploy',
              url: deployEndpoint,
              body: {
                id: key,
                external_user_id: this.config.externalUserId,
                configured_props: configuredProps,
                dynamic_props_id: dynamicPropsId,
                webhook_url: webhookUrl,
                emit_on_deploy: emitOnDeploy,
              },
              timeoutMs: HOST_EXECUTE_TIMEOUT_MS,
              read: fromWire,
            }
          : undefined,
        api: () => {
          if (!session) throw new Error(this.configError ?? 'No session');
          return deployTrigger(session, options);
        },
      });
      this.deployed = trigger;
      this.announcement = this.t('trigger.status.deployed', { name: fields(trigger).name ?? name });
      this.emit(new PdDeploySuccessEvent(trigger, configuredProps));
      void session?.invalidateDeployedTriggers();
    } catch (error) {
      const detail = describeError(error, this.t);
      if (!(isOutcomeUnknown(error))) {
        this.deployError = this.t('trigger.deployError', { detail });
        this.announcement = this.deployError;
        this.emit(new PdDeployErrorEvent(describeError(error), error));
        return;
      }
      // The deploy may have happened: look before offering to deploy again, and never re-send it.
      this.announcement = this.t('trigger.deployChecking', { detail });
      const found = session ? await this.findDeployedSince(session, key, startedAt, knownIds) : 'unknown';
      if (found !== 'unknown' && found !== 'none') {
        this.deployed = found;
        this.announcement = this.t('trigger.deployFoundAfterError', { detail });
        this.emit(new PdDeploySuccessEvent(found, configuredProps));
        void session?.invalidateDeployedTriggers();
        return;
      }
      const notDeployed = found === 'none';
      this.deployError = this.t(notDeployed ? 'trigger.deployNotFound' : 'trigger.deployUnknown', { detail });
      this.announcement = this.deployError;
      this.emit(new PdDeployErrorEvent(describeError(error), error, !notDeployed));
      void session?.invalidateDeployedTriggers();
    } finally {
      this.busy = false;
    }
  }

  /**
   * After a deploy with no clear answer: the trigger of this component that appeared since the
   * click, `none` when the list shows none, `unknown` when the list cannot be read either.
   */
  private async findDeployedSince(session: ConnectSession, key: string, startedAt: number, knownIds: Set<string>): Promise<DeployedTrigger | 'none' | 'unknown'> {
    try {
      let cursor: string | undefined;
      // A user has few deployed triggers; a bound keeps a broken cursor from looping.
      for (let page = 0; page < 10; page++) {
        const answer = await listDeployedTriggers(session, cursor, 100);
        const match = answer.triggers.find((trigger) => {
          const { componentKey, createdAt } = fields(trigger);
          const created = typeof createdAt === 'number' ? (createdAt < 1e12 ? createdAt * 1000 : createdAt) : undefined;
          return !knownIds.has(trigger.id) && componentKey === key && created !== undefined && created >= startedAt - CLOCK_SKEW_MS;
        });
        if (match) return match;
        cursor = answer.nextCursor;
        if (!cursor) return 'none';
      }
      return 'unknown';
    } catch {
      return 'unknown';
    }
  }

  private nameOf(trigger: DeployedTrigger): string {
    const { name, nameSlug, componentKey, id } = fields(trigger);
    return name || nameSlug || componentKey || id;
  }

  private formatDate(seconds: number | undefined): string {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
    const date = new Date(seconds < 1e12 ? seconds * 1000 : seconds);
    return dateFormat(this.localeCode, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  }

  /** The ids of this user's deployed triggers already in the page's cache: none of them is the one a click deploys. */
  private cachedTriggerIds(): Set<string> {
    const session = this.session;
    const data = session?.queryClient?.getQueryData<InfiniteData<DeployedTriggerPage, string | undefined>>(ConnectSession.deployedTriggersKey(session.externalUserId));
    return new Set(data?.pages.flatMap((page) => page.triggers.map((trigger) => trigger.id)) ?? []);
  }

  // ---------------------------------------------------------------- list

  /** The embedded list's states, under the names the form has always had. */
  private readonly mirrorListState = (name: string, on: boolean): void => {
    const mirrored = LIST_STATES[name];
    if (mirrored) this.setState(mirrored, on);
  };

  /** The embedded list reports a failed load as the form's `list_failed`. */
  private readonly onListError = (event: PdErrorEvent): void => {
    if (event.target === this) return;
    event.stopPropagation();
    this.emit(new PdErrorEvent(event.code === 'load_failed' ? 'list_failed' : event.code, event.message, event.cause));
  };

  /** A trigger deleted or changed in the list is no longer shown as it was just deployed. */
  private readonly onListDelete = (event: PdTriggerDeleteEvent): void => {
    if (this.deployed?.id === event.trigger.id) this.deployed = undefined;
  };

  private readonly onListUpdate = (event: PdTriggerUpdateEvent): void => {
    if (this.deployed?.id === event.trigger.id) this.deployed = event.trigger;
  };

  // ---------------------------------------------------------------- render

  private renderStatus(active: boolean | undefined) {
    if (active === undefined) return nothing;
    return html`<span
      part="status"
      data-active=${active ? 'true' : 'false'}
      class="inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ${active ? 'bg-pd-success-bg text-pd-success' : 'bg-pd-muted-bg text-pd-muted'}"
    >
      <span class="size-1.5 rounded-full bg-current" aria-hidden="true"></span>${active ? this.t('trigger.active') : this.t('trigger.inactive')}
    </span>`;
  }

  private renderHeading(failed: boolean, text: string) {
    return html`<h3 id="deploy-result-title" class="flex items-center gap-2 text-sm font-semibold ${failed ? 'text-pd-danger' : 'text-pd-success'}">
      <svg class="size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
        ${failed
          ? svg`<path fill-rule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clip-rule="evenodd" />`
          : svg`<path fill-rule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z" clip-rule="evenodd" />`}
      </svg>
      ${text}
    </h3>`;
  }

  protected override renderOutcome() {
    if (this.busy) {
      return html`<div part="deployed" class="flex items-center gap-2 rounded-pd-sm border border-pd-border px-4 py-3 text-sm text-pd-muted" aria-busy="true">
        <span class="pd-spinner" aria-hidden="true"></span>${this.t('trigger.deploying')}
      </div>`;
    }
    if (this.deployError) {
      return html`<section part="deploy-error" role="alert" aria-labelledby="deploy-result-title" class="grid gap-2 rounded-pd border border-pd-danger/40 p-4">
        ${this.renderHeading(true, this.t('trigger.deployFailed'))}
        <p class="rounded-pd-sm bg-pd-danger-bg px-3 py-2 font-mono text-[0.8125rem] break-words whitespace-pre-wrap text-pd-danger">${this.deployError}</p>
      </section>`;
    }
    const trigger = this.deployed;
    if (!trigger) return nothing;
    const { id, active, createdAt } = fields(trigger);
    const row = (label: string, value: unknown) => html`<div class="grid min-w-0 gap-0.5 @sm:grid-cols-[8rem_1fr] @sm:gap-3">
      <dt class="text-[0.8125rem] text-pd-muted">${label}</dt>
      <dd class="min-w-0 text-sm break-words">${value}</dd>
    </div>`;
    return html`<section part="deployed" aria-labelledby="deploy-result-title" class="grid gap-3 rounded-pd border border-pd-success/40 bg-pd-success-bg/40 p-4">
      ${this.renderHeading(false, this.t('trigger.deployed'))}
      <dl part="deployed-details" class="grid gap-2">
        ${row(this.t('trigger.field.name'), html`<span class="font-medium" dir="auto">${this.nameOf(trigger)}</span>`)}
        ${row(this.t('trigger.field.id'), html`<code class="pd-code rounded bg-pd-muted-bg px-1.5 py-0.5">${id}</code>`)}
        ${active !== undefined ? row(this.t('trigger.field.status'), this.renderStatus(active)) : nothing}
        ${createdAt !== undefined ? row(this.t('trigger.field.created'), this.formatDate(createdAt)) : nothing}
        ${row(this.t('trigger.field.webhook'), this.webhookUrl ? html`<span class="font-mono text-[0.8125rem]">${this.webhookUrl}</span>` : html`<span class="text-pd-muted">${this.t('trigger.noWebhook')}</span>`)}
      </dl>
    </section>`;
  }

  protected override renderAfter() {
    if (this.scope === 'none' || this.configError) return nothing;
    const config = this.config;
    return html`<div class="border-t border-pd-border px-5 py-5">
      <pd-deployed-triggers
        exportparts="base:list, title:list-title, items:list-items, trigger, status, empty:list-empty, error:list-error, retry-button:list-retry-button, more-button:list-more-button, delete-button, confirm, confirm-button, cancel-button, pause-button, rename-button, details-button, details"
        component-key=${ifDefined(this.scope === 'all' ? undefined : this.componentKey)}
        .externalUserId=${config.externalUserId}
        .tokenEndpoint=${config.tokenEndpoint}
        .tokenCallback=${config.tokenCallback}
        .token=${config.token}
        .environment=${config.environment}
        .baseUrl=${config.baseUrl}
        .frontendHost=${config.frontendHost}
        .tokenTimeout=${config.tokenTimeout}
        .locale=${config.locale}
        .theme=${config.theme}
        .oauthAppConfig=${config.oauthAppConfig}
        .strings=${config.strings}
        .stateMirror=${this.mirrorListState}
        @pd-error=${this.onListError}
        @pd-trigger-delete=${this.onListDelete}
        @pd-trigger-update=${this.onListUpdate}
      ></pd-deployed-triggers>
    </div>`;
  }
}

PdTriggerForm.define('pd-trigger-form');

declare global {
  interface HTMLElementTagNameMap {
    'pd-trigger-form': PdTriggerForm;
  }
}
