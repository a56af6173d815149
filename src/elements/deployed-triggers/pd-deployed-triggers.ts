import { DeployedTriggersClient } from '@pipedream/sdk/deployedTriggers';
import type { InfiniteData } from '@tanstack/query-core';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { PdElement } from '../../base/pd-element.js';
import { PdErrorEvent, PdTriggerDeleteEvent, PdTriggerUpdateEvent } from '../../events/index.js';
import { enDeployedTriggers } from '../../i18n/en-deployed-triggers.js';
import { addEnglishStrings, dateFormat } from '../../i18n/index.js';
import { deleteDeployedTrigger, listDeployedTriggerEvents, listDeployedTriggerWebhooks, listDeployedTriggers, updateDeployedTrigger } from '../../session/deployed-trigger-calls.js';
import { describeError, errorCode, isOutcomeUnknown } from '../../session/errors.js';
import { InfiniteQueryController } from '../../session/query-controller.js';
import * as componentReaders from '../../session/read-components.js';
import {
  ConnectSession,
  type DeployedTrigger,
  type DeployedTriggerChanges,
  type DeployedTriggerPage,
  type TriggerEvent,
  bundleForFirstRender,
} from '../../session/session.js';
import { spinner } from '../shared/icons.js';
import { inlineConfirm } from '../shared/inline-confirm.js';
import { styles } from './pd-deployed-triggers.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ deployedTriggers: DeployedTriggersClient }, componentReaders);
addEnglishStrings(enDeployedTriggers);

/** Triggers per page of the shared query: one size for every element listing deployed triggers, so they share pages. */
export const TRIGGER_PAGE_SIZE = 20;
/** Events asked for when a trigger's events open, and how many more "Show older events" asks for. */
const EVENTS_STEP = 10;
/** The most events the API keeps and answers. */
const EVENTS_MAX = 100;
/** A payload longer than this is cut when shown: a page stays responsive with huge events. */
const PAYLOAD_MAX_CHARS = 20_000;
/** Bounds of `refresh-interval`, in seconds. */
const MIN_INTERVAL = 5;
const MAX_INTERVAL = 3600;

type Phase = 'config' | 'loading' | 'error' | 'empty' | 'ready';
type Pending = 'active' | 'name' | 'delete';

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

/** What an open trigger shows below its row: its events and webhooks, each loaded on its own. */
interface Details {
  limit: number;
  events?: TriggerEvent[];
  eventsError?: string;
  eventsLoading: boolean;
  /** Counts loads: an answer to an older one is dropped. */
  eventsTicket: number;
  webhooks?: string[];
  webhooksError?: string;
  webhooksLoading: boolean;
}

/** A payload as indented JSON text (rendered as text, never as markup). */
function payloadText(payload: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(payload, null, 2) ?? String(payload);
  } catch {
    text = String(payload);
  }
  return text.length > PAYLOAD_MAX_CHARS ? `${text.slice(0, PAYLOAD_MAX_CHARS)}\n…` : text;
}

