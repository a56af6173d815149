import { optionsAreRemote } from '../../../wire/props.js';
import { remoteSelectControl } from '../controls/remote-select.js';
import type { KindDef } from './types.js';

/**
 * Options from the API (`remoteOptions`, `$.discord.*`, `$.airtable.*`), loaded for the values
 * before the field: a searchable, paged combobox that waits for the accounts and options it
 * depends on.
 */
export const remote: KindDef = {
  name: 'remote',
  matches: optionsAreRemote,
  render: (field, view) => remoteSelectControl(field, view.remote(field.prop)),
  blocks: true,
  waits: true,
};
