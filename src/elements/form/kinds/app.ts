import { appControl } from '../controls/app.js';
import type { KindDef } from './types.js';

/** `app`: one of the user's accounts of the prop's app, or one connected inline: `{authProvisionId}`. */
export const app: KindDef = {
  name: 'app',
  type: 'app',
  render: (field, view) => appControl(field, view.app(field.prop)),
  emptyError: 'form.error.account',
  check: ({ value, gone }) => {
    if (typeof value !== 'object' || typeof (value as { authProvisionId?: unknown }).authProvisionId !== 'string') return { key: 'form.error.account' };
    return gone ? { key: 'form.error.accountGone' } : undefined;
  },
  // The app's name once loaded, its slug until then.
  label: (prop, view) => view.t('form.app.label', { app: view.app(prop).appName || prop.name }),
  blocks: true,
};
