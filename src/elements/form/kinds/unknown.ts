import { jsonControl } from './json.js';
import type { KindDef } from './types.js';

/** Any type without an editor of its own: JSON text, so one odd prop never breaks the form. */
export const unknown: KindDef = {
  name: 'unknown',
  matches: () => true,
  render: jsonControl,
  hint: (prop, t) => t('form.unknownType', { type: String(prop.type) }),
};
