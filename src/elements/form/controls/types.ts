import type { Translate } from '../../../i18n/index.js';
import type { ConfigurableProp } from '../../../wire/props.js';
import type { FieldError } from '../kinds/types.js';

/** What every control gets from the form: its prop, ids for labels and errors, the value, and how to change it. */
export interface FieldContext {
  prop: ConfigurableProp;
  /** The id of the control the field's `<label>` points at (for grouped controls, the first input). */
  id: string;
  /** Ids of the description and error, for `aria-describedby`. */
  describedBy: string;
  invalid: boolean;
  /** The field's accessible name (its label text). */
  label: string;
  value: unknown;
  /** Raw text kept while it is not a value yet (JSON being typed, rows being edited). */
  draft: unknown;
  /** Read-only or disabled: shown, not editable. */
  locked: boolean;
  t: Translate;
  set(value: unknown, draft?: { raw: unknown; error?: FieldError }): void;
  touch(): void;
}

