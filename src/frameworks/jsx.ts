/**
 * JSX types for React 19, which renders custom elements natively: `<pd-connect-button app="slack"
 * onpd-connect-success={(event) => …} />`. Load them once, e.g. `import type {} from
 * 'pd-connect-elements/jsx'` in a `.d.ts` file. Attributes take their kebab-case names
 * (`external-user-id`); objects and callbacks their property names (`configuredProps`,
 * `tokenCallback`); events an `on` + event-name prop (`onpd-connect-success`, `onchange`).
 * TypeScript never flags an unknown hyphenated attribute in JSX, so a misspelled `onpd-…` name is
 * not caught: the wrappers in `pd-connect-elements/react` are checked everywhere.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { PdElementTypes } from './element-types.js';

type Tag = keyof PdElementTypes;
type ElementOf<T extends Tag> = PdElementTypes[T]['element'];

/** React 19 turns an `on…` prop that is not a property of the element into a listener for the rest of the name. */
export type PdReactEventProps<Events> = { [Name in keyof Events & string as `on${Name}`]?: (event: Events[Name]) => void };

type OwnProps<T extends Tag> = PdElementTypes[T]['attributes'] & PdElementTypes[T]['properties'] & PdReactEventProps<PdElementTypes[T]['events']>;

/** Everything an element takes in React 19 JSX: its own attributes, properties and events, plus React's HTML attributes. */
export type PdReactElementProps<T extends Tag> = Omit<DetailedHTMLProps<HTMLAttributes<ElementOf<T>>, ElementOf<T>>, keyof OwnProps<T>> & OwnProps<T>;

export type PdIntrinsicElements = { [T in Tag]: PdReactElementProps<T> };

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends PdIntrinsicElements {}
  }
}
