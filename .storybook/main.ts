import type { StorybookConfig } from '@storybook/web-components-vite';
import { emulatorServiceWorker } from './emulator/plugin.js';

/** Files whose imports Vite scans up front: the elements and everything the stories load. */
const DEPENDENCY_ENTRIES = [
  'src/index.ts', 'src/{base,elements,events,i18n,session,styles}/**/*.ts', 'stories/**/*.ts', '.storybook/preview.ts',
];

const config: StorybookConfig = {
  framework: '@storybook/web-components-vite',
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  core: { disableTelemetry: true },
  viteFinal: (viteConfig) => ({
    ...viteConfig,
    plugins: [...(viteConfig.plugins ?? []), emulatorServiceWorker()],
    // Found up front, so the story tests never see Vite re-optimize and reload mid-run.
    optimizeDeps: {
      ...viteConfig.optimizeDeps,
      entries: [...[viteConfig.optimizeDeps?.entries ?? []].flat(), ...DEPENDENCY_ENTRIES],
    },
  }),
};

export default config;
