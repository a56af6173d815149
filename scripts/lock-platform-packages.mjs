#!/usr/bin/env node
/**
 * Records other platforms' optional native packages (esbuild, rollup, tailwind's oxide, …) in
 * package-lock.json when the registry in use could not describe them, so that `npm ci` sees a
 * lockfile in sync with package.json on every machine. Each entry carries the os/cpu its name
 * states, so npm skips it where it does not apply. Run after `npm install` changes the lockfile.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony'];
const CPU = { arm64: 'arm64', x64: 'x64', arm: 'arm', ia32: 'ia32', riscv64: 'riscv64', ppc64: 'ppc64', s390x: 's390x', loong64: 'loong64', mips64el: 'mips64el', wasm32: 'wasm32' };

function platformOf(name) {
  const parts = name.split('/').pop().split('-');
  const os = parts.find((part) => OS.includes(part) || part === 'win32' || part === 'wasm32');
  const cpu = parts.map((part) => (part === 'gnueabihf' ? undefined : CPU[part])).find(Boolean);
  const result = {};
  if (os && os !== 'wasm32') result.os = [os === 'wasm32' ? undefined : os].filter(Boolean);
  if (cpu) result.cpu = [cpu];
  return result;
}

let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [dep, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path ? `${path}/node_modules/${dep}` : `node_modules/${dep}`;
    if (packages[base] || packages[`node_modules/${dep}`]) continue;
    const version = String(range).replace(/^[\^~=]/, '');
    if (!/^\d+\.\d+\.\d+/.test(version)) continue;
    const platform = platformOf(dep);
    if (!platform.os && !platform.cpu) continue;
    packages[`node_modules/${dep}`] = { version, dev: entry.dev || undefined, optional: true, ...platform };
    added++;
  }
}
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-packages: recorded ${added} optional platform package(s)`);
