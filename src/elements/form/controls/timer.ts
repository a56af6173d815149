import { html, nothing } from 'lit';
import { guard } from 'lit/directives/guard.js';
import type { Translate } from '../../../i18n/index.js';
import type { FieldContext } from './types.js';

const UNITS = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

type Unit = (typeof UNITS)[number][0];

/** A timer's value as Pipedream takes it: `{intervalSeconds}`, or `{cron, timezone}`. */
export interface TimerValue {
  intervalSeconds?: number;
  cron?: string;
  timezone?: string;
}

/** The browser's time zone: what a new cron schedule runs in unless the user picks another. */
export function userTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

let zoneList: { zone: string; label: string }[] | undefined;

/** Every IANA time zone the browser knows, with its current UTC offset, computed once per page. */
function timeZones(): { zone: string; label: string }[] {
  if (zoneList) return zoneList;
  const supported = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const now = new Date();
  zoneList = ['UTC', ...supported.filter((zone) => zone !== 'UTC')].map((zone) => {
    let offset = '';
    try {
      offset = new Intl.DateTimeFormat('en', { timeZone: zone, timeZoneName: 'shortOffset' }).formatToParts(now).find((part) => part.type === 'timeZoneName')?.value ?? '';
    } catch {
      // A zone this engine cannot format keeps its bare name.
    }
    const name = zone.replace(/_/g, ' ');
    return { zone, label: offset && zone !== 'UTC' ? `${name} (${offset})` : name };
  });
  return zoneList;
}

/** "every 15 minutes" / "0 9 * * 1-5 (Europe/Berlin)": a timer value for people, in their language. */
export function describeTimer(value: TimerValue | undefined, t: Translate, locale: string): string {
  if (!value) return '';
  if (typeof value.cron === 'string') return value.timezone ? `${value.cron} (${value.timezone})` : value.cron;
  const seconds = value.intervalSeconds;
  if (typeof seconds !== 'number' || seconds <= 0) return '';
  const [unit, size] = UNITS.find(([, candidate]) => seconds % candidate === 0) ?? ['seconds', 1];
  // Intl knows each language's plural forms: "1 minute", "15 Minuten", "دقيقة واحدة".
  const duration = new Intl.NumberFormat(locale, { style: 'unit', unit: unit.slice(0, -1), unitDisplay: 'long' }).format(seconds / size);
  return t('form.timer.every', { duration });
}

/**
 * `$.interface.timer`: an interval (`{intervalSeconds}`) or a cron expression with the time zone it
 * runs in (`{cron, timezone}`; a new schedule starts in the user's own zone).
 */
