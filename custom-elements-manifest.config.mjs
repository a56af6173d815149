import { manifestProblems } from './scripts/elements.mjs';

/** Modules sorted by path: the analyzer's own order varies between runs, and the file is committed. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

/** The manifest documents exactly the elements of elements.json, each from its module. */
const matchElementList = {
  name: 'match-element-list',
  packageLinkPhase({ customElementsManifest }) {
    const problems = manifestProblems(customElementsManifest);
    // Reported without a stack trace (a throw reads as a bug in the plugin); the run still fails.
    if (problems.length) {
      console.error(`The manifest and elements.json disagree:\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
      process.exitCode = 1;
    }
  },
};

export default {
  globs: ['src/elements/**/*.ts', 'src/base/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: !process.env.CEM_OUTDIR,
  plugins: [sortModules, matchElementList],
};
