import { esbuildPlugin } from '@web/dev-server-esbuild';
import { playwrightLauncher } from '@web/test-runner-playwright';
import { CHROMIUM_ARGS, findChromium } from './test/support/browser-path.js';
import { startEmulator } from './src/emulator/index.node.ts';
import { testServerMiddleware } from './test/support/test-server.ts';

// One emulator for the whole browser run; tests isolate themselves with unique external user ids.
const running = await startEmulator({ port: 0, syntheticApps: 2500 });
const middleware = testServerMiddleware(running);

/** Server commands for tests that must act inside the cross-origin connect iframe, like a user. */
const frameCommands = {
  name: 'frame-commands',
  async executeCommand({ command, payload, session }) {
    // Forced colours (Windows high contrast), as the page's media would report them.
    if (command === 'emulate-media') {
      await session.browser.getPage(session.id).emulateMedia({ forcedColors: payload.forcedColors ?? null });
      return true;
    }
    // A PNG (base64) of part of the page as the browser paints it, to measure what a user sees.
    if (command === 'screenshot') {
      const png = await session.browser.getPage(session.id).screenshot({ clip: payload.clip, animations: 'disabled', caret: 'hide' });
      return png.toString('base64');
    }
    // Requests to one origin fail as if the network were gone (the test runner's own connection stays up).
    if (command === 'block-origin') {
      const page = session.browser.getPage(session.id);
      const pattern = `${payload.origin}/**`;
      if (payload.blocked) await page.route(pattern, (route) => route.abort('internetdisconnected'));
      else await page.unroute(pattern);
      return true;
    }
    if (!command.startsWith('frame-')) return undefined;
    const page = session.browser.getPage(session.id);
    if (command === 'frame-urls') return page.frames().map((candidate) => candidate.url());
    // The iframe may still be attaching: wait for it like a user would.
    let frame;
    for (let waited = 0; !frame && waited < 5000; waited += 50) {
      // Frames of the test page, and of windows it opened (Connect Link).
      // The newest live match: frames of removed iframes linger briefly in the list.
      frame = page.context().pages().flatMap((candidate) => candidate.frames())
        .filter((candidate) => !candidate.isDetached() && candidate.url().includes(payload.urlIncludes))
        .filter((candidate) => !payload.name || candidate.name() === payload.name)
        .pop();
      if (!frame) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (!frame) throw new Error(`No frame whose URL includes ${payload.urlIncludes}`);
    const locator = frame.locator(payload.selector);
    if (command === 'frame-click') {
      try {
        await locator.click({ timeout: 5000 });
      } catch (error) {
        // A click that closes the connect page removes its iframe mid-action, and the click can
        // then time out although it landed; the test's own assertions see what it did.
        if (!frame.isDetached()) throw error;
      }
    }
    // For a frame hidden under another (a forged page behind the connect overlay).
    else if (command === 'frame-dispatch-click') await locator.dispatchEvent('click', undefined, { timeout: 5000 });
    else if (command === 'frame-fill') await locator.fill(payload.value, { timeout: 5000 });
    else if (command === 'frame-text') return await locator.innerText({ timeout: 5000 });
    else if (command === 'frame-wait') await locator.waitFor({ timeout: 5000 });
    // Whether the first match is shown now (a hidden control is attached but not visible).
    else if (command === 'frame-visible') return await locator.first().isVisible();
    else if (command === 'frame-close-window') await frame.page().close();
    else return undefined;
    return true;
  },
};

export default {
  files: ['test/browser/**/*.test.ts'],
  // `development`: Lit's dev build, so its dev-mode warnings print (and fail tests, see
  // test/support/lit-dev-warnings.ts). Only the Lit packages declare the condition.
  nodeResolve: { exportConditions: ['browser', 'development', 'import', 'default'] },
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  browsers: [
    playwrightLauncher({
      product: 'chromium',
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), frameCommands],
  middleware: [
    (ctx, next) =>
      middleware({ req: ctx.req, res: ctx.res, path: ctx.path, method: ctx.method, origin: ctx.origin }, next).then(
        (handled) => { if (ctx.res.writableEnded) ctx.respond = false; return handled; },
      ),
  ],
  testsFinishTimeout: 5 * 60 * 1000,
  // Bundlers replace process.env.NODE_ENV in @tanstack/query-core; the test server serves it unbundled.
  // One module imports the framework (which defines `mocha`), then the Lit warning check: both run
  // before the framework imports the test file, and if the check fails to load, no test runs.
  testRunnerHtml: (testFramework) => `<!doctype html><html lang="en"><head><script>window.process = { env: { NODE_ENV: 'development' } };</script></head>
    <body><script type="module">import ${JSON.stringify(testFramework)}; import '/test/support/lit-dev-warnings.ts';</script></body></html>`,
};

process.on('exit', () => { void running.close(); });
