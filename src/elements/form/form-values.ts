import { type ConfigurableProp, unwrap } from '../../wire/props.js';
import type { FieldError, KindDef } from './kinds/types.js';

export type { FieldError };

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
    const now = performance.now();
    // A host that assigns equal values again (a controlled form on each render) changes no value:
    // an account it names is not news, so neither a known "gone" nor the list is called into question.
    for (const name of new Set([...Object.keys(previous), ...Object.keys(values)])) {
      if (JSON.stringify(previous[name]) !== JSON.stringify(values[name])) this.valueSetAt.set(name, now);
    }
    this.drafts.clear();
    this.parseErrors.clear();
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

  /** Props shown at all (not hidden), in order. */
  visibleProps(): ConfigurableProp[] {
    return this.props.filter((prop) => !prop.hidden);
  }

  /** Whether a prop holds input a user can set now. */
  editable(prop: ConfigurableProp): boolean {
    return !prop.disabled && !prop.readOnly;
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
    if (kind.noInput || prop.hidden || prop.disabled || prop.readOnly || this.noAccountNeeded(prop)) return undefined;
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
