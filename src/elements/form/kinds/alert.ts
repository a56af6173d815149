import { html } from 'lit';
import { markdown } from '../controls/markdown.js';
import type { KindDef } from './types.js';

const TYPES = ['info', 'neutral', 'warning', 'error'] as const;
/** An "i" in a circle: info and neutral alerts. */
const infoIcon = 'M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z';
const icons = {
  info: infoIcon,
  neutral: infoIcon,
  warning: 'M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 5a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 5Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z',
  error: 'M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-8-5a.75.75 0 0 1 .75.75v4.5a.75.75 0 0 1-1.5 0v-4.5A.75.75 0 0 1 10 5Zm0 10a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z',
};

/** `alert`: markdown `content` in a note coloured by `alertType` (info, neutral, warning, error); no input. */
export const alert: KindDef = {
  name: 'alert',
  type: 'alert',
  noInput: true,
  renderBlock: (prop, { t }) => {
    const type = (TYPES as readonly string[]).includes(prop.alertType ?? '') ? (prop.alertType as (typeof TYPES)[number]) : 'info';
    return html`<div class="field"><div part="alert alert-${type}" class="pd-alert" data-alert=${type} role="note">
      <svg class="mt-0.5 size-4 shrink-0" viewBox="0 0 20 20" fill="currentColor" aria-hidden="true"><path fill-rule="evenodd" clip-rule="evenodd" d=${icons[type]} /></svg>
      <div class="min-w-0"><span class="sr-only">${t(`form.alert.${type}`)}: </span><div class="pd-markdown" dir="auto">${markdown(prop.content ?? prop.description ?? '')}</div></div>
    </div></div>`;
  },
};
