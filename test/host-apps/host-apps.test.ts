import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/**
 * The packed package in the apps people have. `npm pack` (its `prepack` script builds) makes the tarball a
 * user would install; each app under test/host-apps/<name>/ is copied to a scratch folder,
 * installed from its own lockfile (`npm ci`) plus the tarball, built for production (without any
 * PIPEDREAM_* variable, as on a build machine without secrets), started with its own production
 * server on a free port, and clicked through in Chromium against the Connect emulator from the
 * tarball's `pd-connect-emulator` bin: connect a Slack account on the connect page in the
 * iframe, see it in the account list, run an action in the form, disconnect it. Any console
 * error or warning (hydration warnings included), page error, unhandled rejection, failed local
 * request or server-side error fails the app.
 *
 * Each app's token endpoint is its own server code, made with `pd-connect-elements/server`.
 * Install, build and click-through times are printed per app. HOST_APPS=nextjs,cdn runs some
 * apps only; HOST_APPS_TARBALL=<file.tgz> tests that tarball instead of building and packing;
 * HOST_APPS_KEEP=1 keeps the installed and built apps; HOST_APPS_VERBOSE=1 prints the builds.
 */

const browserPathModule = new URL('../support/browser-path.js', import.meta.url).href;
const { CHROMIUM_ARGS, findChromium } = (await import(browserPathModule)) as { CHROMIUM_ARGS: string[]; findChromium(): string };

const repo = fileURLToPath(new URL('../..', import.meta.url));
const appsDir = fileURLToPath(new URL('.', import.meta.url));
/**
 * Scratch space outside the checkout, one per run: installs and builds leave nothing in the
 * working tree, and runs side by side do not meet. Removed at the end unless HOST_APPS_KEEP=1.
 */
const work = mkdtempSync(join(tmpdir(), 'pd-connect-elements-host-apps-'));
const USER = 'host-app-user';
const STEP_TIMEOUT = 20_000;
const INSTALL_TIMEOUT = 5 * 60_000;
const BUILD_TIMEOUT = 5 * 60_000;
/** The emulator's default credentials, handed to each app's server as its PIPEDREAM_* variables. */
const CREDENTIALS = { PIPEDREAM_CLIENT_ID: 'pd_emulator_client_id', PIPEDREAM_CLIENT_SECRET: 'pd_emulator_client_secret', PIPEDREAM_PROJECT_ID: 'proj_emulator' };

interface PageCheck {
  /** Path on the app's server. */
  path: string;
  /** Label in the test name. */
  label: string;
  /** The app's own handlers write "Connected: …" and "Result: …" into role=status elements. */
  appStatus: boolean;
  /** The server's HTML for the page already holds the elements' tags. */
  ssr: boolean;
}

interface HostApp {
  name: string;
  /** The app's folder under test/host-apps, and its install folder under the scratch space. */
  dir: string;
  /** Installs into the folder of an app that ran before it (same dependencies), adding `overlay`. */
  reuses?: string;
  /** Files copied over the installed app before its build: [from under test/host-apps, to under the app]. */
  overlay?: [string, string];
  /** npm script that builds for production; none for a plain static site. */
  build?: string;
  /** The production server on `port`: npm arguments, and its variables. */
  start(port: number, emulatorUrl: string): { args: string[]; env?: Record<string, string> };
  /** The server gets no PIPEDREAM_* variables, only its own from `start` (they would hide a broken config). */
  ownVariablesOnly?: boolean;
  pages: PageCheck[];
  /** The click-through's test name (default: the pages' labels). */
  title?: string;
}

const npmStart = (...args: string[]) => ['run', 'start', '--', ...args];

