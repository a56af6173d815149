#!/usr/bin/env node
/**
 * The CDN build: `dist/cdn/pd-connect-elements.js` registers every element and works from a
 * plain `<script type="module">` with no build step; `dist/cdn/<cdn>.js` registers one element
 * (the entries of elements.json). Lit and every dependency are bundled; shared code is split into
 * chunks that each entry imports directly (two rounds of requests: the entry, then all of its
 * chunks, the SDK clients of its first render included), and the other SDK resource clients,
 * the non-English locales and the markdown renderer into chunks loaded when needed. The CSS and
 * the markup inside the modules are minified too (minify-templates.mjs). `dist/cdn/one/<cdn>.js`
 * is each element with the provider in one file, for pages with one element.
 * `dist/cdn.meta.json` (not published) records the module graph for `npm run size`.
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, transform } from 'esbuild';
import { rollup } from 'rollup';
import { minifyTemplatesPlugin } from './minify-templates.mjs';
import { elements } from './elements.mjs';
import { closure, preloadLazyImports } from './preload-lazy.mjs';

export const elementEntries = Object.fromEntries(elements.map((element) => [element.cdn, element.module]));

/**
 * The provider's file reaches the base class and the design tokens like every other element file
 * (though it needs only the settings): then Lit, the base, the session and the tokens share one
 * chunk. Without it the provider alone splits that chunk in two, and two files compress worse.
 */
const withBase = {
  name: 'pd-entry-with-base',
  setup(build) {
    build.onResolve({ filter: /^pd-entry:/ }, (args) => ({ path: args.path.slice('pd-entry:'.length), namespace: 'pd-entry' }));
    build.onLoad({ filter: /.*/, namespace: 'pd-entry' }, (args) => ({
      contents: [
        `export * from ${JSON.stringify(`./${args.path}`)};`,
        "export { PdElement } from './src/base/pd-element.ts';",
        "export { tokens } from './src/styles/tokens.ts';",
      ].join('\n'),
      resolveDir: process.cwd(),
      loader: 'ts',
    }));
  },
};
// The other elements reach both through their own imports.
const entryPoints = { ...elementEntries, 'pd-connect-provider': `pd-entry:${elementEntries['pd-connect-provider']}` };

rmSync('dist/cdn', { recursive: true, force: true });
const options = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  tsconfig: 'tsconfig.json',
  logLevel: 'warning',
};
const result = await build({
  ...options,
  entryPoints: { 'pd-connect-elements': 'src/index.ts', ...entryPoints },
  outdir: 'dist/cdn',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  sourcemap: true,
  legalComments: 'linked',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [withBase, minifyTemplatesPlugin()],
});

/**
 * Elements that ask for a Connect token. Their files start the token request and the connection
 * to the API before loading the rest (src/session/early-start.ts): a static import would hold
 * every line of the file until its chunks had arrived. The console talks to the host's admin
 * route instead.
 */
const tokenTags = elements.filter((element) => !['pd-connect-provider', 'pd-accounts-console'].includes(element.tag)).map((element) => element.tag);
const earlyStarts = new Map();
const earlyStartFor = async (tags) => {
  const key = tags.join();
  if (!earlyStarts.has(key)) earlyStarts.set(key, await buildEarlyStart(key));
  return earlyStarts.get(key);
};
const buildEarlyStart = async (tags) =>
  (
    await build({
      ...options,
      stdin: {
        contents: `import { startEarly } from './src/session/early-start.ts'; startEarly(${JSON.stringify(tags)});`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      format: 'iife',
      write: false,
    })
  ).outputFiles[0].text.replace(/^"use strict";/, '').trim();

/**
 * An entry that only gathers its chunks' exports (`import{a}from"./chunks/x.js";…export{a as
 * PdConnectButton};`), as a map of its export names to chunk and binding; undefined when it has
 * code of its own.
 */
function reexportsOf(code) {
  const imported = new Map();
  const exported = new Map();
  const rest = code
    .replace(/\/\/# sourceMappingURL=\S+\s*$/, '')
    .replace(/import\{([^}]*)\}from"([^"]+)";/g, (_statement, names, from) => {
      for (const name of names.split(',')) {
        const [binding, local = binding] = name.split(' as ');
        imported.set(local, { from, binding });
      }
      return '';
    })
    .replace(/import"[^"]+";/g, '')
    .replace(/export\{([^}]*)\};/g, (_statement, names) => {
      for (const name of names.split(',')) {
        const [local, as = local] = name.split(' as ');
        exported.set(as, imported.get(local));
      }
      return '';
    });
  return rest.trim() || [...exported.values()].some((source) => !source) ? undefined : exported;
}

