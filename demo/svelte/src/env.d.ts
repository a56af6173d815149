/// <reference types="vite/client" />
/// <reference types="svelte" />
// Element types for the <pd-*> tags in Svelte templates.
import type {} from 'pd-connect-elements/svelte';

declare global {
  interface ImportMetaEnv {
    /** Connect API base URL; unset means Pipedream. */
    readonly VITE_PD_BASE_URL?: string;
    /** Connect page host or URL; unset means Pipedream's. */
    readonly VITE_PD_FRONTEND_HOST?: string;
  }
}
