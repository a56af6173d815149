import type { TemplateResult, nothing } from 'lit';
import type { StringKey, Translate } from '../../../i18n/index.js';
import type { ConfigurableProp } from '../../../wire/props.js';
import type { AppControlHooks } from '../controls/app.js';
import type { RemoteHooks } from '../controls/remote-select.js';
import type { FieldContext } from '../controls/types.js';

/** The kinds of field a prop can get; a field's kind names its control (see the registry). */
export type FieldKind =
  | 'alert' | 'app' | 'remote' | 'select' | 'multi-select' | 'string' | 'list' | 'integer' | 'integer-list'
  | 'boolean' | 'object' | 'json' | 'sql' | 'http' | 'timer' | 'file' | 'note' | 'unknown';

/** A field's problem, as a translatable message. */
export interface FieldError {
  key: StringKey;
  params?: Record<string, string | number>;
}

/** A set (non-empty) value a kind checks. */
export interface ValueCheck {
  prop: ConfigurableProp;
  value: unknown;
  /** The value without its `__lv` wrapping. */
  bare: unknown;
  /** The name of the selected account of an `app` field once it is gone (disconnected, deleted). */
  gone: string | undefined;
}

/** What a kind's rendering may ask of the form beyond its field. */
export interface FormView {
  readonly t: Translate;
  readonly locale: string;
  /** The form's note on a prop Pipedream provides itself (the action and trigger forms word it differently). */
  readonly providedNote: string;
  /** A prop's label, or what to call it when it has none. */
  labelOf(prop: ConfigurableProp): string;
  /** The account list and connect button of an `app` field. */
  app(prop: ConfigurableProp): AppControlHooks;
  /** The shared combobox and option list of a remote-options field. */
  remote(prop: ConfigurableProp): RemoteHooks;
}

/** A rendered control. */
export type Rendered = TemplateResult | typeof nothing;

/**
 * One kind of field: which props it takes, how it renders, how its value is checked. Kinds are
 * plain objects in the registry (kinds/registry.ts); the first kind that takes a prop (its `type`,
 * or its `matches`) wins.
 */
export interface KindDef {
  readonly name: FieldKind;
  /** The prop type this kind takes, when the type alone decides. */
  readonly type?: string;
  /** Whether a prop gets this kind, when more than its type decides. `type` is the prop's type as text. */
  matches?(prop: ConfigurableProp, type: string): boolean;
  /** Takes no input (alerts, props Pipedream provides): no default, never checked, never sent. */
  readonly noInput?: boolean;
  /** The control. */
  render?(field: FieldContext, view: FormView): Rendered;
  /** The whole field instead of a label and a control, for kinds that take no input. */
  renderBlock?(prop: ConfigurableProp, view: FormView): TemplateResult;
  /** The problem of a set value (empty ones are only checked for being required). */
  check?(value: ValueCheck): FieldError | undefined;
  /** What an empty required field says (default: "required"). */
  readonly emptyError?: StringKey;
  /** What a required field without a default starts with (a checkbox starts unchecked). */
  readonly initial?: unknown;
  /** A label beside the control (a checkbox), or a `<fieldset>` around a group of inputs; default: a label above the control. */
  readonly layout?: 'inline' | 'group';
  /**
   * Read-only or disabled, the control itself says so (a read-only input, a disabled checkbox or
   * select); without this the field shows its value as text instead.
   */
  readonly locksItself?: boolean;
  /** A hint under the control (what the field accepts), if any. */
  hint?(prop: ConfigurableProp, t: Translate, error: FieldError | undefined): string | undefined;
  /** What to call a prop of this kind that has no label (default: its name). */
  label?(prop: ConfigurableProp, view: FormView): string | undefined;
  /** A required field of this kind without a value holds back the remote options after it: they depend on it. */
  readonly blocks?: boolean;
  /** The field's options depend on the fields before it: it waits for them, and a new account before it clears it. */
  readonly waits?: boolean;
}
