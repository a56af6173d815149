/**
 * A lazy chunk is requested together with the chunks it imports. A browser learns a module's
 * static imports only once the module has arrived, so a lazy chunk that imports others costs one
 * round of requests per level; across a distant CDN each round is a full trip. Every
 * `import("./x.js")` in a file of the build becomes
 * `Promise.all([import("./x.js"),import("./y.js"),…]).then(m=>m[0])`, listing the chunks x
 * imports at any depth that the importing file has not loaded already: they are all requested at
 * once, the module map still runs each once and in order, and a failed one fails the import as
 * before.
 */
import { posix } from 'node:path';
import { decode, encode } from '@jridgewell/sourcemap-codec';

/** Every file `file` imports statically, at any depth (`importsOf` gives the direct ones). */
export function closure(file, importsOf) {
  const seen = new Set();
  const visit = (current) => {
    for (const next of importsOf(current)) {
      if (seen.has(next)) continue;
      seen.add(next);
      visit(next);
    }
  };
  visit(file);
  return seen;
}

const specifier = (from, to) => {
  const path = posix.relative(posix.dirname(from), to);
  return JSON.stringify(path.startsWith('.') ? path : `./${path}`);
};

/**
 * Rewrites the dynamic imports of `code` (the file `file`; paths are the graph's, relative to one
 * root). `importsOf(file)` lists a file's direct static imports. Returns the new code and, when
 * `map` (a parsed source map of `code`) is given, the map with the generated columns moved past
 * the inserted text.
 */
export function preloadLazyImports(file, code, importsOf, map) {
  const loaded = closure(file, importsOf);
  loaded.add(file);
  const insertions = [];
  const rewritten = code.replace(/import\("(\.{1,2}\/[^"]+)"\)/g, (call, path, offset) => {
    const target = posix.join(posix.dirname(file), path);
    const extra = [...closure(target, importsOf)].filter((dep) => !loaded.has(dep) && dep !== target);
    if (!extra.length) return call;
    const before = 'Promise.all([';
    const after = `,${extra.map((dep) => `import(${specifier(file, dep)})`).join()}]).then(m=>m[0])`;
    insertions.push({ offset, length: before.length }, { offset: offset + call.length, length: after.length });
    return `${before}${call}${after}`;
  });
  if (!map || !insertions.length) return { code: rewritten, map };
  // Generated positions of the original code: columns after an insertion on its line move right.
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i !== -1; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lines = decode(map.mappings);
  for (const { offset, length } of [...insertions].reverse()) {
    let line = lineStarts.length - 1;
    while (lineStarts[line] > offset) line--;
    const column = offset - lineStarts[line];
    for (const segment of lines[line] ?? []) if (segment[0] >= column) segment[0] += length;
  }
  return { code: rewritten, map: { ...map, mappings: encode(lines) } };
}