const APPS: HostApp[] = [
  {
    name: 'nextjs',
    dir: 'nextjs',
    build: 'build',
    start: (port) => ({ args: npmStart('--hostname', '127.0.0.1', '--port', String(port)) }),
    pages: [{ path: '/', label: 'a server component renders client components with the React wrappers', appStatus: true, ssr: true }],
  },
  {
    name: 'nextjs-server-wrappers',
    dir: 'nextjs',
    reuses: 'nextjs',
    overlay: ['nextjs-variants/server-wrappers', 'app/server-wrappers'],
    build: 'build',
    start: (port) => ({ args: npmStart('--hostname', '127.0.0.1', '--port', String(port)) }),
    pages: [{ path: '/server-wrappers', label: "a server component imports 'pd-connect-elements/react' itself", appStatus: false, ssr: true }],
  },
  {
    name: 'nextjs-server-import',
    dir: 'nextjs',
    reuses: 'nextjs',
    overlay: ['nextjs-variants/server-import', 'app/server-import'],
    build: 'build',
    start: (port) => ({ args: npmStart('--hostname', '127.0.0.1', '--port', String(port)) }),
    pages: [{ path: '/server-import', label: "a server component has import 'pd-connect-elements' and renders the tags", appStatus: false, ssr: true }],
  },
  {
    name: 'sveltekit',
    dir: 'sveltekit',
    build: 'build',
    // No ORIGIN: adapter-node then takes the request's URL to be https://…, and the token is still
    // minted for the page's real origin.
    start: (port) => ({ args: ['run', 'start'], env: { PORT: String(port), HOST: '127.0.0.1' } }),
    pages: [{ path: '/', label: 'SSR page with the tags, token endpoint in +server.ts', appStatus: true, ssr: true }],
  },
  {
    name: 'nuxt',
    dir: 'nuxt',
    build: 'build',
    ownVariablesOnly: true,
    start: (port, emulatorUrl) => ({
      args: ['run', 'start'],
      env: {
        PORT: String(port),
        HOST: '127.0.0.1',
        // Nuxt's runtime config: server-only credentials and the public settings the page sends to the browser.
        NUXT_PIPEDREAM_CLIENT_ID: CREDENTIALS.PIPEDREAM_CLIENT_ID,
        NUXT_PIPEDREAM_CLIENT_SECRET: CREDENTIALS.PIPEDREAM_CLIENT_SECRET,
        NUXT_PIPEDREAM_PROJECT_ID: CREDENTIALS.PIPEDREAM_PROJECT_ID,
        NUXT_PIPEDREAM_ENVIRONMENT: 'development',
        NUXT_PIPEDREAM_BASE_URL: emulatorUrl,
        NUXT_PUBLIC_PIPEDREAM_ENVIRONMENT: 'development',
        NUXT_PUBLIC_PIPEDREAM_BASE_URL: emulatorUrl,
      },
    }),
    pages: [{ path: '/', label: 'SSR page with the tags, elements from a .client plugin, token endpoint in server/api', appStatus: true, ssr: true }],
  },
  {
    name: 'angular',
    dir: 'angular',
    build: 'build',
    start: (port) => ({ args: ['run', 'start'], env: { PORT: String(port), HOST: '127.0.0.1' } }),
    pages: [{ path: '/', label: 'standalone component with CUSTOM_ELEMENTS_SCHEMA', appStatus: true, ssr: false }],
  },
  {
    name: 'cdn',
    dir: 'cdn',
    start: (port) => ({ args: ['run', 'start'], env: { PORT: String(port), HOST: '127.0.0.1' } }),
    title: 'the per-element CDN files in every order (provider-first, provider-last, readme-order, async)',
    pages: ['provider-first', 'provider-last', 'readme-order', 'async'].map((order) => ({
      path: `/${order}.html`,
      label: order,
      appStatus: true,
      ssr: true,
    })),
  },
];

const only = process.env.HOST_APPS?.split(',').map((name) => name.trim()).filter(Boolean);
const selected = only ? APPS.filter((app) => only.includes(app.name) || only.includes(app.dir)) : APPS;
if (only && selected.length === 0) throw new Error(`HOST_APPS=${process.env.HOST_APPS} names none of: ${APPS.map((app) => app.name).join(', ')}`);

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

/**
 * The environment for the apps' tools: none of this run's npm lifecycle variables (they name the
 * repository as the project), no PIPEDREAM_*; npm settings such as a registry or cache stay.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  const lifecycle = /^(npm_(?!config_)|npm_config_(local_prefix|prefix|global_prefix|call|user_agent|npm_version|argv)$|INIT_CWD$|NODE_OPTIONS$|PIPEDREAM_)/i;
  for (const [key, value] of Object.entries(process.env)) {
    if (!lifecycle.test(key)) env[key] = value;
  }
  return {
    ...env,
    CI: '1',
    NEXT_TELEMETRY_DISABLED: '1',
    NUXT_TELEMETRY_DISABLED: '1',
    NG_CLI_ANALYTICS: 'false',
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1',
    ...extra,
  };
}

/** Runs a command to its end; resolves to its output, or rejects with it and the exit code. */
function run(command: string, args: string[], cwd: string, timeout: number, env = cleanEnv()): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      killGroup(child);
      reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} did not finish within ${timeout / 1000} s:\n${tail(output)}`));
    }, timeout);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve(output);
      else reject(new Error(`\`${command} ${args.join(' ')}\` in ${cwd} exited with ${signal ?? code}:\n${tail(output)}`));
    });
  });
}

