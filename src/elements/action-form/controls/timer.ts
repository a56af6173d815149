import { html } from 'lit';
import type { FieldContext } from './types.js';

const UNITS = [
  ['days', 86_400],
  ['hours', 3_600],
  ['minutes', 60],
  ['seconds', 1],
] as const;

type Unit = (typeof UNITS)[number][0];

/** `$.interface.timer`: an interval (`{intervalSeconds}`) or a cron expression (`{cron}`). */
export function timerControl(ctx: FieldContext) {
  const value = (ctx.value && typeof ctx.value === 'object' ? ctx.value : {}) as { intervalSeconds?: number; cron?: string };
  const draft = (ctx.draft && typeof ctx.draft === 'object' ? ctx.draft : {}) as { unit?: Unit; mode?: 'interval' | 'cron' };
  const mode = draft.mode ?? (typeof value.cron === 'string' ? 'cron' : 'interval');
  const seconds = typeof value.intervalSeconds === 'number' ? value.intervalSeconds : undefined;
  const unit: Unit = draft.unit ?? (seconds ? (UNITS.find(([, size]) => seconds % size === 0)?.[0] ?? 'seconds') : 'minutes');
  const size = UNITS.find(([name]) => name === unit)?.[1] ?? 60;
  const amount = seconds === undefined ? '' : String(seconds / size);
  const { t } = ctx;
  const name = `${ctx.id}-mode`;
  const setInterval = (text: string, nextUnit: Unit) => {
    const n = Number(text);
    const unitSize = UNITS.find(([candidate]) => candidate === nextUnit)?.[1] ?? 60;
    const ok = /^\d+$/.test(text.trim()) && n > 0;
    ctx.set(ok ? { intervalSeconds: n * unitSize } : undefined, { raw: { mode: 'interval', unit: nextUnit }, ...(text.trim() && !ok ? { error: { key: 'form.error.integer' as const } } : {}) });
  };
  return html`<div part="control timer" class="grid gap-2">
    <div class="flex flex-wrap gap-x-4 gap-y-1 text-sm" role="radiogroup" aria-label=${t('form.timer.mode')}>
      <label class="flex items-center gap-2"
        ><input type="radio" class="pd-radio" name=${name} .checked=${mode === 'interval'} ?disabled=${ctx.locked}
          @change=${() => ctx.set({ intervalSeconds: seconds ?? 900 }, { raw: { mode: 'interval', unit: seconds ? unit : 'minutes' } })} />${t('form.timer.interval')}</label
      >
      <label class="flex items-center gap-2"
        ><input type="radio" class="pd-radio" name=${name} .checked=${mode === 'cron'} ?disabled=${ctx.locked}
          @change=${() => ctx.set({ cron: value.cron ?? '0 * * * *' }, { raw: { mode: 'cron' } })} />${t('form.timer.cron')}</label
      >
    </div>
    ${mode === 'interval'
      ? html`<div class="flex gap-2">
          <input
            id=${ctx.id}
            class="pd-input w-28 tabular-nums"
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
          <select class="pd-input pd-select w-auto" aria-label=${t('form.timer.unit')} ?disabled=${ctx.locked}
            @change=${(event: Event) => setInterval(amount, (event.target as HTMLSelectElement).value as Unit)}>
            ${UNITS.map(([candidate]) => html`<option value=${candidate} ?selected=${candidate === unit}>${t(`form.timer.${candidate}`)}</option>`)}
          </select>
        </div>`
      : html`<input
            id=${ctx.id}
            class="pd-input pd-code"
            spellcheck="false"
            aria-label=${t('form.timer.cron')}
            .value=${value.cron ?? ''}
            ?readonly=${ctx.locked}
            aria-invalid=${ctx.invalid ? 'true' : 'false'}
            aria-describedby=${`${ctx.describedBy} ${ctx.id}-cron-hint`}
            @input=${(event: Event) => {
              const cron = (event.target as HTMLInputElement).value;
              ctx.set(cron.trim() ? { cron } : undefined, { raw: { mode: 'cron' } });
            }}
            @blur=${ctx.touch}
          />
          <p class="text-xs text-pd-muted" id=${`${ctx.id}-cron-hint`}>${t('form.timer.cronHint')}</p>`}
  </div>`;
}
