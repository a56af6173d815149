// The <pd-*> tags' attributes, properties and events in JSX.
import type {} from 'pd-connect-elements/jsx';
