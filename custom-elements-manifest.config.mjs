/** Modules sorted by path: the analyzer's own order varies between runs, and the file is committed. */
const sortModules = {
  name: 'sort-modules',
  packageLinkPhase({ customElementsManifest }) {
    customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
  },
};

export default {
  globs: ['src/elements/**/*.ts', 'src/base/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  packagejson: !process.env.CEM_OUTDIR,
  plugins: [sortModules],
};
