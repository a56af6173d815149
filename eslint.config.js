import { builtinModules } from 'node:module';
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import tseslint from 'typescript-eslint';
import { generatedFolders, generatedSources } from './scripts/generated-files.mjs';

/** Modules that run only in Node: the server helper, the Node HTTP bridge, the emulator's server and CLI. */
const NODE_ONLY = ['src/server/**', 'src/http/**', 'src/**/*.node.ts', 'src/emulator/node.ts', 'src/emulator/cli.ts'];

/** Node's built-in modules, with and without `node:`. */
const nodeBuiltins = {
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: 'Node built-ins do not exist in the browser.' })),
  node: { regex: '^node:', message: 'Node built-ins do not exist in the browser.' },
};
const nodeImportCall = {
  selector: 'ImportExpression[source.value=/^node:/]',
  message: 'Node built-ins do not exist in the browser.',
};
const serverCode = { regex: '^\\.{1,2}/(.*/)?server(/|$)', message: 'The server helper (src/server/) runs on the host app\'s server, never in the browser or the emulator: shared Node code lives in src/http/.' };

/** Rules for code that may run in a browser or service worker: no Node built-ins, no server helper, nor what `patterns` names. */
const browserSafe = (patterns) => ({
  'no-restricted-imports': ['error', { paths: nodeBuiltins.paths, patterns: [nodeBuiltins.node, serverCode, ...patterns] }],
  'no-restricted-syntax': ['error', nodeImportCall],
});

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'storybook-static/', 'coverage/', ...generatedFolders] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        window: 'readonly', document: 'readonly', console: 'readonly', process: 'readonly', fetch: 'readonly',
        URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { lit, wc, 'lit-a11y': litA11y },
    rules: {
      ...lit.configs.recommended.rules,
      ...wc.configs.recommended.rules,
      ...litA11y.configs.recommended.rules,
      // Elements register through the guarded PdElement.define(), not customElements.define.
      'wc/guard-define-call': 'off',
    },
  },
  // Import boundaries. Browser code: the elements and everything they load.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/emulator/**', ...NODE_ONLY],
    rules: browserSafe([
      { regex: '(^|/)emulator(/|$)', message: 'The emulator is a test double: browser code never loads it.' },
      { regex: '^\\.{1,2}/(.*/)?http/', message: 'src/http/ bridges Node\'s HTTP server: browser code never loads it.' },
      { regex: '^@pipedream/sdk/server', message: 'The SDK\'s server client needs the client secret: browser code uses the browser clients.' },
    ]),
  },
  // The emulator's core also runs in a service worker (the static Storybook): no Node, no server helper.
  {
    files: ['src/emulator/**/*.ts'],
    ignores: NODE_ONLY,
    rules: browserSafe([
      { regex: '^\\.{1,2}/(.*/)?(node|cli|index\\.node)(\\.js)?$', message: 'The emulator\'s Node entry points import its core, not the other way round.' },
    ]),
  },
  // The emulator's Node entry points: Node is fine, the server helper still is not.
  {
    files: ['src/emulator/node.ts', 'src/emulator/cli.ts', 'src/emulator/**/*.node.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [serverCode] }],
    },
  },
  // A promise nobody awaits loses its failure: product code awaits, handles or marks it `void`.
  {
    files: ['src/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  // Generated files: a lint fix goes to the generator (generated-files.mjs), so directives in them are ignored.
  {
    files: generatedSources,
    linterOptions: { noInlineConfig: true },
  },
);
