import { html, nothing } from 'lit';
import type { StringKey } from '../../../i18n/index.js';
import { PROVIDED_PROP_TYPES } from '../../../wire/props.js';
import { markdown } from '../controls/markdown.js';
import { describeTimer } from '../controls/timer.js';
import type { KindDef } from './types.js';

/** What to call a prop Pipedream fills in itself when it has no label: its name ("db", "tmpDir") means little to people. */
const NOTE_LABELS: Record<string, StringKey> = {
  '$.service.db': 'form.note.db',
  '$.interface.http': 'form.note.http',
  '$.interface.apphook': 'form.note.apphook',
  '$.interface.timer': 'form.note.timer',
  dir: 'form.note.dir',
  data_store: 'form.note.dataStore',
};

/**
 * Props Pipedream provides itself (a database, an HTTP interface, an app hook, a data store, a
 * directory) and timers with a `static` schedule: a note saying so, no input.
 */
export const note: KindDef = {
  name: 'note',
  matches: (prop, type) => PROVIDED_PROP_TYPES.includes(type) || (type === '$.interface.timer' && Boolean(prop.static)),
  noInput: true,
  label: (prop, view) => {
    const key = NOTE_LABELS[String(prop.type)];
    return key && view.t(key);
  },
  renderBlock: (prop, view) => html`<div part="field note" class="field grid gap-1 rounded-pd-sm border border-dashed border-pd-border px-3 py-2.5" data-type=${prop.type}>
    <span part="label" dir="auto" class="text-sm font-medium">${view.labelOf(prop)}</span>
    ${prop.description ? html`<div part="description" dir="auto" class="pd-markdown text-[0.8125rem] text-pd-muted">${markdown(prop.description)}</div>` : nothing}
    <p part="hint" class="text-[0.8125rem] text-pd-muted">${prop.type === '$.interface.timer' && prop.static
      ? view.t('form.timer.static', { schedule: describeTimer(prop.static, view.t, view.locale) })
      : prop.type === 'dir'
        ? view.t('form.dir.note')
        : view.providedNote}</p>
  </div>`,
};

