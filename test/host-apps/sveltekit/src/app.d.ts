// The <pd-*> tags' attributes, properties and events in Svelte markup.
import type {} from 'pd-connect-elements/svelte';

export {};
