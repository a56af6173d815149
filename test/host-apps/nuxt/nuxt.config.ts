export default defineNuxtConfig({
  compatibilityDate: '2025-07-15',
  ssr: true,
  devtools: { enabled: false },
  telemetry: false,
  // <pd-*> tags are custom elements, not Vue components (in the server and the browser build).
  vue: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pd-') } },
  runtimeConfig: {
    // Server only, set at run time: NUXT_PIPEDREAM_CLIENT_ID, NUXT_PIPEDREAM_CLIENT_SECRET,
    // NUXT_PIPEDREAM_PROJECT_ID, NUXT_PIPEDREAM_ENVIRONMENT, NUXT_PIPEDREAM_BASE_URL.
    pipedream: { clientId: '', clientSecret: '', projectId: '', environment: '', baseUrl: '' },
    // Also sent to the browser: NUXT_PUBLIC_PIPEDREAM_ENVIRONMENT, NUXT_PUBLIC_PIPEDREAM_BASE_URL
    // (a Connect emulator in tests; empty, the elements talk to Pipedream).
    public: { pipedream: { environment: '', baseUrl: '' } },
  },
});
