/**
 * The files made by a generator, never edited by hand: `npm run analyze:check` (check-manifest.mjs)
 * fails when one lacks its "generated, do not edit" header or differs from what its generator
 * makes, and eslint.config.js ignores inline lint directives in them (a fix goes to the generator).
 */

/** A first-lines header that says where a file comes from and not to edit it. */
export const GENERATED_HEADER = /^(?:\/\/ )?Generated from .*(?:do not edit|not this file)/im;

export const generatedFiles = [
  // JSON has no comments: the check compares it with a fresh run of the analyzer instead.
  { path: 'custom-elements.json', by: 'npm run analyze', header: false },
  { path: 'docs/api.md', by: 'npm run analyze', header: true },
  { path: 'src/react/index.ts', by: 'npm run analyze', header: true },
  { path: 'src/frameworks/element-types.ts', by: 'npm run analyze', header: true },
  // Not committed: `npm run styles` writes them before every build, test and lint run.
  { path: 'src/styles/generated/', by: 'npm run styles', header: true, folder: true },
];

/** The generated TypeScript files that ESLint reads (the styles folder it skips). */
export const generatedSources = generatedFiles.filter((file) => !file.folder && file.path.endsWith('.ts')).map((file) => file.path);
export const generatedFolders = generatedFiles.filter((file) => file.folder).map((file) => file.path);
