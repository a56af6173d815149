/**
 * `npm run bench`: cold loads of the same Connect components in <pd-action-form> (CDN build and
 * a Vite build of the package) and in connect-react's ComponentFormContainer, against the same
 * Connect emulator, interleaved, each in a fresh browser context. Prints a markdown report and
 * writes it to bench/results.md. See bench/README.md for what each number means.
 *
 * Env: BENCH_RUNS (loads per contender, component and condition; default 15),
 * BENCH_PACKAGE_ROOT (a checkout with a built dist/, default the repository), CHROME_PATH,
 * BENCH_CONDITIONS and BENCH_COMPONENTS (only these ids and keys, comma-separated).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type Browser, type Page, chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser-path.js';
import { BENCH_DIR, BUILD_DIR, PACKAGE_ROOT, buildApps } from './build.ts';
import { USER, startServers } from './servers.ts';

const RUNS = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? '15', 10) || 15);
const PROBE = readFileSync(join(BENCH_DIR, 'probe.js'), 'utf8');

type Kit = 'pd' | 'react';
interface Contender { id: string; label: string; kit: Kit; path: string }
const CONTENDERS: Contender[] = [
  { id: 'cdn', label: 'pd-action-form (CDN)', kit: 'pd', path: '/page/cdn' },
  { id: 'cdn-one', label: 'pd-action-form (CDN, one file)', kit: 'pd', path: '/page/cdn-one' },
  { id: 'vite', label: 'pd-action-form (Vite)', kit: 'pd', path: '/pd-vite/' },
  { id: 'react', label: 'connect-react', kit: 'react', path: '/react/' },
];
interface Condition { id: string; label: string; apiMs: number; jsMs: number; contenders: string[] }
const ALL_CONDITIONS: Condition[] = [
  { id: 'api0', label: 'API 0 ms', apiMs: 0, jsMs: 0, contenders: ['cdn', 'cdn-one', 'vite', 'react'] },
  { id: 'api80', label: 'API 80 ms', apiMs: 80, jsMs: 0, contenders: ['cdn', 'cdn-one', 'vite', 'react'] },
  { id: 'api80js80', label: 'API 80 ms + 80 ms per JS file', apiMs: 80, jsMs: 80, contenders: ['cdn', 'cdn-one', 'react'] },
];
interface Component { key: string; label: string; interaction?: 'search' | 'reload' }
const ALL_COMPONENTS: Component[] = [
  { key: 'pipedream_utils-download-file-to-tmp', label: 'simple (string props)' },
  { key: 'slack-send-message', label: 'app + remote options', interaction: 'search' },
  { key: 'sendgrid-send-email-single-recipient', label: 'reloadProps', interaction: 'reload' },
];
/** `BENCH_CONDITIONS=api80js80` / `BENCH_COMPONENTS=slack-send-message`: only these (comma lists). */
const only = <T>(all: T[], name: string, id: (item: T) => string): T[] => {
  const wanted = process.env[name]?.split(',').map((item) => item.trim()).filter(Boolean);
  return wanted?.length ? all.filter((item) => wanted.includes(id(item))) : all;
};
const CONDITIONS = only(ALL_CONDITIONS, 'BENCH_CONDITIONS', (condition) => condition.id);
const COMPONENTS = only(ALL_COMPONENTS, 'BENCH_COMPONENTS', (component) => component.key);
/** Mount + render + unmount of a second form after ready: this many timed, after a few untimed. */
const MOUNT_CYCLES = 20;
const MOUNT_WARMUP = 5;
const SEARCH_CHARACTER = 'w'; // only "#watercooler" among the emulator's Slack channels
const RELOADED_FIELD = 'Template'; // shown when "Use a dynamic template" is ticked

interface Sample {
  ready: number | null;
  firstContent: number | null;
  requests: number;
  preflights: number;
  jsBytes: number;
  jsFiles: number;
  jsRounds: number;
  layouts: number;
  recalcs: number;
  search?: number | null;
  reload?: number | null;
  /** Median of this load's mount cycles (`MOUNT_CYCLES`), Vite build and connect-react at API 0 ms. */
  mount?: number | null;
}

const gzipCache = new Map<string, number>();
const gzipSize = (file: string) => {
  let size = gzipCache.get(file);
  if (size === undefined) gzipCache.set(file, (size = gzipSync(readFileSync(file), { level: 9 }).length));
  return size;
};