const tail = (text: string, chars = 12_000) => (text.length > chars ? `…${text.slice(-chars)}` : text);

/** Ends a process this test started, and everything it started (its process group). */
function killGroup(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child);
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A long-running process (a server) whose output is kept for error messages. */
interface Service {
  child: ChildProcess;
  output(): string;
  stderr(): string;
}

function startService(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Service {
  const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  return { child, output: () => output, stderr: () => stderr };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Waits until `url` answers at all (any status), or fails with the service's output. */
async function waitForHttp(url: string, service: Service, what: string, timeout = 60_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`${what} exited with ${service.child.signalCode ?? service.child.exitCode} before answering:\n${tail(service.output())}`);
    }
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what} did not answer at ${url} within ${timeout / 1000} s:\n${tail(service.output())}`);
}

/** The Connect emulator from the tarball's bin, on a free port; resolves once it printed its URL. */
async function startPackedEmulator(installDir: string): Promise<{ url: string; service: Service }> {
  const bin = join(installDir, 'node_modules', '.bin', 'pd-connect-emulator');
  assert.ok(existsSync(bin), `the packed package installed no pd-connect-emulator bin (${bin} is missing)`);
  const service = startService(bin, ['--port', '0'], installDir, cleanEnv());
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const url = /listening on (http:\/\/\S+)/.exec(service.output())?.[1];
    if (url) return { url, service };
    if (service.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop(service.child);
  throw new Error(`pd-connect-emulator printed no URL:\n${tail(service.output())}`);
}

// ---------------------------------------------------------------------------------------------
// The run
// ---------------------------------------------------------------------------------------------

interface Timing {
  install?: number;
  build?: number;
  test?: number;
}
const timings = new Map<string, Timing>();
const timing = (name: string) => timings.get(name) ?? timings.set(name, {}).get(name)!;
const seconds = (started: number) => Math.round((performance.now() - started) / 100) / 10;

/** The packed package, once built and packed. */
let tarball: string | undefined;
let browser: Browser;
/** Why each app cannot go on, once a step failed. */
const broken = new Map<string, string>();
/** Apps whose install failed: the apps that reuse their folder cannot go on either. */
const installFailed = new Set<string>();
/** Install folders by app folder name, once installed. */
const installed = new Map<string, string>();

function mustGoOn(app: HostApp, step: string) {
  if (!tarball) throw new Error(`${app.name}: not ${step}: the package did not build or pack`);
  const reason = broken.get(app.name) ?? (app.reuses && installFailed.has(app.reuses) ? `the install of ${app.reuses} failed` : undefined);
  if (reason) throw new Error(`${app.name}: not ${step}: ${reason}`);
}

/** Copies an app's own files (never a node_modules or a build) into its scratch folder. */
function copyApp(dir: string, to: string) {
  rmSync(to, { recursive: true, force: true });
  const skip = new Set(['node_modules', '.next', '.svelte-kit', '.nuxt', '.output', 'dist', 'build', '.angular']);
  cpSync(join(appsDir, dir), to, { recursive: true, filter: (source) => !skip.has(source.split(/[\\/]/).pop()!) });
}

/** The docs' code blocks titled with a file (```ts title="app/page.tsx") are that file of the app, as it is. */
describe('docs/frameworks show the host apps\' code', () => {
  const docsDir = join(repo, 'docs', 'frameworks');
  for (const doc of readdirSync(docsDir).filter((file) => file.endsWith('.md'))) {
    it(`docs/frameworks/${doc}`, () => {
      const dir = doc.replace(/\.md$/, '');
      const app = APPS.find((candidate) => candidate.name === dir);
      assert.ok(app, `docs/frameworks/${doc} names no host app (test/host-apps/${dir}/)`);
      const markdown = readFileSync(join(docsDir, doc), 'utf8');
      const blocks = [...markdown.matchAll(/^```\w+ title="([^"]+)"\n([\s\S]*?)^```$/gm)];
      assert.ok(blocks.length > 0, `docs/frameworks/${doc} has no code block titled with a file`);
      for (const [, title = '', code] of blocks) {
        // Files of the extra pages live beside the app, copied in by the test (its overlay).
        const overlay: [string, string] | undefined = APPS.find(
          (candidate) => candidate.dir === app.dir && candidate.overlay !== undefined && title.startsWith(`${candidate.overlay[1]}/`),
        )?.overlay;
        const file: string = overlay ? join(appsDir, overlay[0], title.slice(overlay[1].length + 1)) : join(appsDir, app.dir, title);
        assert.ok(existsSync(file), `docs/frameworks/${doc} shows ${title}, which the app does not have (${file})`);
        assert.equal(code, readFileSync(file, 'utf8'), `docs/frameworks/${doc}: the block titled ${title} differs from the app's file`);
      }
    });
  }
});

