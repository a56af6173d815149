/// <reference types="vite/client" />
// React 19 JSX types for <pd-*> tags used directly.
import type {} from 'pd-connect-elements/jsx';

declare global {
  interface ImportMetaEnv {
    /** Connect API base URL; unset means Pipedream. */
    readonly VITE_PD_BASE_URL?: string;
    /** Connect page host or URL; unset means Pipedream's. */
    readonly VITE_PD_FRONTEND_HOST?: string;
  }
}
