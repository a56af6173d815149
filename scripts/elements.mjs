/**
 * The element list (`elements.json` at the repository root) for Node scripts, with what follows
 * from each entry: its class name, its module in `dist/`, its `package.json` export.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const listFile = 'elements.json';

/** `pd-connect-button` → `PdConnectButton`: the class every element module exports. */
export const classNameOf = (tag) => tag.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter) => letter.toUpperCase());

/** The list with the derived fields, in the list's order. */
export function readElements(dir = root) {
  const { elements } = JSON.parse(readFileSync(join(dir, listFile), 'utf8'));
  return elements.map((element) => {
    const built = element.module.replace(/^src\//, './dist/').replace(/\.ts$/, '');
    return {
      ...element,
      className: classNameOf(element.tag),
      /** The key of its entry in `package.json` `exports`, and that entry. */
      exportKey: `./${element.tag}.js`,
      exportEntry: { types: `${built}.d.ts`, default: `${built}.js` },
      /** How `src/index.ts` imports the module. */
      indexSpecifier: element.module.replace(/^src\//, './').replace(/\.ts$/, '.js'),
    };
  });
}

export const elements = readElements();

/** Where a custom-elements.json and the list disagree (each listed element documented from its module, no other), as sentences. */
export function manifestProblems(manifest, list = elements) {
  const found = new Map(
    manifest.modules.flatMap((module) =>
      (module.declarations ?? []).filter((declaration) => declaration.customElement && declaration.tagName).map((declaration) => [declaration.tagName, module.path]),
    ),
  );
  return [
    ...list.filter((element) => found.get(element.tag) !== element.module)
      .map((element) => `<${element.tag}> (${listFile}) is not documented in ${element.module}: its class needs \`@tag ${element.tag}\` in its JSDoc (then \`npm run analyze\`).`),
    ...[...found].filter(([tag]) => !list.some((element) => element.tag === tag))
      .map(([tag, path]) => `${path} documents <${tag}>, which ${listFile} does not list.`),
  ];
}
