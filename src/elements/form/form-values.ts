import { type ConfigurableProp, unwrap } from '../../wire/props.js';
import type { FieldError, KindDef } from './kinds/types.js';

export type { FieldError };

/** How a value the host sets itself shows: read-only in its field, or not at all. */
export type PresetMode = 'locked' | 'hidden';

const isEmpty = (value: unknown) => {
  const bare = unwrap(value);
  return bare === undefined || bare === null || bare === '' || (Array.isArray(bare) && bare.length === 0);
};

/**
 * The values of a component form and what follows from them: drafts and their parse problems,
 * defaults, what would be submitted, which fields show, which wait for others, and each
 * field's error. Plain state and rules: no rendering, no requests.
 */
export class FormValues {
  /** The component's props, in order (replaced when dynamic props reload). */
  props: ConfigurableProp[] = [];
  values: Record<string, unknown> = {};
  /** Raw text of fields whose text is not (yet) a value: JSON, numbers, rows being edited. */
  drafts = new Map<string, unknown>();
  /** Parse problems of drafts, by prop name. */
  parseErrors = new Map<string, FieldError>();
  touched = new Set<string>();
  /** Set by a submit attempt: every error shows, not just those of touched fields. */
  attempted = false;
  /**
   * When each value last changed: a list of accounts fetched before that cannot tell that the
   * account it names is gone.
   */
  readonly valueSetAt = new Map<string, number>();
  /** Values the host set itself (`locked-props`, `hidden-props`): always submitted, never edited. */
  readonly presets = new Map<string, { value: unknown; mode: PresetMode }>();
  /** `prop-names`: only these props show, in this order (undefined: every prop, in the component's order). */
  shownNames?: string[];
  /** `hide-optional-props`: optional props show only when `shownNames` names them. */
  hideOptional = false;
  /** Optional props whose field shows (added by the user, or holding a saved value). */
  readonly enabled = new Set<string>();
  /** The value (and raw text) of an optional field the user removed, back if they add it again. */
  private readonly removed = new Map<string, { value: unknown; draft?: unknown }>();

  /**
   * @param kindOf The kind of field a prop gets (the registry's `kindOf`).
   * @param gone The name of the selected account of an `app` field once it is gone; undefined while
   *   it is there or not known to be gone.
   */
  constructor(
    readonly kindOf: (prop: ConfigurableProp) => KindDef,
    private readonly gone: (prop: ConfigurableProp) => string | undefined = () => undefined,
    /** An `app` prop whose app needs no account: never required, never blocking. */
    private readonly noAccountNeeded: (prop: ConfigurableProp) => boolean = () => false,
  ) {}

  /** Required props without a value get their default (or their kind's initial value: a checkbox starts unchecked). */
  applyDefaults(): void {
    for (const prop of this.props) {
      const kind = this.kindOf(prop);
      if (prop.optional || kind.noInput || this.values[prop.name] !== undefined) continue;
      if (prop.default !== undefined && prop.default !== null) this.values[prop.name] = structuredClone(prop.default);
      else if (kind.initial !== undefined) this.values[prop.name] = kind.initial;
    }
  }

  /** Replaces every value (a host's saved configuration): nothing the user typed is kept. */
  replace(values: Record<string, unknown>): void {
    const previous = this.values;
    this.values = { ...values };
    this.applyPresets();
    // A saved configuration opens with the optional fields it has values for.
    this.enabled.clear();
    this.removed.clear();
    for (const [name, value] of Object.entries(this.values)) if (value !== undefined && !this.presets.has(name)) this.enabled.add(name);
    const now = performance.now();
    // A host that assigns equal values again (a controlled form on each render) changes no value:
    // an account it names is not news, so neither a known "gone" nor the list is called into question.
    for (const name of new Set([...Object.keys(previous), ...Object.keys(values)])) {
      if (JSON.stringify(previous[name]) !== JSON.stringify(values[name])) this.valueSetAt.set(name, now);
    }
    this.drafts.clear();
    this.parseErrors.clear();
  }