describe('host apps with the packed package', { timeout: 19 * 60_000 }, () => {
  before(async () => {
    browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
  });

  it('the package builds and packs (npm pack)', { timeout: BUILD_TIMEOUT + 120_000 }, async () => {
    if (process.env.HOST_APPS_TARBALL) {
      assert.ok(existsSync(process.env.HOST_APPS_TARBALL), `HOST_APPS_TARBALL=${process.env.HOST_APPS_TARBALL} does not exist`);
      tarball = process.env.HOST_APPS_TARBALL;
      console.log(`# package: ${tarball} (HOST_APPS_TARBALL)`);
      return;
    }
    // `npm pack` alone, as a user packs it: its `prepack` script builds `dist/` first.
    const started = performance.now();
    const packDir = join(work, 'pack');
    mkdirSync(packDir, { recursive: true });
    await run('npm', ['pack', '--pack-destination', packDir], repo, BUILD_TIMEOUT + 60_000);
    const files = readdirSync(packDir).filter((file) => file.endsWith('.tgz'));
    assert.equal(files.length, 1, `npm pack made ${files.length} tarballs in ${packDir}`);
    tarball = join(packDir, files[0]!);
    console.log(`# package: npm pack (build included) ${seconds(started)} s → ${files[0]}`);
  });

  after(async () => {
    await browser?.close();
    const rows = selected.map((app) => {
      const t = timings.get(app.name) ?? {};
      const cell = (value?: number) => (value === undefined ? '—' : `${value} s`);
      return `#   ${app.name.padEnd(24)} install ${cell(t.install).padStart(7)}  build ${cell(t.build).padStart(7)}  test ${cell(t.test).padStart(7)}`;
    });
    console.log(`# host-app times (${cpus().length} cores):\n${rows.join('\n')}`);
    if (process.env.HOST_APPS_KEEP) console.log(`# the installed and built apps are in ${work}`);
    else rmSync(work, { recursive: true, force: true });
  });

  for (const app of selected) {
    const installDir = join(work, app.dir);

    it(`${app.name}: installs (npm ci, then the tarball)`, { timeout: INSTALL_TIMEOUT + 60_000 }, async () => {
      const started = performance.now();
      try {
        mustGoOn(app, 'installed');
        if (app.reuses) {
          assert.ok(installed.has(app.dir), `${app.name} reuses the install of ${app.reuses}, which did not run (HOST_APPS must name it too)`);
        } else {
          copyApp(app.dir, installDir);
          await run('npm', ['ci', '--no-audit', '--no-fund'], installDir, INSTALL_TIMEOUT);
          await run('npm', ['install', '--no-save', '--no-audit', '--no-fund', tarball!], installDir, INSTALL_TIMEOUT);
          installed.set(app.dir, installDir);
        }
        if (app.overlay) {
          const [from, to] = app.overlay;
          cpSync(join(appsDir, from), join(installDir, to), { recursive: true });
        }
        if (!app.reuses) timing(app.name).install = seconds(started);
      } catch (error) {
        broken.set(app.name, 'its install failed');
        installFailed.add(app.name);
        throw error;
      }
    });

    it(`${app.name}: ${app.build ? 'builds for production' : 'has nothing to build (static files)'}`, { timeout: BUILD_TIMEOUT + 60_000 }, async () => {
      mustGoOn(app, 'built');
      if (!app.build) return;
      const started = performance.now();
      try {
        const output = await run('npm', ['run', app.build], installDir, BUILD_TIMEOUT);
        timing(app.name).build = seconds(started);
        if (process.env.HOST_APPS_VERBOSE) console.log(output);
      } catch (error) {
        broken.set(app.name, 'its build failed');
        throw error;
      } finally {
        // The next app built in this folder gets it without this one's extra pages.
        if (app.overlay) rmSync(join(installDir, app.overlay[1]), { recursive: true, force: true });
      }
    });

    it(`${app.name}: ${app.title ?? app.pages.map((page) => page.label).join('; ')}`, { timeout: 3 * 60_000 }, async () => {
      mustGoOn(app, 'clicked through');
      const started = performance.now();
      const emulator = await startPackedEmulator(installDir);
      const port = await freePort();
      const origin = `http://127.0.0.1:${port}`;
      const { args, env } = app.start(port, emulator.url);
      const pipedream = app.ownVariablesOnly ? {} : { ...CREDENTIALS, PIPEDREAM_ENVIRONMENT: 'development', PIPEDREAM_BASE_URL: emulator.url };
      const server = startService('npm', args, installDir, cleanEnv({ ...pipedream, NODE_ENV: 'production', ...env }));
      const failures: string[] = [];
      try {
        await waitForHttp(origin, server, `${app.name}'s server`);
        for (const check of app.pages) {
          try {
            await checkPage(app, check, origin, emulator.url);
          } catch (error) {
            failures.push(`${check.path} (${check.label}): ${(error as Error).message}`);
          }
          await resetEmulator(emulator.url);
        }
        // Errors the server logged (an SSR crash the browser recovered from, a failing route).
        const serverErrors = server.stderr().split('\n').filter((line) => /error|⨯/i.test(line));
        if (serverErrors.length) failures.push(`the server logged errors:\n${serverErrors.join('\n')}`);
      } finally {
        await stop(server.child);
        await stop(emulator.service.child);
        timing(app.name).test = seconds(started);
      }
      if (failures.length) {
        assert.fail(`${app.name}:\n- ${failures.join('\n- ')}\n--- server output ---\n${tail(server.output(), 6_000)}`);
      }
    });
  }
});

