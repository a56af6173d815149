#!/usr/bin/env node
/**
 * Writes the framework integrations from custom-elements.json, so they cannot drift from the
 * elements:
 * - `src/frameworks/element-types.ts`: per element, its attributes, properties and events, and the
 *   tag → types map that the React (JSX), Vue and Svelte declarations in `src/frameworks/` map over;
 * - `src/react/index.ts`: one `@lit/react` wrapper per element, with an `onPd…` callback per event.
 *
 * `--check` writes nothing and fails when a file is stale (run `npm run generate:frameworks`).
 *
 * The maintained generators (custom-element-jsx/vuejs/svelte-integration) were tried first: they
 * type every event as `CustomEvent<T>` (ours are Event subclasses carrying their data, so
 * `event.detail` would be typed but undefined), import event classes from element modules that do
 * not export them (and import the same name several times), and write Svelte 4 `on:` directives.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { manifestProblems } from './elements.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export const HEADER = '// Generated from custom-elements.json by scripts/generate-framework-types.mjs: do not edit.\n// `npm run analyze` regenerates it (or `npm run generate:frameworks` alone).\n';

/** Names `src/events/index.ts` exports, the only place event types are imported from. */
const eventExports = new Set(
  [...readFileSync(join(root, 'src/events/index.ts'), 'utf8').matchAll(/^export (?:class|interface|type) (\w+)/gm)].map((match) => match[1]),
);

/** The manifest's elements, by tag; they must be those of elements.json. */
function elementsOf(manifest) {
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(problems.join('\n'));
  return manifest.modules
    .flatMap((module) => (module.declarations ?? []).map((declaration) => ({ module, declaration })))
    .filter(({ declaration }) => declaration.customElement && declaration.tagName)
    .map(({ module, declaration }) => ({ module: module.path, ...declaration }))
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
}

const camel = (name) => name.replace(/-([a-z])/g, (_, letter) => letter.toUpperCase());
const pascal = (name) => camel(name).replace(/^./, (letter) => letter.toUpperCase());
const quote = (name) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : `'${name}'`);
const importPath = (from, modulePath) => {
  const path = relative(dirname(join(root, from)), join(root, modulePath)).replace(/\\/g, '/').replace(/\.ts$/, '.js');
  return path.startsWith('.') ? path : `./${path}`;
};
/** A JSDoc block from manifest text, indented. */
const doc = (text, indent = '') => {
  const lines = String(text ?? '').trim().split('\n').map((line) => line.trimEnd());
  if (!lines[0]) return '';
  if (lines.length === 1) return `${indent}/** ${lines[0].replaceAll('*/', '*\\/')} */\n`;
  return `${indent}/**\n${lines.map((line) => `${indent} *${line ? ` ${line.replaceAll('*/', '*\\/')}` : ''}`).join('\n')}\n${indent} */\n`;
};
const summary = (element) => element.summary || element.description || `The <${element.tagName}> element.`;
const eventType = (event) => {
  const name = event.type?.text?.replace(/<.*$/, '');
  return name && eventExports.has(name) ? name : 'Event';
};

/** Attribute-backed fields under their attribute names; writable documented fields without one under their property names. */
function fieldsOf(element) {
  const attributes = (element.attributes ?? []).filter((attribute) => attribute.fieldName);
  const attributeFields = new Set(attributes.map((attribute) => attribute.fieldName));
  const properties = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && !member.readonly && (member.privacy ?? 'public') === 'public' && member.type?.text && member.description && !attributeFields.has(member.name),
  );
  const byField = new Map((element.members ?? []).map((member) => [member.name, member]));
  return {
    attributes: attributes.map((attribute) => ({ name: attribute.name, field: attribute.fieldName, description: attribute.description ?? byField.get(attribute.fieldName)?.description })),
    properties: properties.map((member) => ({ name: member.name, field: member.name, description: member.description })),
  };
}

const eventsOf = (element) => {
  const seen = new Set();
  return (element.events ?? []).filter((event) => event.name && !seen.has(event.name) && seen.add(event.name));
};

// ------------------------------------------------------------------ src/frameworks/element-types.ts