  /** Replaces the host's preset values; a name that leaves the presets keeps its value, now editable. */
  setPresets(locked: Record<string, unknown>, hidden: Record<string, unknown>): void {
    this.presets.clear();
    for (const [name, value] of Object.entries(locked)) this.presets.set(name, { value, mode: 'locked' });
    for (const [name, value] of Object.entries(hidden)) this.presets.set(name, { value, mode: 'hidden' });
    this.applyPresets();
  }

  /** Puts the presets back into the values (after a replace, a reload, a preset change). */
  applyPresets(): void {
    for (const [name, { value }] of this.presets) {
      if (JSON.stringify(this.values[name]) !== JSON.stringify(value)) this.valueSetAt.set(name, performance.now());
      if (value === undefined) delete this.values[name];
      else this.values[name] = structuredClone(value);
      this.drafts.delete(name);
      this.parseErrors.delete(name);
    }
  }

  /** What the form would submit: set values of props that exist and take input. */
  configuredProps(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const known = new Map(this.props.map((prop) => [prop.name, prop]));
    for (const [name, value] of Object.entries(this.values)) {
      const prop = known.get(name);
      if (value === undefined) continue;
      if (prop && this.kindOf(prop).noInput) continue;
      out[name] = value;
    }
    return out;
  }

  /** A user edit, with the raw text when it is not (only) a value. Returns true when the value changed. */
  set(name: string, value: unknown, draft?: { raw: unknown; error?: FieldError }): boolean {
    // The host decided this value: no control offers to change it, and nothing else may.
    if (this.presets.has(name)) return false;
    if (value !== undefined) this.enabled.add(name);
    const before = JSON.stringify(this.values[name]);
    if (value === undefined) delete this.values[name];
    else this.values[name] = value;
    if (draft) {
      this.drafts.set(name, draft.raw);
      if (draft.error) this.parseErrors.set(name, draft.error);
      else this.parseErrors.delete(name);
    } else {
      this.drafts.delete(name);
      this.parseErrors.delete(name);
    }
    const changed = before !== JSON.stringify(value);
    if (changed) {
      this.valueSetAt.set(name, performance.now());
      const index = this.props.findIndex((prop) => prop.name === name);
      // Another account means other channels, repos…: values loaded for the one before no longer apply.
      if (this.props[index]?.type === 'app' && before !== undefined) {
        for (const later of this.props.slice(index + 1)) if (this.kindOf(later).waits) delete this.values[later.name];
      }
    }
    return changed;
  }

  /** The user left a field: its errors show from now on. Returns true when it was not touched before. */
  touch(name: string): boolean {
    if (this.touched.has(name)) return false;
    this.touched.add(name);
    return true;
  }

  /**
   * Props the form offers at all, in order: not hidden (by Pipedream or a hidden preset), named by
   * `prop-names` when it is set (in its order), and not optional under `hide-optional-props`.
   * Optional ones among them show a field only once enabled (`shows`).
   */
  visibleProps(): ConfigurableProp[] {
    const offered = (prop: ConfigurableProp) => !prop.hidden && this.presets.get(prop.name)?.mode !== 'hidden';
    const names = this.shownNames;
    if (!names) return this.props.filter((prop) => offered(prop) && !(this.hideOptional && prop.optional && !this.presets.has(prop.name)));
    const byName = new Map(this.props.map((prop) => [prop.name, prop]));
    const picked = new Set<ConfigurableProp>();
    for (const name of names) {
      const prop = byName.get(name);
      if (prop && offered(prop)) picked.add(prop);
    }
    return [...picked];
  }

  /** Whether a prop offered by the form shows its field: required ones always, optional ones once enabled. */
  shows(prop: ConfigurableProp): boolean {
    // Named in `prop-names`, an optional prop is one the host asked for: it shows as it is.
    // Read-only or disabled, there is nothing to add: the field shows what it holds.
    return !prop.optional || prop.readOnly === true || prop.disabled === true || this.enabled.has(prop.name) || this.presets.has(prop.name) || Boolean(this.shownNames?.includes(prop.name));
  }