await buildApps();
const servers = await startServers({ packageRoot: PACKAGE_ROOT, buildDir: BUILD_DIR });
const browser: Browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] });

async function interact(page: Page, contender: Contender, component: Component): Promise<number | null> {
  const pd = contender.kit === 'pd';
  const evaluate = <T,>(code: string) => page.evaluate(code) as Promise<T>;
  const settle = () => evaluate<{ at: number | null }>('window.__bench.settle()');
  const timed = async (act: () => Promise<void>, wait: string) => {
    await evaluate('window.__bench.arm()');
    const shown = evaluate<{ at: number | null }>(wait);
    await act();
    const [result, input] = [await shown, await evaluate<number | null>('window.__bench.input')];
    return result.at === null || input === null ? null : result.at - input;
  };
  if (component.interaction === 'search') {
    // Choose the seeded Slack account, open the channel field, then type one character.
    if (pd) {
      await page.locator('pd-action-form [data-name="slack"] select').selectOption({ label: 'Acme HQ' });
    } else {
      await page.locator('#root .field:has(label:text-is("Connect Slack account")) .react-select__control').click();
      await page.locator('.react-select__option', { hasText: 'Acme HQ' }).click();
    }
    await settle();
    const search = pd
      ? page.locator('pd-action-form [data-name="conversation"] input[role="combobox"]')
      : page.locator('#root .field:has(label:text-is("Channel")) input[role="combobox"]');
    await search.click();
    await settle();
    return timed(() => page.keyboard.type(SEARCH_CHARACTER), `window.__bench.waitOptions(${JSON.stringify(SEARCH_CHARACTER)})`);
  }
  if (component.interaction === 'reload') {
    const box = pd
      ? page.locator('pd-action-form [data-name="useTemplate"] input[type="checkbox"]')
      : page.locator('#root input[type="checkbox"][id$="useTemplate"]');
    return timed(() => box.click(), `window.__bench.waitField(${JSON.stringify(RELOADED_FIELD)})`);
  }
  return null;
}

async function load(contender: Contender, condition: Condition, component: Component): Promise<Sample> {
  servers.api.latencyMs = condition.apiMs;
  servers.site.jsDelayMs = condition.jsMs;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: `window.__BENCH_KIT = ${JSON.stringify(contender.kit)};\n${PROBE}` });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Network.enable');
    const requests = new Map<string, { url: string; type?: string; start: number; end?: number; initiator?: string; parsed: boolean }>();
    cdp.on('Network.requestWillBeSent', (event) => {
      const initiator = event.initiator.url ?? event.initiator.stack?.callFrames?.[0]?.url;
      requests.set(event.requestId, {
        url: event.request.url, type: event.type, start: event.timestamp, parsed: event.initiator.type === 'parser',
        ...(initiator ? { initiator } : {}),
      });
    });
    cdp.on('Network.loadingFinished', (event) => {
      const entry = requests.get(event.requestId);
      if (entry) entry.end = event.timestamp;
    });
    const params = new URLSearchParams({ component: component.key, api: servers.api.url, user: USER });
    const logFrom = servers.api.log.length;
    await page.goto(`${servers.site.url}${contender.path}?${params}`);
    const ready = await page.evaluate('window.__bench.ready') as { at: number | null };
    const metrics = Object.fromEntries(((await cdp.send('Performance.getMetrics')).metrics).map((m) => [m.name, m.value]));
    const firstContent = await page.evaluate('window.__bench.firstContent') as { at: number | null };
    const timeOrigin = await page.evaluate('performance.timeOrigin') as number;
    const readyWall = timeOrigin + (ready.at ?? Number.POSITIVE_INFINITY);
    const api = servers.api.log.slice(logFrom).filter((r) => r.origin === servers.site.url && r.at <= readyWall);

    // Scripts: gzip -9 of each file. Rounds: each script's depth in the chain of script loads
    // (1 for the page's own <script> tags, its initiator's depth + 1 for an import, from CDP's
    // initiator; when the initiator is no script of the page, e.g. a bundler's preload helper,
    // 1 + the deepest script that had finished before it started), maximum over the scripts
    // that had finished before the first request to the API (its preflight included) started.
    const all = [...requests.values()];
    const scripts = all.filter((r) => r.type === 'Script' && (r.url.startsWith(servers.site.url) || r.url.startsWith(servers.site.cdnUrl))).sort((a, b) => a.start - b.start);
    const firstApi = Math.min(...all.filter((r) => r.url.startsWith(servers.api.url)).map((r) => r.start));
    const depth = new Map<object, number>();
    for (const script of scripts) {
      const parent = scripts.find((other) => other.url === script.initiator && depth.has(other));
      if (script.parsed) depth.set(script, 1);
      else if (parent) depth.set(script, depth.get(parent)! + 1);
      else {
        const before = scripts.filter((other) => other !== script && other.end !== undefined && other.end <= script.start);
        depth.set(script, 1 + Math.max(0, ...before.map((other) => depth.get(other) ?? 0)));
      }
    }
    const jsRounds = Math.max(0, ...scripts.filter((s) => s.end !== undefined && s.end <= firstApi).map((s) => depth.get(s) ?? 0));
    const files = [...new Set(scripts.map((s) => servers.fileOf(s.url)).filter((f): f is string => !!f))];

    const sample: Sample = {
      ready: ready.at,
      firstContent: firstContent.at,
      requests: api.filter((r) => r.method !== 'OPTIONS').length,
      preflights: api.filter((r) => r.method === 'OPTIONS').length,
      jsBytes: files.reduce((sum, file) => sum + gzipSize(file), 0),
      jsFiles: files.length,
      jsRounds,
      layouts: metrics.LayoutCount ?? NaN,
      recalcs: metrics.RecalcStyleCount ?? NaN,
    };
    if (component.interaction && ready.at !== null) sample[component.interaction] = await interact(page, contender, component);
    if (ready.at !== null && condition.apiMs === 0 && (contender.id === 'vite' || contender.id === 'react')) {
      const cycles = (await page.evaluate(`window.__bench.mountCycles(${MOUNT_CYCLES}, ${MOUNT_WARMUP})`)) as number[] | null;
      sample.mount = cycles ? [...cycles].sort((x, y) => x - y)[cycles.length >> 1]! : null;
    }
    return sample;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- runs, interleaved