/**
 * @tag pd-deployed-triggers
 * @summary The user's deployed triggers: pause, resume, rename and delete them, and see their recent events and webhooks.
 *
 * Lists the deployed triggers of the configured external user (all of them, or those of one
 * `component-key`), 20 at a time with "Show more triggers". Each trigger can be paused or resumed,
 * renamed inline (Enter saves, Escape cancels) and deleted after an inline confirmation; its
 * recent events (newest first, each with its JSON payload) and its webhook URLs open below it.
 * Every write is sent once per click and never retried: when its answer is lost, the element says
 * that the outcome is unknown and reads the list again. Every element of the page listing the same
 * user's triggers shares one request and one cache: a trigger deployed by a `<pd-trigger-form>`
 * appears without a reload. Refresh reloads the list and the open events; `refresh-interval`
 * does so on a timer while the page is visible.
 *
 * @csspart base - The card around everything.
 * @csspart header - The title row with the Refresh button.
 * @csspart title - The heading.
 * @csspart refresh-button - Reloads the list and the open events.
 * @csspart items - The `<ul>` of deployed triggers.
 * @csspart trigger - One deployed trigger's `<li>` (`data-id` is its id).
 * @csspart name - A trigger's name.
 * @csspart meta - The line with its id, component and created date.
 * @csspart status - A trigger's Active / Paused badge.
 * @csspart actions - A trigger's buttons.
 * @csspart details-button - Opens and closes a trigger's events and webhooks.
 * @csspart pause-button - Pauses or resumes a trigger.
 * @csspart rename-button - Starts renaming a trigger.
 * @csspart rename - The inline rename editor.
 * @csspart name-input - Its text input.
 * @csspart save-button - Saves the new name.
 * @csspart cancel-rename-button - Cancels renaming.
 * @csspart field-error - Why the new name cannot be saved.
 * @csspart delete-button - A trigger's Delete button.
 * @csspart confirm - The inline confirmation of a delete.
 * @csspart confirm-button - The button that confirms a delete.
 * @csspart cancel-button - The button that cancels a delete.
 * @csspart item-error - The message under a trigger whose change failed or has an unknown outcome.
 * @csspart details - The panel with a trigger's events and webhooks.
 * @csspart events - The list of its recent events.
 * @csspart event - One event (a disclosure).
 * @csspart event-summary - An event's summary and time.
 * @csspart event-payload - An event's JSON payload.
 * @csspart events-more-button - Loads older events.
 * @csspart events-refresh-button - Reloads a trigger's events.
 * @csspart webhooks - The list of a trigger's webhook URLs.
 * @csspart webhook - One webhook URL.
 * @csspart details-error - Why the events or webhooks could not be loaded.
 * @csspart more-button - Loads the next page of triggers.
 * @csspart empty - The text shown when nothing is deployed.
 * @csspart error - The load error (or configuration error) message.
 * @csspart retry-button - Retry after a load error.
 * @csspart skeleton - A placeholder row while loading.
 *
 * @cssstate loading - The first page is loading.
 * @cssstate empty - Loaded, and there are no deployed triggers to show.
 * @cssstate error - Loading failed, or the element is misconfigured.
 * @cssstate ready - Triggers are shown.
 * @cssstate confirming - A delete is waiting for confirmation.
 * @cssstate renaming - A trigger's name is being edited.
 *
 * @cssprop [--pd-color-background=#ffffff] - Input background.
 * @cssprop [--pd-color-surface=#ffffff] - Card background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Header, payload and skeleton background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Secondary text.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders and row dividers.
 * @cssprop [--pd-color-accent=#4f46e5] - Buttons' text.
 * @cssprop [--pd-color-danger=#b91c1c] - Errors, Delete and the delete confirmation.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Confirmation background.
 * @cssprop [--pd-color-success=#15803d] - The Active badge's text.
 * @cssprop [--pd-color-success-surface=#f0fdf4] - The Active badge's background.
 * @cssprop [--pd-color-focus=#6366f1] - Focus ring.
 * @cssprop [--pd-radius=10px] - Card corner radius.
 * @cssprop [--pd-radius-small=6px] - Input, button and badge corner radius.
 * @cssprop [--pd-shadow=0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1)] - Card shadow.
 * @cssprop [--pd-font-family=system-ui] - Font.
 * @cssprop [--pd-font-size=14px] - Base font size.
 *
 * @fires {PdTriggerUpdateEvent} pd-trigger-update - The user paused, resumed or renamed a trigger and the API confirmed it: `event.trigger`, `event.changes` (`{active}` or `{name}`).
 * @fires {PdTriggerDeleteEvent} pd-trigger-delete - The user confirmed deleting a trigger and it was deleted: `event.trigger`.
 * @fires {PdErrorEvent} pd-error - The list could not be loaded (`load_failed`, `token_failed`) or the element is misconfigured (`config_invalid`).
 */
export class PdDeployedTriggers extends PdElement {
  static override styles = styles;

  /** Only the triggers deployed from this component (e.g. `slack-new-message-in-channels`); all of the user's when unset. */
  @property({ attribute: 'component-key' }) componentKey?: string;
  /** Reloads the list and the open events every this many seconds (5 to 3600) while the page is visible; 0, the default, never. */
  @property({ attribute: 'refresh-interval', type: Number }) refreshInterval = 0;
  /** @internal The embedding trigger form mirrors the list's states as its own. */
  @property({ attribute: false }) stateMirror?: (state: string, on: boolean) => void;

  @state() private announcement = '';
  @state() private confirming?: string;
  @state() private renaming?: string;
  @state() private draft = '';
  @state() private draftError?: string;
  @state() private open = new Set<string>();
  @state() private pending = new Map<string, Pending>();
  @state() private rowErrors = new Map<string, string>();
  @state() private removed = new Set<string>();
  private readonly details = new Map<string, Details>();

  private readonly query = new InfiniteQueryController<DeployedTriggerPage, string | undefined>(this);
  private focusAfterUpdate?: () => HTMLElement | null | undefined;
  private previousPhase?: Phase;
  private pollTimer?: ReturnType<typeof setTimeout>;
  private pollOverdue = false;

  protected override validateConfig(): string | undefined {
    const shared = super.validateConfig();
    if (shared) return this.t('deployedTriggers.configInvalid', { detail: shared });
    if (!this.intervalValid()) {
      return this.t('deployedTriggers.configInvalid', { detail: this.t('deployedTriggers.badInterval', { value: String(this.refreshInterval) }) });
    }
    return undefined;
  }

  private intervalValid(): boolean {
    const seconds = this.refreshInterval;
    return seconds === 0 || (Number.isFinite(seconds) && seconds >= MIN_INTERVAL && seconds <= MAX_INTERVAL);
  }