const relative = (path) => JSON.stringify(`./${path.slice('dist/cdn/'.length)}`);

/**
 * The element file is replaced by one that starts early and then imports every chunk the entry
 * imported, all in one round, as the static imports did; its exports are the same bindings. An
 * entry with code of its own (the file with every element) moves to `chunks/<name>-entry.js` and
 * is imported alongside. The module graph records the new file as "importing" them statically
 * (they load at once). The file waits (top-level await) until the element is defined, so
 * `await import()` of it still finds the element registered.
 */
const graph = result.metafile.outputs;
/** The entries as esbuild wrote them (static imports of their chunks), for the one-file build below. */
const staticEntries = new Map(elements.map((element) => [element.cdn, readFileSync(`dist/cdn/${element.cdn}.js`, 'utf8').replace(/\/\/# sourceMappingURL=\S+\s*$/, '')]));
const cdnOf = (tag) => elements.find((element) => element.tag === tag).cdn;
// Module scripts run in document order, each once its static imports are in: the provider's file,
// usually first, would hold the element files behind it until its chunks had arrived. It starts
// nothing itself, but waits for its chunks the same way (top-level await holds no later script).
const starters = [['pd-connect-elements', tokenTags], [cdnOf('pd-connect-provider'), []], ...tokenTags.map((tag) => [cdnOf(tag), [tag]])];
/**
 * The lazy modules a form asks for as it connects (its account fields' code, the markdown
 * renderer): the form's own file asks for them, with the chunks they import, in the same round as
 * its chunks when a form is in the document, instead of one round later from the form's code.
 */
const FORM_WARM_UP = ['src/session/lazy/accounts.ts', 'src/session/lazy/apps.ts', 'src/session/query-controller.ts', 'src/elements/form/controls/markdown-render.ts'];
const warmUps = new Map([['pd-action-form', FORM_WARM_UP], ['pd-trigger-form', FORM_WARM_UP]]);
const staticImports = (file) => (graph[file]?.imports ?? []).filter((edge) => edge.kind === 'import-statement').map((edge) => edge.path);
/** `files` and everything they import statically. */
const staticClosure = (files) => new Set(files.flatMap((file) => [file, ...closure(file, staticImports)]));
/** `import()`s of the warm-up chunks of the element `tag` not in `loaded`, run when one is in the document. */
function warmUpFor(tag, loaded) {
  const modules = warmUps.get(tag);
  if (!modules) return '';
  const lazy = Object.keys(graph).filter((file) => modules.includes(graph[file].entryPoint));
  if (lazy.length !== modules.length) throw new Error(`${tag}: warm-up modules without a chunk of their own: ${modules.join(', ')}`);
  const files = [...staticClosure(lazy)].filter((file) => !loaded.has(file));
  return `if(document.querySelector(${JSON.stringify(tag)}))for(const p of[${files.map(relative).join()}])import(p).catch(()=>{});`;
}
for (const [cdn, tags] of starters) {
  const file = `dist/cdn/${cdn}.js`;
  const code = readFileSync(file, 'utf8');
  const chunks = graph[file].imports.filter((edge) => edge.kind === 'import-statement' && !edge.external).map((edge) => edge.path);
  const reexports = reexportsOf(code);
  let atOnce = chunks;
  let exports;
  if (reexports) {
    const index = (from) => chunks.indexOf(`dist/cdn/${from.slice(2)}`);
    exports = [...reexports].map(([name, { from, binding }]) => `${name}=m[${index(from)}].${binding}`).join();
    rmSync(`${file}.map`);
  } else {
    const inner = `dist/cdn/chunks/${cdn}-entry.js`;
    writeFileSync(inner, code.replace(/"\.\/chunks\//g, '"./').replace(/\/\/# sourceMappingURL=\S+\s*$/, `//# sourceMappingURL=${cdn}-entry.js.map\n`));
    // One folder deeper: the map's sources move one step up.
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
    writeFileSync(`${inner}.map`, JSON.stringify({ ...map, sources: map.sources.map((source) => `../${source}`) }));
    rmSync(`${file}.map`);
    graph[inner] = { ...graph[file] };
    atOnce = [inner, ...chunks];
    exports = `{${graph[file].exports.join()}}=m[0]`;
  }
  const wrapper = [
    tags.length ? await earlyStartFor(tags) : '',
    tags.length === 1 ? warmUpFor(tags[0], staticClosure(atOnce)) : '',
    `const m=await Promise.all([${atOnce.map((path) => `import(${relative(path)})`).join()}]);`,
    exports ? `export const ${exports};` : '',
  ].filter(Boolean).join('\n');
  writeFileSync(file, `${wrapper}\n`);
  graph[file] = { bytes: Buffer.byteLength(wrapper), inputs: {}, imports: atOnce.map((path) => ({ path, kind: 'import-statement' })), exports: graph[file].exports, entryPoint: graph[file].entryPoint };
}
writeFileSync('dist/cdn.meta.json', JSON.stringify(result.metafile));

/**
 * One file per element, for pages with one element: `dist/cdn/one/<cdn>.js` holds the element, the
 * provider and everything their first render needs, so the page loads one script before its first
 * API call instead of two rounds, and one file compresses better than its chunks. It starts early
 * too (its first lines). What loads later (other SDK clients, other locales, markdown) is in
 * `one/chunks/`, importing from the file. Rollup re-bundles esbuild's chunks for this: it keeps
 * the code that lazy chunks share with the entry in the entry, where esbuild splits it out. Two of
 * these files on one page would each bring their own Lit and SDK: pages with more elements use the
 * files above, which share their chunks.
 */
const ONE = '\0pd-one:';
mkdirSync('dist/cdn/one/chunks', { recursive: true });
const provider = cdnOf('pd-connect-provider');
for (const element of elements.filter((candidate) => candidate.tag !== 'pd-connect-provider')) {
  const bundle = await rollup({
    input: { [element.cdn]: `${ONE}entry` },
    preserveEntrySignatures: 'allow-extension',
    plugins: [
      {
        name: 'pd-one-file',
        resolveId(source, importer) {
          if (source.startsWith(ONE)) return source;
          if (importer?.startsWith(ONE)) return resolve('dist/cdn', source);
          return null;
        },
        load(id) {
          if (id === `${ONE}entry`) {
            // The provider first, so it is defined before the element looks for it.
            return [
              `import ${JSON.stringify(`${ONE}${provider}`)};`,
              `export * from ${JSON.stringify(`${ONE}${element.cdn}`)};`,
              `export { PdConnectProvider } from ${JSON.stringify(`${ONE}${provider}`)};`,
            ].join('\n');
          }
          return id.startsWith(ONE) ? staticEntries.get(id.slice(ONE.length)) : null;
        },
      },
    ],
    onwarn(warning) {
      throw new Error(`one-file build of ${element.cdn}: ${warning.message}`);
    },
  });
  const banner = tokenTags.includes(element.tag) ? await earlyStartFor([element.tag]) : '';
  const { output } = await bundle.generate({ format: 'es', entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' });
  await bundle.close();
  const importsOf = new Map(output.filter((file) => file.type === 'chunk').map((file) => [file.fileName, file.imports]));
  for (const file of output) {
    if (file.type !== 'chunk') continue;
    if (file.isEntry && file.imports.length) throw new Error(`one-file build: ${file.fileName} imports ${file.imports.join(', ')} at once`);
    const { code: minified } = await transform(file.code, { minify: true, format: 'esm', target: 'es2022', legalComments: 'inline' });
    const { code } = preloadLazyImports(file.fileName, minified, (name) => importsOf.get(name) ?? []);
    writeFileSync(`dist/cdn/one/${file.fileName}`, file.isEntry && banner ? `${banner}\n${code}` : code);
  }
}
// Each lazy chunk comes in one round with what it imports (preload-lazy.mjs). Last: the one-file
// build above re-bundles the chunks as esbuild wrote them.
for (const file of Object.keys(graph).filter((path) => path.startsWith('dist/cdn/chunks/') && path.endsWith('.js'))) {
  const mapFile = `${file}.map`;
  const { code, map } = preloadLazyImports(file, readFileSync(file, 'utf8'), staticImports, JSON.parse(readFileSync(mapFile, 'utf8')));
  writeFileSync(file, code);
  writeFileSync(mapFile, JSON.stringify(map));
}
console.log('cdn: dist/cdn/pd-connect-elements.js, one pd-*.js per element, and dist/cdn/one/pd-*.js (one file each)');
