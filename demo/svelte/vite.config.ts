import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [svelte()],
  base: './',
  resolve: {
    // This example builds against the library's source; an app that installed the package needs no alias.
    alias: [{ find: /^pd-connect-elements$/, replacement: source('index.ts') }],
  },
});
