import { ComponentsClient } from '@pipedream/sdk/components';
import { DeployedTriggersClient } from '@pipedream/sdk/deployedTriggers';
import * as componentReaders from '../../session/read-components.js';
import type { InfiniteData } from '@tanstack/query-core';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdDeployErrorEvent, PdDeploySuccessEvent, PdErrorEvent, PdTriggerDeleteEvent } from '../../events/index.js';
import { describeError, isOutcomeUnknown, errorCode } from '../../session/errors.js';
import { HOST_EXECUTE_TIMEOUT_MS, writeThrough } from '../../session/host-endpoints.js';
import { InfiniteQueryController } from '../../session/query-controller.js';
import { ConnectSession, type DeployedTrigger, type DeployedTriggerPage, bundleForFirstRender } from '../../session/session.js';
import { type FormTexts, PdComponentFormBase, formTexts } from '../form/pd-component-form-base.js';
import { inlineConfirm } from '../shared/inline-confirm.js';
import { styles } from './pd-trigger-form.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ components: ComponentsClient, deployedTriggers: DeployedTriggersClient }, componentReaders);

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

const PAGE_SIZE = 20;
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
 * deployed trigger: name, id, status and created time. Below the form, the user's deployed
 * triggers (of this component, or all of them with `list="all"`) can be deleted after an inline
 * confirmation; the list updates after every deploy and delete, in every element of the page.
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
  @state() private confirming?: string;
  @state() private deleting = new Set<string>();
  @state() private removed = new Set<string>();
  @state() private deleteErrors = new Map<string, string>();

  private readonly query = new InfiniteQueryController<DeployedTriggerPage, string | undefined>(this);
  private listFocus?: () => HTMLElement | null | undefined;

  private get scope(): TriggerListScope {
    return this.list === 'all' || this.list === 'none' ? this.list : 'component';
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.scope === 'none' ? undefined : this.session;
    this.query.setQuery(
      session,
      session && {
        queryKey: ConnectSession.deployedTriggersKey(session.externalUserId),
        queryFn: ({ pageParam }) => session.listDeployedTriggers(pageParam, PAGE_SIZE),
        initialPageParam: undefined,
        getNextPageParam: (last) => last.nextCursor,
      },
    );
    const listPhase = this.listPhase();
    this.setState('deploying', this.busy);
    this.setState('deployed', Boolean(this.deployed));
    this.setState('deploy-error', Boolean(this.deployError));
    this.setState('list-loading', listPhase === 'loading');
    this.setState('list-empty', listPhase === 'empty');
    this.setState('list-error', listPhase === 'error');
    this.setState('confirming', Boolean(this.confirming));
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const error = this.query.newError();
    if (error) this.emit(new PdErrorEvent(errorCode(error, 'list_failed'), describeError(error), error));
    const focus = this.listFocus;
    this.listFocus = undefined;
    focus?.()?.focus();
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
    this.confirming = undefined;
    this.announcement = this.t('trigger.status.deploying', { name });
    const session = this.session;
    const startedAt = Date.now();
    // Triggers already listed are not the one this click deploys.
    const knownIds = new Set(this.listedTriggers.map((trigger) => trigger.id));
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
          return session.deployTrigger(options);
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
        const answer = await session.listDeployedTriggers(cursor, 100);
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

  // ---------------------------------------------------------------- list

  private get listedTriggers(): DeployedTrigger[] {
    const pages = (this.query.result?.data as InfiniteData<DeployedTriggerPage, string | undefined> | undefined)?.pages ?? [];
    return pages
      .flatMap((page) => page.triggers)
      .filter((trigger) => !this.removed.has(trigger.id))
      .filter((trigger) => this.scope === 'all' || fields(trigger).componentKey === this.componentKey);
  }

  private listPhase(): 'none' | 'loading' | 'error' | 'empty' | 'ready' {
    if (this.scope === 'none' || this.configError) return 'none';
    const result = this.query.result;
    if (!result?.data) return result?.isError && !result.isFetching ? 'error' : 'loading';
    return this.listedTriggers.length ? 'ready' : 'empty';
  }

  private find(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  private rowButton(id: string, part: string): HTMLElement | null {
    return this.find(`li[data-id="${CSS.escape(id)}"] [part~="${part}"]`);
  }

  private nameOf(trigger: DeployedTrigger): string {
    const { name, nameSlug, componentKey, id } = fields(trigger);
    return name || nameSlug || componentKey || id;
  }

  private formatDate(seconds: number | undefined, style: 'medium' | 'short' = 'medium'): string {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return '';
    const date = new Date(seconds < 1e12 ? seconds * 1000 : seconds);
    return new Intl.DateTimeFormat(this.localeCode, { dateStyle: 'medium', ...(style === 'short' ? {} : { timeStyle: 'short' }) }).format(date);
  }

  private askDelete(trigger: DeployedTrigger): void {
    if (this.deleting.has(trigger.id)) return;
    this.confirming = trigger.id;
    this.setDeleteError(trigger.id, undefined);
    this.listFocus = () => this.rowButton(trigger.id, 'confirm-button');
  }

  private cancelDelete = (): void => {
    const id = this.confirming;
    if (!id || this.deleting.has(id)) return;
    this.confirming = undefined;
    this.listFocus = () => this.rowButton(id, 'delete-button');
  };

  private setDeleteError(id: string, message: string | undefined): void {
    const errors = new Map(this.deleteErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.deleteErrors = errors;
  }

  private async confirmDelete(trigger: DeployedTrigger): Promise<void> {
    const session = this.session;
    if (!session || this.deleting.has(trigger.id)) return;
    const name = this.nameOf(trigger);
    this.deleting = new Set([...this.deleting, trigger.id]);
    try {
      await session.deleteDeployedTrigger(trigger.id);
      this.removed = new Set([...this.removed, trigger.id]);
      this.confirming = undefined;
      if (this.deployed?.id === trigger.id) this.deployed = undefined;
      this.announcement = this.t('trigger.list.deleted', { name });
      this.listFocus = () => this.find('#pd-trigger-list-title');
      this.emit(new PdTriggerDeleteEvent(trigger));
      void session.invalidateDeployedTriggers();
    } catch (error) {
      this.setDeleteError(trigger.id, this.t('trigger.list.deleteError', { name, detail: describeError(error, this.t) }));
    } finally {
      const deleting = new Set(this.deleting);
      deleting.delete(trigger.id);
      this.deleting = deleting;
    }
  }

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

  private renderConfirm(trigger: DeployedTrigger) {
    const id = trigger.id;
    return inlineConfirm({
      id,
      message: this.t('trigger.list.confirmDelete', { name: this.nameOf(trigger) }),
      confirmLabel: this.t('trigger.list.confirm'),
      busyLabel: this.t('trigger.list.deleting'),
      cancelLabel: this.t('trigger.list.cancel'),
      busy: this.deleting.has(id),
      error: this.deleteErrors.get(id),
      announceError: true,
      onConfirm: () => void this.confirmDelete(trigger),
      onCancel: this.cancelDelete,
    });
  }

  private renderItem(trigger: DeployedTrigger) {
    const { id, active, createdAt, componentKey } = fields(trigger);
    const name = this.nameOf(trigger);
    const confirming = this.confirming === id;
    const created = this.formatDate(createdAt, 'short');
    return html`<li part="trigger" data-id=${id} class="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3">
      <div class="grid min-w-0 flex-[1_1_12rem] gap-0.5">
        <div class="flex min-w-0 flex-wrap items-center gap-2">
          <span class="min-w-0 truncate text-sm font-medium" dir="auto">${name}</span>
          ${this.renderStatus(active)}
        </div>
        <p class="flex min-w-0 flex-wrap gap-x-3 text-[0.8125rem] text-pd-muted">
          <code class="pd-code truncate">${id}</code>
          ${this.scope === 'all' && componentKey ? html`<span class="truncate">${componentKey}</span>` : nothing}
          ${created ? html`<span>${this.t('trigger.list.created', { date: created })}</span>` : nothing}
        </p>
      </div>
      <button
        part="delete-button"
        type="button"
        class="pd-ghost-button ms-auto text-pd-danger"
        aria-label=${this.t('trigger.list.deleteLabel', { name, id })}
        aria-expanded=${confirming ? 'true' : 'false'}
        aria-controls=${confirming ? `confirm-${id}` : nothing}
        @click=${() => (confirming ? this.cancelDelete() : this.askDelete(trigger))}
      >
        ${this.t('trigger.list.delete')}
      </button>
      ${confirming ? this.renderConfirm(trigger) : nothing}
    </li>`;
  }

  private renderListBody() {
    const phase = this.listPhase();
    const result = this.query.result;
    if (phase === 'loading') {
      return html`<div class="grid gap-2 px-4 py-3" aria-hidden="true">
          ${[0, 1].map(() => html`<div class="shimmer grid gap-1.5"><div class="h-3.5 w-40 rounded bg-pd-muted-bg"></div><div class="h-3 w-56 rounded bg-pd-muted-bg"></div></div>`)}
        </div>
        <p class="sr-only">${this.t('trigger.list.loading')}</p>`;
    }
    if (phase === 'error') {
      return html`<div part="list-error" role="alert" class="grid justify-items-start gap-2 px-4 py-3 text-sm">
        <p class="text-pd-danger">${this.t('trigger.list.error', { detail: describeError(result?.error, this.t) })}</p>
        <button type="button" part="list-retry-button" class="pd-secondary-button" @click=${() => void this.query.refetch()}>${this.t('trigger.list.retry')}</button>
      </div>`;
    }
    if (phase === 'empty' && !result?.hasNextPage) return html`<p part="list-empty" class="px-4 py-3 text-sm text-pd-muted">${this.t('trigger.list.empty')}</p>`;
    const items = this.listedTriggers;
    return html`${items.length
        ? html`<ul part="list-items" class="divide-y divide-pd-border" aria-labelledby="pd-trigger-list-title">
            ${repeat(items, (trigger) => trigger.id, (trigger) => this.renderItem(trigger))}
          </ul>`
        : nothing}
      ${result?.hasNextPage
        ? html`<div class="border-t border-pd-border px-4 py-2">
            <button type="button" part="list-more-button" class="pd-ghost-button" aria-disabled=${result.isFetchingNextPage ? 'true' : 'false'} @click=${() => {
              if (!result.isFetchingNextPage) void this.query.fetchNextPage();
            }}>${this.t('trigger.list.loadMore')}</button>
          </div>`
        : nothing}`;
  }

  protected override renderAfter() {
    if (this.listPhase() === 'none') return nothing;
    const refreshing = Boolean(this.query.result?.isFetching && this.query.result.data);
    return html`<section part="list" aria-labelledby="pd-trigger-list-title" aria-busy=${refreshing ? 'true' : 'false'} class="border-t border-pd-border px-5 py-5">
      <h3 id="pd-trigger-list-title" part="list-title" tabindex="-1" class="mb-3 flex items-center gap-2 text-sm font-semibold focus:outline-none">
        ${this.t('trigger.list.title')}${refreshing ? html`<span class="pd-spinner size-3.5 text-pd-muted" aria-hidden="true"></span>` : nothing}
      </h3>
      <div class="overflow-hidden rounded-pd-sm border border-pd-border">${this.renderListBody()}</div>
    </section>`;
  }
}

PdTriggerForm.define('pd-trigger-form');

declare global {
  interface HTMLElementTagNameMap {
    'pd-trigger-form': PdTriggerForm;
  }
}
