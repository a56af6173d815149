/**
 * Vue 3 template types for the elements (Vue's recipe for typing custom elements): props checked
 * against each element's properties, `@pd-connect-success` handlers get the typed event. Load them
 * once, e.g. `import type {} from 'pd-connect-elements/vue'` in `env.d.ts`, and tell Vue's compiler
 * the `pd-` tags are custom elements: `vue({ template: { compilerOptions: { isCustomElement:
 * (tag) => tag.startsWith('pd-') } } })`.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { PdElementTypes } from './element-types.js';

type Tag = keyof PdElementTypes;

/** `$emit` of an element: each event name with a handler that receives the event object itself. */
export type PdVueEmits<Events> = EmitFn<{ [Name in keyof Events]: (event: Events[Name]) => void }>;

/**
 * The `on…` props Vue checks `@event` handlers against, typed with the element's own events: a
 * native name such as `change` would otherwise be checked as a plain `Event`.
 */
export type PdVueEventProps<Events> = { [Name in keyof Events & string as `on${Capitalize<Name>}`]?: (event: Events[Name]) => void };

/** An element as Vue's template checker sees a component. */
export type PdVueElement<T extends Tag> = new () => PdElementTypes[T]['element'] & {
  $props: Omit<HTMLAttributes, keyof PdElementTypes[T]['properties'] | keyof PdVueEventProps<PdElementTypes[T]['events']>> &
    PdElementTypes[T]['properties'] &
    PdVueEventProps<PdElementTypes[T]['events']> &
    PublicProps;
  $emit: PdVueEmits<PdElementTypes[T]['events']>;
};

export type PdGlobalComponents = { [T in Tag]: PdVueElement<T> };

declare module 'vue' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalComponents extends PdGlobalComponents {}
}