type Key = `${string}|${string}|${string}`;
const samples = new Map<Key, Sample[]>();
const plan: { contender: Contender; condition: Condition; component: Component }[][] = [];
for (const condition of CONDITIONS) {
  for (const component of COMPONENTS) {
    plan.push(condition.contenders.map((id) => ({ contender: CONTENDERS.find((c) => c.id === id)!, condition, component })));
  }
}
const started = Date.now();
const failures: string[] = [];
// One discarded load of each contender first: warms the browser, the servers and the file cache.
for (const contender of CONTENDERS) await load(contender, ALL_CONDITIONS[0]!, ALL_COMPONENTS[1]!).catch(() => undefined);
for (let run = 0; run < RUNS; run++) {
  for (const group of plan) {
    // Alternate who goes first.
    const order = group.map((_, i) => group[(i + run) % group.length]!);
    for (const { contender, condition, component } of order) {
      const key: Key = `${component.key}|${condition.id}|${contender.id}`;
      try {
        const sample = await load(contender, condition, component);
        if (sample.ready === null) failures.push(`${key} run ${run + 1}: not ready within 20 s`);
        samples.set(key, [...(samples.get(key) ?? []), sample]);
      } catch (error) {
        failures.push(`${key} run ${run + 1}: ${(error as Error).message.split('\n')[0]}`);
      }
    }
  }
  process.stderr.write(`run ${run + 1}/${RUNS} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
}
await browser.close();
await servers.close();

// ---------------------------------------------------------------- report
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const valuesOf = (key: Key, metric: keyof Sample) =>
  (samples.get(key) ?? []).map((s) => s[metric]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
const fmt = (n: number, digits = 0) => n.toFixed(digits);
const cell = (key: Key, metric: keyof Sample, digits = 0, scale = 1) => {
  const values = valuesOf(key, metric).map((v) => v / scale);
  if (!values.length) return '—';
  const low = Math.min(...values), high = Math.max(...values);
  return low === high ? fmt(low, digits) : `${fmt(median(values), digits)} (${fmt(low, digits)}–${fmt(high, digits)})`;
};
const ratio = (a: Key, b: Key, metric: keyof Sample) => {
  const x = valuesOf(a, metric), y = valuesOf(b, metric);
  if (!x.length || !y.length || median(y) === 0) return '—';
  return `${(median(x) / median(y)).toFixed(2)}×`;
};

const lines: string[] = [];
const chromium_version = await (async () => {
  const b = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS, '--ignore-certificate-errors'] });
  const v = b.version();
  await b.close();
  return v;
})();
lines.push(`# Benchmark: pd-action-form vs connect-react`, '');
lines.push(`${RUNS} cold loads per contender, component and condition, interleaved; Chromium ${chromium_version}, node ${process.version}. Times in ms from navigation start: median (min–max). JS: gzip -9 kB of the script files loaded.`, '');
lines.push('## Load', '');
lines.push('| component | condition | contender | ready | first content | API requests | preflights | JS kB | JS files | JS rounds | layouts | style recalcs |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const component of COMPONENTS) {
  for (const condition of CONDITIONS) {
    for (const id of condition.contenders) {
      const key: Key = `${component.key}|${condition.id}|${id}`;
      const label = CONTENDERS.find((c) => c.id === id)!.label;
      lines.push(`| ${component.key} | ${condition.label} | ${label} | ${cell(key, 'ready')} | ${cell(key, 'firstContent')} | ${cell(key, 'requests')} | ${cell(key, 'preflights')} | ${cell(key, 'jsBytes', 1, 1000)} | ${cell(key, 'jsFiles')} | ${cell(key, 'jsRounds')} | ${cell(key, 'layouts')} | ${cell(key, 'recalcs')} |`);
    }
  }
}
lines.push('', '## Interactions', '');
lines.push(`| component | interaction | condition | contender | input → shown (ms) |`, '|---|---|---|---|---|');
for (const component of COMPONENTS.filter((c) => c.interaction)) {
  const what = component.interaction === 'search'
    ? `type "${SEARCH_CHARACTER}" in Channel → only matching options shown`
    : `tick "Use a dynamic template" → "${RELOADED_FIELD}" field shown`;
  for (const condition of CONDITIONS) {
    for (const id of condition.contenders) {
      const key: Key = `${component.key}|${condition.id}|${id}`;
      lines.push(`| ${component.key} | ${what} | ${condition.label} | ${CONTENDERS.find((c) => c.id === id)!.label} | ${cell(key, component.interaction!)} |`);
    }
  }
}
lines.push('', '## Mount cycles (API 0 ms)', '');
lines.push('A second form of the same component mounted after ready (its definition already loaded), rendered until its fields show with their controls (layout read), and unmounted; the median of ' + MOUNT_CYCLES + ' cycles per load, over the loads.', '');
lines.push('| component | Vite build (ms per cycle) | connect-react (ms per cycle) | ratio |', '|---|---|---|---|');
for (const component of COMPONENTS) {
  if (!CONDITIONS.some((condition) => condition.id === 'api0')) break;
  const a: Key = `${component.key}|api0|vite`;
  const b: Key = `${component.key}|api0|react`;
  lines.push(`| ${component.key} | ${cell(a, 'mount', 1)} | ${cell(b, 'mount', 1)} | ${ratio(a, b, 'mount')} |`);
}
lines.push('', '## Ratios pd / connect-react (medians; below 1 means pd is faster or smaller)', '');
lines.push('| component | condition | pd build | ready | first content | search | reload | API requests | preflights | JS kB | layouts | style recalcs |');
lines.push('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const component of COMPONENTS) {
  for (const condition of CONDITIONS) {
    for (const id of condition.contenders.filter((c) => c !== 'react')) {
      const a: Key = `${component.key}|${condition.id}|${id}`;
      const b: Key = `${component.key}|${condition.id}|react`;
      const metrics: (keyof Sample)[] = ['ready', 'firstContent', 'search', 'reload', 'requests', 'preflights', 'jsBytes', 'layouts', 'recalcs'];
      lines.push(`| ${component.key} | ${condition.label} | ${{ cdn: 'CDN', 'cdn-one': 'CDN, one file', vite: 'Vite' }[id]} | ${metrics.map((m) => ratio(a, b, m)).join(' | ')} |`);
    }
  }
}
if (failures.length) lines.push('', '## Failed loads', '', ...failures.map((f) => `- ${f}`));
const report = `${lines.join('\n')}\n`;
writeFileSync(join(BENCH_DIR, 'results.md'), report);
console.log(report);
console.log('written to bench/results.md');