  protected override setState(name: string, on: boolean): void {
    super.setState(name, on);
    this.stateMirror?.(name, on);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedulePoll();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('visibilitychange', this.onVisibility);
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const session = this.configError ? undefined : this.session;
    this.query.setQuery(
      session,
      session && {
        queryKey: ConnectSession.deployedTriggersKey(session.externalUserId),
        queryFn: ({ pageParam }) => listDeployedTriggers(session, pageParam, TRIGGER_PAGE_SIZE),
        initialPageParam: undefined,
        getNextPageParam: (last) => last.nextCursor,
      },
    );
    const phase = this.phase();
    this.setState('loading', phase === 'loading');
    this.setState('empty', phase === 'empty');
    this.setState('error', phase === 'error' || phase === 'config');
    this.setState('ready', phase === 'ready');
    this.setState('confirming', Boolean(this.confirming));
    this.setState('renaming', Boolean(this.renaming));
    if (phase !== this.previousPhase) {
      const previous = this.previousPhase;
      this.previousPhase = phase;
      if (phase === 'loading' && previous !== undefined) this.announcement = this.t('deployedTriggers.loading');
      else if (phase === 'error') this.announcement = this.t('deployedTriggers.error', { detail: describeError(this.query.result?.error, this.t) });
      else if (phase === 'empty' && previous === 'loading') this.announcement = this.t('deployedTriggers.empty');
      else if (phase === 'ready' && (previous === 'loading' || previous === 'error')) this.announcement = this.t('deployedTriggers.loaded');
    }
    if (changed.has('refreshInterval')) this.schedulePoll();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const error = this.query.newError({ nextPages: false });
    if (error) this.emit(new PdErrorEvent(errorCode(error, 'load_failed'), describeError(error), error));
    const focus = this.focusAfterUpdate;
    this.focusAfterUpdate = undefined;
    focus?.()?.focus();
  }

  // ---------------------------------------------------------------- reading

  /** The triggers shown: every loaded page, without those deleted here, of `component-key` when set. */
  private get triggers(): DeployedTrigger[] {
    const pages = (this.query.result?.data as InfiniteData<DeployedTriggerPage, string | undefined> | undefined)?.pages ?? [];
    const key = this.componentKey;
    return pages
      .flatMap((page) => page.triggers)
      .filter((trigger) => !this.removed.has(trigger.id) && (!key || fields(trigger).componentKey === key));
  }

  private phase(): Phase {
    if (this.configError) return 'config';
    const result = this.query.result;
    if (!result?.data) return result?.isError && !result.isFetching ? 'error' : 'loading';
    return this.triggers.length || result.hasNextPage ? 'ready' : 'empty';
  }

  private nameOf(trigger: DeployedTrigger): string {
    const { name, nameSlug, componentKey, id } = fields(trigger);
    return name || nameSlug || componentKey || id;
  }

