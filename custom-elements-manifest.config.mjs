export default {
  globs: ['src/elements/**/*.ts', 'src/base/*.ts'],
  exclude: ['src/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  packagejson: true,
};
