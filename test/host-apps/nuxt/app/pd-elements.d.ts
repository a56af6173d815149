// The <pd-*> tags' attributes, properties and events in Vue templates.
import type {} from 'pd-connect-elements/vue';
