import { ComponentsClient } from '@pipedream/sdk/components';
import * as componentReaders from '../../session/read-components.js';
import { bundleForFirstRender } from '../../session/session.js';
import { html, nothing, svg, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { type ActionRunResult, PdRunErrorEvent, PdRunSuccessEvent } from '../../events/index.js';
import { runAction } from '../../session/component-calls.js';
import { describeError, isOutcomeUnknown } from '../../session/errors.js';
import { HOST_EXECUTE_TIMEOUT_MS, writeThrough } from '../../session/host-endpoints.js';
import { type FormTexts, PdComponentFormBase, chevron, formTexts } from '../form/pd-component-form-base.js';
import { styles } from './pd-action-form.styles.js';

// What the first render asks the API for comes with this module, not in a later round of script requests.
bundleForFirstRender({ components: ComponentsClient }, componentReaders);

/** What a `runCallback` receives: run the action on your server and resolve with its answer. */
export interface RunRequest {
  componentKey: string;
  externalUserId?: string;
  configuredProps: Record<string, unknown>;
  dynamicPropsId?: string;
  /** For components that use the File Stash: the stash to sync `/tmp` with, or `"NEW"` for a new one (`stash_id`). */
  stashId?: string;
}

export type RunCallback = (request: RunRequest) => Promise<ActionRunResult>;

/**
 * @summary A form for one Pipedream Connect action: every prop type, remote options, dynamic props, validation, and the run with its result.
 *
 * Loads the component given by `component-key` and renders its configurable props in order:
 * text, secrets, numbers, switches, lists, key/value objects, JSON, SQL, HTTP requests, timers,
 * static and remote options (paged, searchable), accounts (pick one or connect a new one inline),
 * alerts, and read-only notes for props Pipedream fills in itself. Optional props sit in an
 * "Optional fields" disclosure. Any prop type without its own editor falls back to a JSON editor,
 * so one odd prop never breaks the form. Submitting validates every field (focusing the first
 * invalid one), fires the cancelable `pd-submit`, then runs the action through the Connect API
 * (or the host's `run-endpoint` / `runCallback`) and shows `$summary`, the returned value, logs
 * and errors.
 *
 * @tag pd-action-form
 *
 * @slot header - Replaces the action's name and description above the fields.
 *
 * @csspart base - The card around everything.
 * @csspart header - The action's name and description.
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
 * @csspart note - A prop Pipedream provides itself (database, HTTP interface, data store, directory).
 * @csspart optional - The "Optional fields" disclosure.
 * @csspart error-summary - The list of fields to fix, shown after a failed submit.
 * @csspart submit-button - The run button.
 * @csspart result - The result panel of the last run.
 * @csspart result-summary - The run's `$summary`.
 * @csspart result-stash - The File Stash the run synced `/tmp` with (for components that use one).
 * @csspart result-value - The returned value (a `<details>` with JSON).
 * @csspart result-exports - The values the run exported (`$.export`).
 * @csspart list - The rows of a `string[]` or `integer[]` prop.
 * @csspart logs - The run's log lines.
 * @csspart run-error - The run's error.
 * @csspart error - A load or configuration error.
 * @csspart retry-button - Retry after a load error.
 * @csspart listbox - The open options list of a remote-options field.
 * @csspart option - One option of that list (`option-custom`: the typed text offered as a value).
 * @csspart load-more - "Load more" at the end of that list.
 *
 * @cssstate loading - The component is loading.
 * @cssstate ready - The form is shown.
 * @cssstate error - Loading failed, the component does not exist, or the element is misconfigured.
 * @cssstate invalid - A submit was attempted and some fields need fixing.
 * @cssstate running - The action is running.
 * @cssstate result - A run result is shown.
 *
 * @cssprop [--pd-color-background=#ffffff] - Input background.
 * @cssprop [--pd-color-surface=#ffffff] - Card background.
 * @cssprop [--pd-color-surface-muted=#f4f4f5] - Read-only inputs, code and JSON background.
 * @cssprop [--pd-color-text=#18181b] - Text.
 * @cssprop [--pd-color-text-muted=#52525b] - Descriptions and hints.
 * @cssprop [--pd-color-border=#d4d4d8] - Borders.
 * @cssprop [--pd-color-accent=#4f46e5] - Run button, links, focus accents.
 * @cssprop --pd-color-accent-hover - Run button on hover (default: the accent, a step darker, or lighter under black text).
 * @cssprop --pd-color-on-accent - Run button text (default: white or black, whichever reads better on the accent).
 * @cssprop [--pd-color-danger=#b91c1c] - Errors.
 * @cssprop [--pd-color-danger-surface=#fef2f2] - Error panels.
 * @cssprop [--pd-color-success=#15803d] - Success heading.
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
 * @fires {PdSubmitEvent} pd-submit - The user submitted a valid form; cancelable: `preventDefault()` stops the run. `event.configuredProps`, `event.dynamicPropsId`.
 * @fires {PdRunSuccessEvent} pd-run-success - The action ran: `event.result` (`ret`, `exports`, `os`).
 * @fires {PdRunErrorEvent} pd-run-error - The run failed or the action reported an error: `event.message`, `event.result`.
 * @fires {PdErrorEvent} pd-error - The component could not be loaded (`load_failed`, `not_found`) or `configured-props` is not valid JSON (`invalid_configured_props`).
 * @fires {PdConnectStartEvent} pd-connect-start - An account field is about to open the Connect flow; cancelable.
 * @fires {PdConnectSuccessEvent} pd-connect-success - An account was connected from an account field.
 * @fires {PdConnectErrorEvent} pd-connect-error - Connecting from an account field failed or was cancelled.
 * @fires {PdConnectCloseEvent} pd-connect-close - The Connect page closed.
 */
export class PdActionForm extends PdComponentFormBase {
  static override styles = styles;

  protected readonly texts: FormTexts = formTexts('form', 'form.running');

  /** Your server's run endpoint: receives POST `{id, external_user_id, configured_props, dynamic_props_id, stash_id}` and answers like `actions.run`. */
  @property({ attribute: 'run-endpoint' }) runEndpoint?: string;
  /** Runs the action through your own code instead of the Connect API. */
  @property({ attribute: false }) runCallback?: RunCallback;
  /**
   * The File Stash whose files the action's `/tmp` directory starts with (`stash_id`), e.g. one a
   * previous run returned. Components that declare `stash` otherwise run with a new stash
   * (`"NEW"`); the run's `stash_id` comes back in `pd-run-success` (`event.result.stashId`).
   */
  @property({ attribute: 'stash-id' }) stashId?: string;

  @state() private result?: ActionRunResult;
  @state() private runError?: string;
  /** The last run failed in a way that does not tell whether it happened. */
  @state() private outcomeUnknown = false;

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.setState('running', this.busy);
    this.setState('result', Boolean(this.result || this.runError));
  }

  protected override submitValid(configuredProps: Record<string, unknown>, dynamicPropsId: string | undefined): Promise<void> {
    return this.run(configuredProps, dynamicPropsId);
  }

  /** The `stash_id` a run sends: the host's stash, a new one for components that use the File Stash, or none. */
  private runStash(): string | undefined {
    if (this.stashId) return this.stashId;
    const stash = this.form.component?.stash;
    return stash === 'optional' || stash === 'required' ? 'NEW' : undefined;
  }

  private async run(configuredProps: Record<string, unknown>, dynamicPropsId: string | undefined): Promise<void> {
    const key = this.componentKey ?? '';
    const stashId = this.runStash();
    this.busy = true;
    this.result = undefined;
    this.runError = undefined;
    this.outcomeUnknown = false;
    this.announcement = this.t('form.status.running', { name: this.form.component?.name ?? key });
    try {
      const { runCallback, runEndpoint, session } = this;
      const options = { componentKey: key, configuredProps, ...(dynamicPropsId ? { dynamicPropsId } : {}), ...(stashId ? { stashId } : {}) };
      const result = await writeThrough<ActionRunResult>({
        callback: runCallback && (() => runCallback({ ...options, externalUserId: this.config.externalUserId })),
        endpoint: runEndpoint
          ? {
              what: 'run',
              url: runEndpoint,
              body: { id: key, external_user_id: this.config.externalUserId, configured_props: configuredProps, dynamic_props_id: dynamicPropsId, stash_id: stashId },
              timeoutMs: HOST_EXECUTE_TIMEOUT_MS,
              read: (answer) => {
                const body = answer as (ActionRunResult & { stash_id?: string }) | undefined;
                return { ...body, ...(body?.stash_id !== undefined ? { stashId: body.stash_id } : {}) };
              },
            }
          : undefined,
        api: async () => {
          if (!session) throw new Error(this.configError ?? 'No session');
          return (await runAction(session, options)) as ActionRunResult;
        },
      });
      this.result = result ?? {};
      const failure = this.result.os?.find((item) => item.k === 'error');
      if (failure) {
        this.runError = [failure.err?.name, failure.err?.message ?? failure.msg].filter(Boolean).join(': ');
        this.announcement = this.t('form.status.failed');
        this.emit(new PdRunErrorEvent(this.runError, this.result));
      } else {
        this.announcement = this.t('form.status.done');
        this.emit(new PdRunSuccessEvent(this.result, configuredProps));
      }
    } catch (error) {
      // A run that may have happened is said as such: it is never sent again by itself.
      const unknown = isOutcomeUnknown(error);
      const detail = describeError(error, this.t);
      this.outcomeUnknown = unknown;
      this.runError = this.t(unknown ? 'form.result.runUnknown' : 'form.result.runError', { detail });
      this.announcement = this.runError;
      this.emit(new PdRunErrorEvent(describeError(error), undefined, error, unknown));
    } finally {
      this.busy = false;
    }
  }


  protected override renderOutcome() {
    if (this.busy) {
      return html`<div part="result" class="flex items-center gap-2 rounded-pd-sm border border-pd-border px-4 py-3 text-sm text-pd-muted" aria-busy="true">
        <span class="pd-spinner" aria-hidden="true"></span>${this.t('form.running')}
      </div>`;
    }
    if (!this.result && !this.runError) return nothing;
    const result = this.result;
    const failed = Boolean(this.runError);
    const summary = result?.exports?.$summary;
    const otherExports = Object.fromEntries(Object.entries(result?.exports ?? {}).filter(([key]) => key !== '$summary'));
    const logs = (result?.os ?? []).filter((item) => item.k !== 'error');
    const json = (value: unknown) => JSON.stringify(value, null, 2) ?? 'null';
    return html`<section part="result" aria-labelledby="result-title" class="grid gap-3 rounded-pd border ${failed ? 'border-pd-danger/40' : 'border-pd-success/40'} p-4">
      <h3 id="result-title" class="flex items-center gap-2 text-sm font-semibold ${failed ? 'text-pd-danger' : 'text-pd-success'}">
        <svg class="size-4" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true">
          ${failed
            ? svg`<path fill-rule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z" clip-rule="evenodd" />`
            : svg`<path fill-rule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z" clip-rule="evenodd" />`}
        </svg>
        ${this.outcomeUnknown ? this.t('form.result.unknownTitle') : failed ? this.t('form.result.failed') : this.t('form.result.success')}
      </h3>
      ${this.runError ? html`<p part="run-error" dir="auto" class="rounded-pd-sm bg-pd-danger-bg px-3 py-2 font-mono text-[0.8125rem] break-words whitespace-pre-wrap text-pd-danger">${this.runError}</p>` : nothing}
      ${summary !== undefined ? html`<p part="result-summary" dir="auto" class="text-sm break-words">${typeof summary === 'string' ? summary : json(summary)}</p>` : nothing}
      ${result?.stashId ? html`<p part="result-stash" class="text-[0.8125rem] text-pd-muted">${this.t('form.result.stash', { id: result.stashId })}</p>` : nothing}
      ${result && 'ret' in result
        ? html`<details part="result-value" class="group grid gap-2" open>
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.value')}</summary>
            <pre class="pd-json mt-2" dir="ltr" tabindex="0" aria-label=${this.t('form.result.value')}>${json(result.ret)}</pre>
          </details>`
        : nothing}
      ${Object.keys(otherExports).length
        ? html`<details part="result-exports" class="grid gap-2">
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.exports')}</summary>
            <pre class="pd-json mt-2" dir="ltr" tabindex="0" aria-label=${this.t('form.result.exports')}>${json(otherExports)}</pre>
          </details>`
        : nothing}
      ${logs.length
        ? html`<details part="logs" class="grid gap-2" open>
            <summary class="flex cursor-pointer items-center gap-1 text-[0.8125rem] font-medium text-pd-muted hover:text-pd-fg">${chevron}${this.t('form.result.logs')} (${logs.length})</summary>
            <ol class="pd-json mt-2 grid gap-0.5 whitespace-pre-wrap">
              ${logs.map((item) => html`<li dir="auto">${item.msg ?? json(item)}</li>`)}
            </ol>
          </details>`
        : nothing}
    </section>`;
  }
}

PdActionForm.define('pd-action-form');

declare global {
  interface HTMLElementTagNameMap {
    'pd-action-form': PdActionForm;
  }
}