export function timerControl(ctx: FieldContext) {
  const value = (ctx.value && typeof ctx.value === 'object' ? ctx.value : {}) as TimerValue;
  const draft = (ctx.draft && typeof ctx.draft === 'object' ? ctx.draft : {}) as { unit?: Unit; mode?: 'interval' | 'cron'; amount?: string; cron?: string };
  const mode = draft.mode ?? (typeof value.cron === 'string' ? 'cron' : 'interval');
  const seconds = typeof value.intervalSeconds === 'number' ? value.intervalSeconds : undefined;
  const unit: Unit = draft.unit ?? (seconds ? (UNITS.find(([, size]) => seconds % size === 0)?.[0] ?? 'seconds') : 'minutes');
  const size = UNITS.find(([name]) => name === unit)?.[1] ?? 60;
  const amount = draft.amount ?? (seconds === undefined ? '' : String(seconds / size));
  const { t } = ctx;
  const name = `${ctx.id}-mode`;
  const setInterval = (text: string, nextUnit: Unit) => {
    const n = Number(text);
    const unitSize = UNITS.find(([candidate]) => candidate === nextUnit)?.[1] ?? 60;
    const ok = /^\d+$/.test(text.trim()) && n > 0;
    ctx.set(ok ? { intervalSeconds: n * unitSize } : undefined, {
      raw: { mode: 'interval', unit: nextUnit, amount: text },
      ...(text.trim() && !ok ? { error: { key: 'form.error.interval' as const } } : {}),
    });
  };
  const cron = draft.cron ?? value.cron ?? '';
  const zone = value.timezone;
  const zones = timeZones();
  const setCron = (text: string, timezone: string | undefined) =>
    ctx.set(text.trim() ? { cron: text.trim(), ...(timezone ? { timezone } : {}) } : undefined, { raw: { mode: 'cron', cron: text } });
  const cronHintId = `${ctx.id}-cron-hint`;
  // In a narrow column (320 px screens) the interval's amount gives up width first, then the unit wraps.
  return html`<div part="control timer" class="grid min-w-0 gap-3">
    <div class="flex flex-wrap gap-x-5 gap-y-1 text-sm" role="radiogroup" aria-label=${t('form.timer.mode')}>
      <label class="flex cursor-pointer items-center gap-2"
        ><input type="radio" class="pd-radio" name=${name} .checked=${mode === 'interval'} ?disabled=${ctx.locked}
          @change=${() => ctx.set({ intervalSeconds: seconds ?? 900 }, { raw: { mode: 'interval', unit: seconds ? unit : 'minutes' } })} />${t('form.timer.interval')}</label
      >
      <label class="flex cursor-pointer items-center gap-2"
        ><input type="radio" class="pd-radio" name=${name} .checked=${mode === 'cron'} ?disabled=${ctx.locked}
          @change=${() => ctx.set({ cron: value.cron ?? '0 9 * * *', timezone: value.timezone ?? userTimeZone() }, { raw: { mode: 'cron' } })} />${t('form.timer.cron')}</label
      >
    </div>
    ${mode === 'interval'
      ? html`<div class="flex flex-wrap gap-2">
          <input
            id=${ctx.id}
            class="pd-input max-w-28 grow basis-20 tabular-nums"
            type="number"
            min="1"
            step="1"
            inputmode="numeric"
            aria-label=${t('form.timer.amount')}
            .value=${amount}
            ?readonly=${ctx.locked}
            aria-invalid=${ctx.invalid ? 'true' : 'false'}
            aria-describedby=${ctx.describedBy}
            @input=${(event: Event) => setInterval((event.target as HTMLInputElement).value, unit)}
            @blur=${ctx.touch}
          />
          <select class="pd-input pd-select w-auto max-w-full" aria-label=${t('form.timer.unit')} ?disabled=${ctx.locked}
            @change=${(event: Event) => setInterval(amount, (event.target as HTMLSelectElement).value as Unit)}>
            ${UNITS.map(([candidate]) => html`<option value=${candidate} ?selected=${candidate === unit}>${t(`form.timer.${candidate}`)}</option>`)}
          </select>
        </div>`
      : html`<div class="grid gap-3 @md:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
          <div class="grid content-start gap-1">
            <label class="text-[0.8125rem] font-medium text-pd-muted" for=${ctx.id}>${t('form.timer.cronLabel')}</label>
            <input
              id=${ctx.id}
              part="input cron"
              class="pd-input font-mono text-[0.8125rem]"
              dir="ltr"
              spellcheck="false"
              autocomplete="off"
              placeholder="0 9 * * 1-5"
              .value=${cron}
              ?readonly=${ctx.locked}
              aria-invalid=${ctx.invalid ? 'true' : 'false'}
              aria-describedby=${`${ctx.describedBy} ${cronHintId}`.trim()}
              @input=${(event: Event) => setCron((event.target as HTMLInputElement).value, zone)}
              @blur=${ctx.touch}
            />
            <p class="text-xs text-pd-muted" id=${cronHintId}>${t('form.timer.cronHint')}</p>
          </div>
          <div class="grid content-start gap-1">
            <label class="text-[0.8125rem] font-medium text-pd-muted" for=${`${ctx.id}-zone`}>${t('form.timer.timezone')}</label>
            <select
              id=${`${ctx.id}-zone`}
              part="select timezone"
              class="pd-input pd-select"
              ?disabled=${ctx.locked}
              @change=${(event: Event) => setCron(cron, (event.target as HTMLSelectElement).value || undefined)}
            >
              ${zone ? nothing : html`<option value="" selected>${t('form.timer.zoneUnset')}</option>`}
              ${zone && !zones.some((item) => item.zone === zone) ? html`<option value=${zone} selected>${zone}</option>` : nothing}
              ${guard([zone], () => zones.map((item) => html`<option value=${item.zone} ?selected=${item.zone === zone}>${item.label}</option>`))}
            </select>
          </div>
        </div>`}
  </div>`;
}