  /** Shows an optional field: with the value it had when removed, else its default. Returns true when it was not shown. */
  enable(name: string): boolean {
    if (this.enabled.has(name)) return false;
    this.enabled.add(name);
    const kept = this.removed.get(name);
    this.removed.delete(name);
    const prop = this.props.find((candidate) => candidate.name === name);
    const value = kept ? kept.value : prop?.default ?? undefined;
    if (value !== undefined && value !== null) this.set(name, structuredClone(value), kept?.draft !== undefined ? { raw: kept.draft } : undefined);
    return true;
  }

  /** Hides an optional field and stops submitting its value, kept for when it is added again. Returns true when it was shown. */
  disable(name: string): boolean {
    if (!this.enabled.delete(name)) return false;
    this.removed.set(name, { value: this.values[name], draft: this.drafts.get(name) });
    this.set(name, undefined);
    this.enabled.delete(name);
    this.touched.delete(name);
    return true;
  }

  /** Whether a prop holds input a user can set now. */
  editable(prop: ConfigurableProp): boolean {
    return !prop.disabled && !prop.readOnly && !this.presets.has(prop.name);
  }

  /** Whether the host set this prop's value (`locked-props`): shown read-only. */
  locked(prop: ConfigurableProp): boolean {
    return this.presets.get(prop.name)?.mode === 'locked';
  }

  /** Required props the form does not offer (left out of `prop-names`) that have no value: a submit would fail. */
  missingUnoffered(): ConfigurableProp[] {
    const offered = new Set(this.visibleProps());
    return this.props.filter((prop) => !offered.has(prop) && !prop.hidden && !prop.optional && !this.kindOf(prop).noInput && !this.noAccountNeeded(prop) && !this.presets.has(prop.name) && isEmpty(this.values[prop.name]));
  }

  /**
   * The first required field without a value that the remote options after it depend on (an
   * account, an option list): those fields wait, with a hint naming it.
   */
  blocker(): ConfigurableProp | undefined {
    // A disconnected account is no account: the options after it would not load.
    return this.props.find((prop) => !prop.hidden && !prop.optional && this.kindOf(prop).blocks && !this.noAccountNeeded(prop) && (isEmpty(this.values[prop.name]) || this.gone(prop)));
  }

  /** The prop a field waits for, if any. */
  waitingFor(prop: ConfigurableProp): ConfigurableProp | undefined {
    const blocker = this.blocker();
    if (!blocker || blocker === prop) return undefined;
    return this.props.indexOf(blocker) < this.props.indexOf(prop) ? blocker : undefined;
  }

  /** The error of one field, or undefined. Optional empty fields, fields without input and read-only fields never fail. */
  errorOf(prop: ConfigurableProp): FieldError | undefined {
    const kind = this.kindOf(prop);
    if (kind.noInput || prop.hidden || prop.disabled || prop.readOnly || this.presets.has(prop.name) || this.noAccountNeeded(prop)) return undefined;
    const parse = this.parseErrors.get(prop.name);
    if (parse) return parse;
    const value = this.values[prop.name];
    if (isEmpty(value)) return prop.optional ? undefined : { key: kind.emptyError ?? 'form.error.required' };
    return kind.check?.({ prop, value, bare: unwrap(value), gone: this.gone(prop) });
  }

  /** The error to show now: after the field was left, or after a submit attempt. */
  shownError(prop: ConfigurableProp): FieldError | undefined {
    // An account disconnected elsewhere is news to the user: say so right away.
    if (this.gone(prop)) return this.errorOf(prop);
    if (!this.attempted && !this.touched.has(prop.name) && !this.parseErrors.has(prop.name)) return undefined;
    return this.errorOf(prop);
  }
}
