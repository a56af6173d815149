#!/usr/bin/env node
/**
 * Writes docs/api.md from custom-elements.json: per element, its attributes, properties-only
 * settings, events, slots, CSS parts, custom states and CSS custom properties; and the parts
 * table in README.md. The manifest's elements must be those of elements.json. Run by
 * `npm run analyze`; `npm run analyze:check` fails when it is stale. `--stdout` prints instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { manifestProblems } from './elements.mjs';

export function apiDocs(manifest) {
  const problems = manifestProblems(manifest);
  if (problems.length) throw new Error(problems.join('\n'));
  const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ').trim();
  const code = (text) => (text ? `\`${cell(text).replace(/`/g, '')}\`` : '');
  const lines = [
    '# Element reference',
    '',
    'Generated from the JSDoc of each element (`custom-elements.json`) by `npm run analyze`; do not edit by hand.',
    'Every element also takes the shared settings of `<pd-connect-provider>` (`external-user-id`, `token-endpoint`,',
    '`environment`, `base-url`, `frontend-host`, `token-timeout`, `locale`, `theme`, and the `tokenCallback`, `token`, `strings`,',
    '`oauthAppConfig` properties), each of which it may inherit from the nearest provider.',
    '',
  ];
  const elements = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName)
    .sort((a, b) => a.tagName.localeCompare(b.tagName));
  for (const element of elements) {
    lines.push(`## \`<${element.tagName}>\``, '', cell(element.summary ?? element.description), '');
    const table = (title, headers, rows) => {
      if (!rows.length) return;
      lines.push(`### ${title}`, '', `| ${headers.join(' | ')} |`, `|${headers.map(() => '---').join('|')}|`);
      for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
      lines.push('');
    };
    const own = (items = []) => items.filter((item) => !item.inheritedFrom);
    table('Attributes', ['attribute', 'property', 'type', 'default', 'description'],
      own(element.attributes).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), code(a.default), cell(a.description)]));
    const attributeFields = new Set((element.attributes ?? []).map((a) => a.fieldName));
    table('Properties only', ['property', 'type', 'description'],
      own(element.members).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !attributeFields.has(m.name) && m.description)
        .map((m) => [code(m.name), code(m.type?.text), cell(m.description)]));
    table('Events', ['event', 'type', 'description'], (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]));
    table('Slots', ['slot', 'description'], (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]));
    table('CSS parts', ['part', 'description'], (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]));
    table('Custom states', ['state', 'description'], (element.cssStates ?? []).map((s) => [code(`:state(${s.name})`), cell(s.description)]));
    table('CSS custom properties', ['property', 'default', 'description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), code(p.default), cell(p.description)]));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The parts table of README.md, between its `<!-- parts:start -->` and `<!-- parts:end -->` markers. */
export function partsTable(manifest) {
  const rows = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement && declaration.tagName && declaration.cssParts?.length)
    .sort((a, b) => a.tagName.localeCompare(b.tagName))
    .map((element) => `| \`<${element.tagName}>\` | ${element.cssParts.map((part) => `\`${part.name}\``).join(', ')} |`);
  return ['| element | parts |', '|---|---|', ...rows].join('\n');
}

const PARTS = /(<!-- parts:start -->\n)[\s\S]*?(<!-- parts:end -->)/;

/** README.md with its parts table made from the manifest. */
export function readmeWithParts(readme, manifest) {
  if (!PARTS.test(readme)) throw new Error('README.md has no <!-- parts:start --> … <!-- parts:end --> markers');
  return readme.replace(PARTS, (_match, start, end) => `${start}${partsTable(manifest)}\n${end}`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const manifest = JSON.parse(readFileSync(process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : 'custom-elements.json', 'utf8'));
  const text = apiDocs(manifest);
  if (process.argv.includes('--stdout')) process.stdout.write(text);
  else {
    writeFileSync('docs/api.md', text);
    writeFileSync('README.md', readmeWithParts(readFileSync('README.md', 'utf8'), manifest));
  }
}
