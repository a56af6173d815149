/**
 * Svelte 5 types for the elements, through `svelte/elements`: attributes and properties are
 * checked, and event attributes (`onpd-connect-success={(event) => …}`, `onchange`) get the typed
 * event. Load them once, e.g. `import type {} from 'pd-connect-elements/svelte'` in a `.d.ts` file.
 */
import type { HTMLAttributes } from 'svelte/elements';
import type { PdElementTypes } from './element-types.js';

type Tag = keyof PdElementTypes;
type ElementOf<T extends Tag> = PdElementTypes[T]['element'];

/** Svelte 5 listens for the event named by the rest of an `on…` attribute. */
export type PdSvelteEventAttributes<Events, Element> = {
  [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name] & { currentTarget: EventTarget & Element }) => void;
};

type OwnAttributes<T extends Tag> = PdElementTypes[T]['attributes'] & PdElementTypes[T]['properties'] & PdSvelteEventAttributes<PdElementTypes[T]['events'], ElementOf<T>>;

/** Everything an element takes in a Svelte template: its own attributes, properties and events, plus Svelte's HTML attributes. */
export type PdSvelteElementAttributes<T extends Tag> = Omit<HTMLAttributes<ElementOf<T>>, keyof OwnAttributes<T>> & OwnAttributes<T>;

export type PdSvelteElements = { [T in Tag]: PdSvelteElementAttributes<T> };

declare module 'svelte/elements' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface SvelteHTMLElements extends PdSvelteElements {}
}
