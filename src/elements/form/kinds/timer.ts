import { timerControl } from '../controls/timer.js';
import type { KindDef } from './types.js';

/** A cron expression's shape: five fields (or six, with seconds), each of digits, names and `* , - / ? L W #`. */
export function isCron(expression: string): boolean {
  const fields = expression.trim().split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => /^[\w*,\-/?#]+$/.test(field));
}

/** `$.interface.timer` without a `static` schedule: an interval (`{intervalSeconds}`) or a cron expression (`{cron, timezone}`). */
export const timer: KindDef = {
  name: 'timer',
  type: '$.interface.timer',
  render: timerControl,
  check: ({ value }) => {
    const schedule = (value && typeof value === 'object' ? value : {}) as { intervalSeconds?: unknown; cron?: unknown };
    if (typeof schedule.cron === 'string') return isCron(schedule.cron) ? undefined : { key: 'form.error.cron' };
    const seconds = schedule.intervalSeconds;
    return typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 1 ? { key: 'form.error.interval' } : undefined;
  },
  layout: 'group',
  label: (_, view) => view.t('form.note.timer'),
};