function elementTypes(elements) {
  const file = 'src/frameworks/element-types.ts';
  const usedEvents = new Set(elements.flatMap((element) => eventsOf(element).map(eventType)).filter((name) => name !== 'Event'));
  let out = `${HEADER}/**
 * The attributes, properties and events of every element, as the framework declarations
 * (\`pd-connect-elements/jsx\`, \`/vue\`, \`/svelte\`) see them.
 */
`;
  for (const element of elements) out += `import type { ${element.name} } from '${importPath(file, element.module)}';\n`;
  if (usedEvents.size) out += `import type { ${[...usedEvents].sort().join(', ')} } from '../events/index.js';\n`;
  for (const element of elements) {
    const { attributes, properties } = fieldsOf(element);
    out += `\n/** Attributes of \`<${element.tagName}>\` (set them as strings or booleans in markup). */\nexport interface ${element.name}Attributes {\n`;
    for (const attribute of attributes) out += `${doc(attribute.description, '  ')}  ${quote(attribute.name)}?: ${element.name}['${attribute.field}'];\n`;
    out += `}\n\n/** Properties of \`<${element.tagName}>\`: every attribute under its property name, plus the properties that take objects and callbacks. */\nexport interface ${element.name}Properties {\n`;
    for (const field of [...attributes, ...properties]) out += `${doc(field.description, '  ')}  ${quote(field.field)}?: ${element.name}['${field.field}'];\n`;
    const events = eventsOf(element);
    if (events.length) {
      out += `}\n\n/** Events of \`<${element.tagName}>\`, by name. */\nexport interface ${element.name}Events {\n`;
      for (const event of events) out += `${doc(event.description, '  ')}  ${quote(event.name)}: ${eventType(event)};\n`;
      out += `}\n`;
    } else {
      out += `}\n\n/** \`<${element.tagName}>\` fires no events of its own. */\nexport type ${element.name}Events = Record<never, never>;\n`;
    }
  }
  out += `\n/** Every element by tag: its class, attributes, properties and events. */\nexport interface PdElementTypes {\n`;
  for (const element of elements) {
    out += `${doc(summary(element), '  ')}  '${element.tagName}': { element: ${element.name}; attributes: ${element.name}Attributes; properties: ${element.name}Properties; events: ${element.name}Events };\n`;
  }
  out += `}\n`;
  return [file, out];
}

// ------------------------------------------------------------------ src/react/index.ts

function reactWrappers(elements) {
  const file = 'src/react/index.ts';
  const usedEvents = new Set(elements.flatMap((element) => eventsOf(element).map(eventType)).filter((name) => name !== 'Event'));
  // A client module: a server component (Next.js App Router) may render the wrappers, and the
  // elements register where they can run, in the browser.
  let out = `${HEADER}'use client';

/**
 * React wrappers for every element, made with \`@lit/react\`: props set the element's properties,
 * and each event has a typed callback: \`pd-connect-success\` → \`onPdConnectSuccess\`, \`change\` → \`onChange\`.
 *
 * \`\`\`tsx
 * import { PdConnectButton } from 'pd-connect-elements/react';
 * <PdConnectButton app="slack" onPdConnectSuccess={(event) => setAccount(event.account)} />
 * \`\`\`
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
`;
  for (const element of elements) out += `import { ${element.name} as ${element.name}Element } from '${importPath(file, element.module)}';\n`;
  if (usedEvents.size) out += `import type { ${[...usedEvents].sort().join(', ')} } from '../events/index.js';\n`;
  // The hooks over the headless API (hand-written) come from the same entry as the wrappers.
  out += `\nexport * from './hooks.js';\n`;
  for (const element of elements) {
    out += `\n${doc(`${summary(element)}\n\nReact wrapper of \`<${element.tagName}>\`.`)}export const ${element.name} = createComponent({\n  react: React,\n  tagName: '${element.tagName}',\n  elementClass: ${element.name}Element,\n  displayName: '${element.name}',\n  events: {\n`;
    for (const event of eventsOf(element)) out += `${doc(event.description, '    ')}    on${pascal(event.name)}: '${event.name}' as EventName<${eventType(event)}>,\n`;
    out += `  },\n});\n`;
  }
  out += '\n';
  for (const element of elements) out += `/** Props of the \`${element.name}\` wrapper. */\nexport type ${element.name}Props = React.ComponentProps<typeof ${element.name}>;\n`;
  return [file, out];
}

/** The generated files for a manifest, as [path, contents]. */
export function frameworkFiles(manifest) {
  const elements = elementsOf(manifest);
  return [elementTypes(elements), reactWrappers(elements)];
}

/** The generated files that differ from what the manifest makes. */
export function staleFrameworkFiles(manifest) {
  return frameworkFiles(manifest).filter(([file, contents]) => {
    try {
      return readFileSync(join(root, file), 'utf8') !== contents;
    } catch {
      return true;
    }
  }).map(([file]) => file);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const check = process.argv.includes('--check');
  const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
  let outputs;
  try {
    outputs = frameworkFiles(manifest);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
  const stale = [];
  for (const [file, contents] of outputs) {
    const path = join(root, file);
    let current;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      current = undefined;
    }
    if (current === contents) continue;
    if (check) stale.push(file);
    else {
      writeFileSync(path, contents);
      console.log(`wrote ${file}`);
    }
  }
  if (stale.length) {
    console.error(`Stale framework types (custom-elements.json changed): ${stale.join(', ')}. Run \`npm run generate:frameworks\` and commit the result.`);
    process.exit(1);
  }
}
