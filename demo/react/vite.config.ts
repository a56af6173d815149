import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

export default defineConfig({
  plugins: [react()],
  base: './',
  // React, React DOM and every element share one chunk; an example has no use for splitting it.
  build: { chunkSizeWarningLimit: 1024 },
  resolve: {
    // This example builds against the library's source; an app that installed the package needs no alias.
    alias: [
      { find: /^pd-connect-elements$/, replacement: source('index.ts') },
      { find: /^pd-connect-elements\/react$/, replacement: source('react/index.ts') },
    ],
  },
});
