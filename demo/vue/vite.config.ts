import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [
    vue({
      // <pd-*> tags are custom elements, not Vue components.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('pd-') } },
    }),
  ],
  base: './',
  resolve: {
    // This example builds against the library's source; an app that installed the package needs no alias.
    alias: [{ find: /^pd-connect-elements$/, replacement: source('index.ts') }],
  },
});