// ---------------------------------------------------------------------------------------------
// The click-through
// ---------------------------------------------------------------------------------------------

async function resetEmulator(url: string) {
  await fetch(`${url}/_emulator/reset`, { method: 'POST' });
}

async function emulatorAccounts(url: string): Promise<{ name: string; externalUserId: string; appSlug: string }[]> {
  const state = (await (await fetch(`${url}/_emulator/state`)).json()) as { accounts?: { name: string; externalUserId: string; appSlug: string }[] };
  return (state.accounts ?? []).map(({ name, externalUserId, appSlug }) => ({ name, externalUserId, appSlug }));
}

/** Waits for `locator`; on a timeout, says what the page showed instead. */
async function waitFor(locator: Locator, what: string, explain: () => Promise<string>, timeout = STEP_TIMEOUT) {
  try {
    await locator.waitFor({ timeout });
  } catch {
    throw new Error(`${what} did not appear within ${timeout / 1000} s. ${await explain().catch((error: Error) => `(could not read the page: ${error.message})`)}`);
  }
}

/** What the elements show, for error messages: each element's rendered text, and whether it is defined. */
function describeElements(page: Page) {
  return page.evaluate(() => {
    const tags = ['pd-connect-provider', 'pd-connect-button', 'pd-account-list', 'pd-action-form'];
    return tags
      .map((tag) => {
        const element = document.querySelector(tag);
        if (!element) return `<${tag}>: not on the page`;
        const text = (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);
        return `<${tag}>: ${customElements.get(tag) ? 'defined' : 'NOT defined'}, shows "${text}"`;
      })
      .join('; ');
  });
}