  private formatDate(value: number | undefined, withTime: boolean): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '';
    // The API gives triggers' dates in seconds and events' in milliseconds.
    const date = new Date(value < 1e12 ? value * 1000 : value);
    return dateFormat(this.localeCode, { dateStyle: 'medium', ...(withTime ? { timeStyle: 'medium' } : {}) }).format(date);
  }

  private find(selector: string): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  private rowPart(id: string, part: string): HTMLElement | null {
    return this.find(`li[data-id="${CSS.escape(id)}"] [part~="${part}"]`);
  }

  // ---------------------------------------------------------------- refresh

  /** Reloads the list (in every element of the page showing it) and the events of every open trigger. */
  refresh(): void {
    void this.session?.invalidateDeployedTriggers();
    for (const id of this.open) void this.loadEvents(id);
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'visible' && this.pollOverdue) {
      this.pollOverdue = false;
      this.refresh();
      this.schedulePoll();
    }
  };

  private schedulePoll(): void {
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    if (!this.isConnected || !this.refreshInterval || !this.intervalValid()) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      // A hidden page asks nothing; it refreshes once when it is shown again.
      if (document.visibilityState === 'hidden') {
        this.pollOverdue = true;
        return;
      }
      if (this.session && !this.configError) this.refresh();
      this.schedulePoll();
    }, this.refreshInterval * 1000);
  }

  // ---------------------------------------------------------------- writes

  private setPending(id: string, what: Pending | undefined): void {
    const pending = new Map(this.pending);
    if (what) pending.set(id, what);
    else pending.delete(id);
    this.pending = pending;
  }

  private setRowError(id: string, message: string | undefined): void {
    const errors = new Map(this.rowErrors);
    if (message) errors.set(id, message);
    else errors.delete(id);
    this.rowErrors = errors;
  }

  /** Puts the API's answer into the shared cache, so every element showing the trigger shows the change. */
  private putInCache(session: ConnectSession, trigger: DeployedTrigger): void {
    session.queryClient?.setQueryData<InfiniteData<DeployedTriggerPage, string | undefined>>(ConnectSession.deployedTriggersKey(session.externalUserId), (data) =>
      data && { ...data, pages: data.pages.map((page) => ({ ...page, triggers: page.triggers.map((old) => (old.id === trigger.id ? trigger : old)) })) },
    );
  }

  /** A failed write: said in the row and announced; an unknown outcome also reads the list again. */
  private writeFailed(session: ConnectSession, id: string, name: string, error: unknown, keys: { failed: 'deployedTriggers.updateError' | 'deployedTriggers.deleteError'; unknown: 'deployedTriggers.updateUnknown' | 'deployedTriggers.deleteUnknown' }): void {
    const unknown = isOutcomeUnknown(error);
    const message = this.t(unknown ? keys.unknown : keys.failed, { name, detail: describeError(error, this.t) });
    this.setRowError(id, message);
    this.announcement = message;
    if (unknown) void session.invalidateDeployedTriggers();
  }

  /** Sends one update (a click, an Enter): never twice at once for a trigger, never retried. */
  private async sendUpdate(trigger: DeployedTrigger, changes: DeployedTriggerChanges, what: Pending): Promise<boolean> {
    const session = this.session;
    if (!session || this.pending.has(trigger.id)) return false;
    const name = this.nameOf(trigger);
    this.setPending(trigger.id, what);
    this.setRowError(trigger.id, undefined);
    try {
      const updated = await updateDeployedTrigger(session, trigger.id, changes);
      this.putInCache(session, updated);
      if (changes.name !== undefined) this.announcement = this.t('deployedTriggers.renamed', { old: name, name: this.nameOf(updated) });
      else this.announcement = this.t(fields(updated).active === false ? 'deployedTriggers.pausedNow' : 'deployedTriggers.resumedNow', { name });
      this.emit(new PdTriggerUpdateEvent(updated, changes));
      return true;
    } catch (error) {
      this.writeFailed(session, trigger.id, name, error, { failed: 'deployedTriggers.updateError', unknown: 'deployedTriggers.updateUnknown' });
      return false;
    } finally {
      this.setPending(trigger.id, undefined);
    }
  }

  private toggleActive(trigger: DeployedTrigger): void {
    void this.sendUpdate(trigger, { active: fields(trigger).active === false }, 'active');
  }

  private startRename(trigger: DeployedTrigger): void {
    if (this.pending.has(trigger.id)) return;
    this.renaming = trigger.id;
    this.draft = this.nameOf(trigger);
    this.draftError = undefined;
    this.focusAfterUpdate = () => {
      const input = this.rowPart(trigger.id, 'name-input') as HTMLInputElement | null;
      input?.select();
      return input;
    };
  }

  private cancelRename(): void {
    const id = this.renaming;
    if (!id || this.pending.get(id) === 'name') return;
    this.renaming = undefined;
    this.draftError = undefined;
    this.focusAfterUpdate = () => this.rowPart(id, 'rename-button');
  }

  private async saveRename(trigger: DeployedTrigger): Promise<void> {
    if (this.pending.has(trigger.id)) return;
    const name = this.draft.trim();
    if (!name) {
      this.draftError = this.t('deployedTriggers.nameRequired');
      this.announcement = this.draftError;
      this.focusAfterUpdate = () => this.rowPart(trigger.id, 'name-input');
      return;
    }
    if (name === this.nameOf(trigger)) {
      this.cancelRename();
      return;
    }
    const saved = await this.sendUpdate(trigger, { name }, 'name');
    if (saved && this.renaming === trigger.id) {
      this.renaming = undefined;
      this.focusAfterUpdate = () => this.rowPart(trigger.id, 'rename-button');
    } else if (!saved) {
      this.focusAfterUpdate = () => this.rowPart(trigger.id, 'name-input');
    }
  }

  private readonly onNameKeydown = (event: KeyboardEvent, trigger: DeployedTrigger): void => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      void this.saveRename(trigger);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.cancelRename();
    }
  };

  private askDelete(trigger: DeployedTrigger): void {
    if (this.pending.has(trigger.id)) return;
    this.confirming = trigger.id;
    this.setRowError(trigger.id, undefined);
    this.focusAfterUpdate = () => this.rowPart(trigger.id, 'confirm-button');
  }

  private readonly cancelDelete = (): void => {
    const id = this.confirming;
    if (!id || this.pending.get(id) === 'delete') return;
    this.confirming = undefined;
    this.focusAfterUpdate = () => this.rowPart(id, 'delete-button');
  };

  private async confirmDelete(trigger: DeployedTrigger): Promise<void> {
    const session = this.session;
    if (!session || this.pending.has(trigger.id)) return;
    const name = this.nameOf(trigger);
    // Focus goes to the next trigger (or the one before) once this one is gone, else to the title.
    const ids = this.triggers.map((item) => item.id);
    const index = ids.indexOf(trigger.id);
    const neighbour = ids[index + 1] ?? ids[index - 1];
    this.setPending(trigger.id, 'delete');
    try {
      await deleteDeployedTrigger(session, trigger.id);
      this.removed = new Set([...this.removed, trigger.id]);
      this.confirming = undefined;
      this.open.delete(trigger.id);
      this.details.delete(trigger.id);
      this.announcement = this.t('deployedTriggers.deleted', { name });
      this.focusAfterUpdate = () => (neighbour ? this.rowPart(neighbour, 'delete-button') : null) ?? this.find('#title');
      this.emit(new PdTriggerDeleteEvent(trigger));
      void session.invalidateDeployedTriggers();
    } catch (error) {
      this.writeFailed(session, trigger.id, name, error, { failed: 'deployedTriggers.deleteError', unknown: 'deployedTriggers.deleteUnknown' });
      // The confirmation closes: a second click must be a new decision, made after reading the message.
      this.confirming = undefined;
      this.focusAfterUpdate = () => this.rowPart(trigger.id, 'delete-button') ?? (neighbour ? this.rowPart(neighbour, 'delete-button') : null) ?? this.find('#title');
    } finally {
      this.setPending(trigger.id, undefined);
    }
  }

  // ---------------------------------------------------------------- events and webhooks

  private detailsOf(id: string): Details {
    let details = this.details.get(id);
    if (!details) this.details.set(id, (details = { limit: EVENTS_STEP, eventsLoading: false, eventsTicket: 0, webhooksLoading: false }));
    return details;
  }

  private toggleDetails(trigger: DeployedTrigger): void {
    const open = new Set(this.open);
    if (open.delete(trigger.id)) {
      this.open = open;
      return;
    }
    open.add(trigger.id);
    this.open = open;
    void this.loadEvents(trigger.id);
    void this.loadWebhooks(trigger.id);
  }

  private async loadEvents(id: string, announceFor?: string): Promise<void> {
    const session = this.session;
    if (!session) return;
    const details = this.detailsOf(id);
    const ticket = ++details.eventsTicket;
    details.eventsLoading = true;
    this.requestUpdate();
    try {
      const events = await listDeployedTriggerEvents(session, id, details.limit);
      if (ticket !== details.eventsTicket) return;
      details.events = [...events].sort((a, b) => b.ts - a.ts);
      details.eventsError = undefined;
      if (announceFor) this.announcement = this.t('deployedTriggers.eventsLoaded', { name: announceFor });
    } catch (error) {
      if (ticket !== details.eventsTicket) return;
      details.eventsError = this.t('deployedTriggers.eventsError', { detail: describeError(error, this.t) });
      if (announceFor) this.announcement = details.eventsError;
    } finally {
      if (ticket === details.eventsTicket) details.eventsLoading = false;
      this.requestUpdate();
    }
  }

  private async loadWebhooks(id: string): Promise<void> {
    const session = this.session;
    const details = this.detailsOf(id);
    if (!session || details.webhooksLoading) return;
    details.webhooksLoading = true;
    this.requestUpdate();
    try {
      details.webhooks = await listDeployedTriggerWebhooks(session, id);
      details.webhooksError = undefined;
    } catch (error) {
      details.webhooksError = this.t('deployedTriggers.webhooksError', { detail: describeError(error, this.t) });
    } finally {
      details.webhooksLoading = false;
      this.requestUpdate();
    }
  }

  private moreEvents(id: string, name: string): void {
    const details = this.detailsOf(id);
    if (details.eventsLoading) return;
    details.limit = Math.min(EVENTS_MAX, details.limit + EVENTS_STEP);
    void this.loadEvents(id, name);
  }

  // ---------------------------------------------------------------- render

  private renderStatus(active: boolean | undefined) {
    if (active === undefined) return nothing;
    return html`<span
      part="status"
      data-active=${active ? 'true' : 'false'}
      class="inline-flex shrink-0 items-center gap-1 rounded-full px-2 py-0.5 text-xs leading-4 font-medium whitespace-nowrap ${active ? 'bg-pd-success-bg text-pd-success' : 'bg-pd-muted-bg text-pd-muted'}"
    >
      <span class="size-1.5 rounded-full bg-current" aria-hidden="true"></span>${active ? this.t('deployedTriggers.active') : this.t('deployedTriggers.paused')}
    </span>`;
  }

  private renderRename(trigger: DeployedTrigger, name: string) {
    const id = trigger.id;
    const saving = this.pending.get(id) === 'name';
    const described = `rename-hint-${id}${this.draftError ? ` rename-error-${id}` : ''}`;
    return html`<div part="rename" class="grid basis-full gap-1.5">
      <div class="flex flex-wrap items-center gap-2">
        <input
          part="name-input"
          class="pd-input min-w-[min(100%,12rem)] flex-[1_1_12rem]"
          type="text"
          dir="auto"
          maxlength="200"
          .value=${this.draft}
          aria-label=${this.t('deployedTriggers.nameLabel', { name })}
          aria-describedby=${described}
          aria-invalid=${this.draftError ? 'true' : 'false'}
          ?readonly=${saving}
          @input=${(event: InputEvent) => {
            this.draft = (event.target as HTMLInputElement).value;
            if (this.draftError && this.draft.trim()) this.draftError = undefined;
          }}
          @keydown=${(event: KeyboardEvent) => this.onNameKeydown(event, trigger)}
        />
        <button part="save-button" type="button" class="pd-secondary-button" aria-disabled=${saving ? 'true' : 'false'} @click=${() => void this.saveRename(trigger)}>
          ${saving ? html`${spinner('size-3.5')}${this.t('deployedTriggers.saving')}` : this.t('deployedTriggers.save')}
        </button>
        <button part="cancel-rename-button" type="button" class="pd-ghost-button" aria-disabled=${saving ? 'true' : 'false'} @click=${() => this.cancelRename()}>
          ${this.t('deployedTriggers.cancel')}
        </button>
      </div>
      <p id=${`rename-hint-${id}`} class="text-xs text-pd-muted">${this.t('deployedTriggers.nameHint')}</p>
      ${this.draftError ? html`<p id=${`rename-error-${id}`} part="field-error" class="text-[0.8125rem] text-pd-danger">${this.draftError}</p>` : nothing}
    </div>`;
  }

  private renderEvents(trigger: DeployedTrigger, details: Details, name: string) {
    const events = details.events;
    const more = events !== undefined && events.length >= details.limit && details.limit < EVENTS_MAX;
    return html`<section class="grid min-w-0 content-start gap-2" aria-labelledby=${`events-title-${trigger.id}`} aria-busy=${details.eventsLoading ? 'true' : 'false'}>
      <div class="flex flex-wrap items-center gap-2">
        <h3 id=${`events-title-${trigger.id}`} class="text-[0.8125rem] font-semibold">${this.t('deployedTriggers.events')}</h3>
        ${details.eventsLoading ? spinner('size-3.5 text-pd-muted') : nothing}
        <button
          part="events-refresh-button"
          type="button"
          class="pd-ghost-button ms-auto"
          aria-label=${this.t('deployedTriggers.eventsRefreshLabel', { name })}
          aria-disabled=${details.eventsLoading ? 'true' : 'false'}
          @click=${() => {
            if (!details.eventsLoading) void this.loadEvents(trigger.id, name);
          }}
        >
          ${this.t('deployedTriggers.eventsRefresh')}
        </button>
      </div>
      ${details.eventsError ? html`<p part="details-error" class="text-[0.8125rem] text-pd-danger">${details.eventsError}</p>` : nothing}
      ${events === undefined
        ? details.eventsError
          ? nothing
          : html`<p class="text-[0.8125rem] text-pd-muted">${this.t('deployedTriggers.eventsLoading')}</p>`
        : events.length
          ? html`<ol part="events" class="grid gap-1.5">
              ${repeat(
                events,
                (event) => event.id,
                (event) => html`<li>
                  <details part="event" class="rounded-pd-sm border border-pd-border">
                    <summary part="event-summary" class="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-0.5 rounded-pd-sm px-3 py-2 text-[0.8125rem] hover:bg-pd-muted-bg focus-visible:outline-2 focus-visible:outline-pd-focus">
                      <svg class="chevron size-3.5 shrink-0 text-pd-muted" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clip-rule="evenodd" /></svg>
                      <span class="min-w-0 flex-[1_1_10rem] font-medium break-words" dir="auto">${event.sum || this.t('deployedTriggers.eventSummary', { id: event.id })}</span>
                      <time class="text-pd-muted tabular-nums" datetime=${new Date(event.ts).toISOString()}>${this.formatDate(event.ts, true)}</time>
                    </summary>
                    <div class="border-t border-pd-border px-3 py-2">
                      <p class="mb-1 text-xs font-medium text-pd-muted">${this.t('deployedTriggers.payload')} · <code class="pd-code">${event.id}</code></p>
                      <pre part="event-payload" class="pd-code rounded-pd-sm bg-pd-muted-bg p-2 text-xs break-words whitespace-pre-wrap" dir="ltr">${payloadText(event.e)}</pre>
                    </div>
                  </details>
                </li>`,
              )}
            </ol>`
          : html`<p class="text-[0.8125rem] text-pd-muted">${this.t('deployedTriggers.eventsEmpty')}</p>`}
      ${more
        ? html`<div>
            <button part="events-more-button" type="button" class="pd-ghost-button" aria-disabled=${details.eventsLoading ? 'true' : 'false'} @click=${() => this.moreEvents(trigger.id, name)}>
              ${this.t('deployedTriggers.eventsMore')}
            </button>
          </div>`
        : nothing}
    </section>`;
  }

  private renderWebhooks(trigger: DeployedTrigger, details: Details) {
    const urls = details.webhooks;
    return html`<section class="grid min-w-0 content-start gap-2" aria-labelledby=${`webhooks-title-${trigger.id}`}>
      <h3 id=${`webhooks-title-${trigger.id}`} class="text-[0.8125rem] font-semibold">${this.t('deployedTriggers.webhooks')}</h3>
      ${details.webhooksError
        ? html`<p part="details-error" class="text-[0.8125rem] text-pd-danger">${details.webhooksError}</p>`
        : urls === undefined
          ? html`<p class="text-[0.8125rem] text-pd-muted">${this.t('deployedTriggers.webhooksLoading')}</p>`
          : urls.length
            ? html`<ul part="webhooks" class="grid gap-1">
                ${urls.map((url) => html`<li><code part="webhook" class="pd-code break-all" dir="ltr">${url}</code></li>`)}
              </ul>`
            : html`<p class="text-[0.8125rem] text-pd-muted">${this.t('deployedTriggers.webhooksEmpty')}</p>`}
    </section>`;
  }

  private renderItem(trigger: DeployedTrigger) {
    const { id, active, createdAt, componentKey } = fields(trigger);
    const name = this.nameOf(trigger);
    const pending = this.pending.get(id);
    const confirming = this.confirming === id;
    const renaming = this.renaming === id;
    const open = this.open.has(id);
    const created = this.formatDate(createdAt, false);
    const busy = pending ? 'true' : 'false';
    const details = open ? this.detailsOf(id) : undefined;
    return html`<li part="trigger" data-id=${id} class="flex flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3" aria-busy=${busy}>
      <div class="grid min-w-0 flex-[1_1_12rem] gap-0.5">
        <div class="flex min-w-0 flex-wrap items-center gap-2">
          <span part="name" class="min-w-0 truncate text-sm font-medium" dir="auto">${name}</span>
          ${this.renderStatus(active)}
        </div>
        <p part="meta" class="flex min-w-0 flex-wrap gap-x-3 text-[0.8125rem] text-pd-muted">
          <code class="pd-code truncate">${id}</code>
          ${!this.componentKey && componentKey ? html`<span class="truncate">${componentKey}</span>` : nothing}
          ${created ? html`<span>${this.t('deployedTriggers.created', { date: created })}</span>` : nothing}
        </p>
      </div>
      <div part="actions" class="ms-auto flex flex-wrap items-center gap-1">
        <button
          part="details-button"
          type="button"
          class="pd-ghost-button"
          aria-label=${this.t('deployedTriggers.detailsLabel', { name })}
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${open ? `details-${id}` : nothing}
          @click=${() => this.toggleDetails(trigger)}
        >
          <svg class="chevron size-3.5 shrink-0 transition-transform ${open ? 'rotate-90' : ''}" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" d="M7.2 14.8a.75.75 0 0 1 0-1.06L10.94 10 7.2 6.26a.75.75 0 1 1 1.06-1.06l4.27 4.27a.75.75 0 0 1 0 1.06L8.26 14.8a.75.75 0 0 1-1.06 0Z" clip-rule="evenodd" /></svg>
          ${this.t('deployedTriggers.details')}
        </button>
        ${active !== undefined
          ? html`<button
              part="pause-button"
              type="button"
              class="pd-ghost-button"
              aria-label=${this.t(active ? 'deployedTriggers.pauseLabel' : 'deployedTriggers.resumeLabel', { name })}
              aria-disabled=${busy}
              @click=${() => this.toggleActive(trigger)}
            >
              ${pending === 'active'
                ? html`${spinner('size-3.5')}${this.t(active ? 'deployedTriggers.pausing' : 'deployedTriggers.resuming')}`
                : this.t(active ? 'deployedTriggers.pause' : 'deployedTriggers.resume')}
            </button>`
          : nothing}
        <button
          part="rename-button"
          type="button"
          class="pd-ghost-button"
          aria-label=${this.t('deployedTriggers.renameLabel', { name })}
          aria-expanded=${renaming ? 'true' : 'false'}
          aria-disabled=${busy}
          @click=${() => (renaming ? this.cancelRename() : this.startRename(trigger))}
        >
          ${this.t('deployedTriggers.rename')}
        </button>
        <button
          part="delete-button"
          type="button"
          class="pd-ghost-button text-pd-danger"
          aria-label=${this.t('deployedTriggers.deleteLabel', { name, id })}
          aria-expanded=${confirming ? 'true' : 'false'}
          aria-controls=${confirming ? `confirm-${id}` : nothing}
          aria-disabled=${pending && pending !== 'delete' ? 'true' : 'false'}
          @click=${() => (confirming ? this.cancelDelete() : this.askDelete(trigger))}
        >
          ${this.t('deployedTriggers.delete')}
        </button>
      </div>
      ${renaming ? this.renderRename(trigger, name) : nothing}
      ${this.rowErrors.has(id) ? html`<p part="item-error" class="basis-full text-[0.8125rem] text-pd-danger">${this.rowErrors.get(id)}</p>` : nothing}
      ${confirming
        ? inlineConfirm({
            id,
            message: this.t('deployedTriggers.confirmDelete', { name }),
            confirmLabel: this.t('deployedTriggers.confirm'),
            busyLabel: this.t('deployedTriggers.deleting'),
            cancelLabel: this.t('deployedTriggers.cancel'),
            busy: pending === 'delete',
            onConfirm: () => void this.confirmDelete(trigger),
            onCancel: this.cancelDelete,
          })
        : nothing}
      ${details
        ? html`<div part="details" id=${`details-${id}`} class="grid min-w-0 basis-full gap-4 rounded-pd-sm bg-pd-muted-bg/50 p-3 @lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
            ${this.renderEvents(trigger, details, name)} ${this.renderWebhooks(trigger, details)}
          </div>`
        : nothing}
    </li>`;
  }

  private renderBody(phase: Phase) {
    const result = this.query.result;
    if (phase === 'config') return html`<p part="error" role="alert" class="px-4 py-3 text-[0.8125rem] text-pd-danger">${this.configError}</p>`;
    if (phase === 'loading') {
      return html`<div class="grid gap-3 px-4 py-3" aria-hidden="true">
          ${[0, 1].map(() => html`<div part="skeleton" class="shimmer grid gap-1.5"><div class="h-3.5 w-40 max-w-full rounded bg-pd-muted-bg"></div><div class="h-3 w-56 max-w-full rounded bg-pd-muted-bg"></div></div>`)}
        </div>
        <p class="sr-only">${this.t('deployedTriggers.loading')}</p>`;
    }
    if (phase === 'error') {
      return html`<div class="grid justify-items-start gap-2 px-4 py-3 text-sm">
        <p part="error" class="text-pd-danger">${this.t('deployedTriggers.error', { detail: describeError(result?.error, this.t) })}</p>
        <button type="button" part="retry-button" class="pd-secondary-button" @click=${() => void this.query.refetch()}>${this.t('deployedTriggers.retry')}</button>
      </div>`;
    }
    if (phase === 'empty') return html`<p part="empty" class="px-4 py-3 text-sm text-pd-muted">${this.t('deployedTriggers.empty')}</p>`;
    const items = this.triggers;
    const loadingMore = Boolean(result?.isFetchingNextPage);
    const moreError = result?.isFetchNextPageError ? describeError(result.error, this.t) : undefined;
    return html`${items.length
        ? html`<ul part="items" class="divide-y divide-pd-border" aria-labelledby="title">
            ${repeat(items, (trigger) => trigger.id, (trigger) => this.renderItem(trigger))}
          </ul>`
        : nothing}
      ${result?.hasNextPage
        ? html`<div class="grid justify-items-start gap-1 border-t border-pd-border px-4 py-2">
            ${moreError ? html`<p class="text-[0.8125rem] text-pd-danger">${this.t('deployedTriggers.error', { detail: moreError })}</p>` : nothing}
            <button
              type="button"
              part="more-button"
              class="pd-ghost-button"
              aria-disabled=${loadingMore ? 'true' : 'false'}
              @click=${() => {
                if (!loadingMore) void this.query.fetchNextPage();
              }}
            >
              ${loadingMore ? spinner('size-3.5') : nothing}${this.t('deployedTriggers.loadMore')}
            </button>
          </div>`
        : nothing}`;
  }

  protected override render() {
    const phase = this.phase();
    const refreshing = Boolean(this.query.result?.isFetching && this.query.result.data && !this.query.result.isFetchingNextPage);
    return html`<section
      part="base"
      class="@container overflow-hidden rounded-pd border border-pd-border bg-pd-surface text-pd-fg shadow-pd"
      dir=${this.direction}
      lang=${this.localeCode}
      aria-labelledby="title"
    >
      <div part="header" class="flex min-h-12 flex-wrap items-center gap-x-3 gap-y-2 border-b border-pd-border bg-pd-muted-bg/60 px-4 py-2.5">
        <h2 id="title" part="title" tabindex="-1" class="flex min-w-0 flex-1 items-center gap-2 text-sm font-semibold focus:outline-none">
          ${this.t('deployedTriggers.title')}${refreshing ? spinner('size-3.5 text-pd-muted') : nothing}
        </h2>
        ${phase === 'ready' || phase === 'empty'
          ? html`<button
              part="refresh-button"
              type="button"
              class="pd-ghost-button"
              aria-label=${this.t('deployedTriggers.refreshLabel')}
              aria-disabled=${refreshing ? 'true' : 'false'}
              @click=${() => {
                if (!refreshing) this.refresh();
              }}
            >
              ${this.t('deployedTriggers.refresh')}
            </button>`
          : nothing}
      </div>
      <div aria-busy=${phase === 'loading' || refreshing ? 'true' : 'false'}>${this.renderBody(phase)}</div>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
    </section>`;
  }
}

PdDeployedTriggers.define('pd-deployed-triggers');

declare global {
  interface HTMLElementTagNameMap {
    'pd-deployed-triggers': PdDeployedTriggers;
  }
}
