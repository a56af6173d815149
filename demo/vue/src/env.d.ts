/// <reference types="vite/client" />
// Template types for the <pd-*> elements.
import type {} from 'pd-connect-elements/vue';

declare global {
  interface ImportMetaEnv {
    /** Connect API base URL; unset means Pipedream. */
    readonly VITE_PD_BASE_URL?: string;
    /** Connect page host or URL; unset means Pipedream's. */
    readonly VITE_PD_FRONTEND_HOST?: string;
  }
}