async function checkPage(app: HostApp, check: PageCheck, origin: string, emulatorUrl: string) {
  const url = `${origin}${check.path}`;
  if (check.ssr) {
    const answer = await fetch(url);
    const html = await answer.text();
    assert.equal(answer.status, 200, `the server answered ${answer.status} for ${check.path}:\n${tail(html, 2_000)}`);
    assert.match(html, /<pd-connect-provider[\s>]/, `the server's HTML for ${check.path} has no <pd-connect-provider> (server-side rendering is off?)`);
    assert.match(html, /<pd-connect-button[\s>]/, `the server's HTML for ${check.path} has no <pd-connect-button>`);
  }

  const context = await browser.newContext({ viewport: { width: 1000, height: 1000 } });
  context.setDefaultTimeout(STEP_TIMEOUT);
  const page = await context.newPage();
  const problems: string[] = [];
  await page.addInitScript(() => {
    window.addEventListener('unhandledrejection', (event) => {
      const reason = event.reason as { stack?: string } | undefined;
      console.error(`unhandled rejection: ${reason?.stack ?? String(event.reason)}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    const type = message.type();
    if (type !== 'error' && type !== 'warning') return;
    const where = message.location().url;
    // App logos live on the catalog's image host, out of reach here: the elements show initials instead.
    if (message.text().startsWith('Failed to load resource') && where && !where.startsWith('http://127.0.0.1')) return;
    problems.push(`console ${type}: ${message.text()}${where ? ` (${where})` : ''}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url().startsWith('http://127.0.0.1')) {
      problems.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
    }
  });
  page.on('requestfailed', (request) => {
    const failure = request.failure()?.errorText ?? '';
    // A frame torn down mid-load (the connect page closing) aborts its requests: not a failure.
    if (request.url().startsWith('http://127.0.0.1') && failure !== 'net::ERR_ABORTED') problems.push(`request failed: ${request.url()} ${failure}`);
  });

  try {
    const response = await page.goto(url);
    assert.equal(response?.status(), 200, `GET ${check.path} answered ${response?.status()}`);
    const explain = () => describeElements(page);

    // 1. Connect: the button opens the connect page in an iframe; the user allows access there.
    const connect = page.locator('pd-connect-button button:not([aria-disabled="true"])');
    await waitFor(connect.getByText('Connect Slack'), 'An enabled "Connect Slack" button', explain);
    await connect.click();
    const frame = page.frameLocator('iframe[src*="/_static/connect.html"]');
    await waitFor(frame.getByRole('button', { name: 'Allow' }), 'The connect page\'s "Allow" button', explain);
    await frame.getByRole('button', { name: 'Allow' }).click();
    await page.locator('[data-pd-connect-overlay]').waitFor({ state: 'detached', timeout: STEP_TIMEOUT });

    const accounts = await emulatorAccounts(emulatorUrl);
    assert.equal(accounts.length, 1, `the emulator holds ${accounts.length} accounts after connecting: ${JSON.stringify(accounts)}`);
    const [account] = accounts;
    assert.deepEqual({ ...account, name: undefined }, { name: undefined, externalUserId: USER, appSlug: 'slack' });
    if (check.appStatus) {
      const status = page.getByRole('status').filter({ hasText: 'Connected:' });
      await waitFor(status, "The app's own pd-connect-success handler's \"Connected: …\"", explain);
      assert.equal((await status.innerText()).trim(), `Connected: ${account!.name}`);
    }

    // 2. The account list shows it.
    const names = page.locator('pd-account-list [part~="name"]');
    await waitFor(names.first(), 'The account in <pd-account-list>', explain);
    assert.deepEqual(await names.allInnerTexts(), [account!.name]);

    // 3. The action form runs.
    const form = page.locator('pd-action-form');
    const value = form.locator('[data-name="value"] textarea');
    await waitFor(value, "The action form's Value field", explain);
    await value.fill('{"hello": "world"}');
    await form.locator('[part~="submit-button"]').click();
    const summary = form.locator('[part="result-summary"]');
    await waitFor(summary, "The action's result", explain);
    assert.match(await summary.innerText(), /Received object with 1 key/);
    if (check.appStatus) {
      const result = page.getByRole('status').filter({ hasText: 'Result:' });
      await waitFor(result, "The app's own pd-run-success handler's \"Result: …\"", explain);
      assert.match(await result.innerText(), /^Result: Received object with 1 key/);
    }

    // 4. Disconnect it from the list.
    await page.locator('pd-account-list [part~="disconnect-button"]').click();
    await page.locator('pd-account-list [part~="confirm-button"]').click();
    await waitFor(page.locator('pd-account-list [part~="empty"]'), 'The empty account list after disconnecting', explain);
    assert.deepEqual(await emulatorAccounts(emulatorUrl), [], 'the account is still in the emulator after disconnecting');

    // Late errors (a rejected promise after the last step) count too.
    await page.waitForTimeout(300);
    assert.deepEqual(problems, [], `${app.name} ${check.path}: the page reported problems`);
  } catch (error) {
    if (problems.length && !(error instanceof assert.AssertionError && error.message.includes('reported problems'))) {
      (error as Error).message += `\nThe page also reported:\n${problems.join('\n')}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}
