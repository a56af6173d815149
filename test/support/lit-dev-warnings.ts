/**
 * Lit's dev-mode warnings fail the browser tests. The runner resolves Lit's development build
 * (the `development` export condition in web-test-runner.config.js) and imports this module into
 * every test page right after the test framework and before the test file (`testRunnerHtml`), so
 * every test file is checked, including new ones.
 *
 * Each Lit dev warning links to `lit.dev/msg/<code>`; the one-time "Lit is in dev mode" notice
 * is expected and ignored. A test that provokes a warning on purpose takes it with
 * `takeLitDevWarnings()` before the check runs.
 *
 * test/browser/lit-dev-warnings.test.ts checks, without importing this module, that the page
 * loaded it: the `__pdLitDevWarnings` global with `installed: true`, and the root hooks named
 * below.
 */

/** The page-wide record of Lit dev warnings, on `globalThis.__pdLitDevWarnings`. */
export interface LitDevWarningLog {
  /** Warnings not yet taken by a check or by `takeLitDevWarnings()`. */
  warnings: string[];
  /** True once `console.warn` is watched and the root hooks are registered. */
  installed: boolean;
}

/** Titles of the hooks on mocha's root suite (looked up by the self-check test). */
export const AFTER_EACH_HOOK_TITLE = 'no Lit dev-mode warnings';
export const AFTER_ALL_HOOK_TITLE = 'no Lit dev-mode warnings after the last test';

const globals = globalThis as typeof globalThis & { __pdLitDevWarnings?: LitDevWarningLog };
// One log per page, even if this module is loaded under two URLs (`.ts` by the page, `.js` by a test).
const log: LitDevWarningLog = (globals.__pdLitDevWarnings ??= { warnings: [], installed: false });

/** Lit's dev-mode warnings: linked to lit.dev/msg/<code>, plus two lit-html warns without a link. */
export function isLitDevWarning(message: string): boolean {
  if (message.includes('lit.dev/msg/')) return !message.includes('lit.dev/msg/dev-mode');
  return message.startsWith('Some template strings are undefined') || message.startsWith('Attempted to render the template host');
}

/** The Lit dev warnings seen since the last call (the check after each test sees none of them). */
export function takeLitDevWarnings(): string[] {
  return log.warnings.splice(0);
}

/** How long the last check waits for work a file's last test left behind (a timer, a late update). */
const LATE_WARNING_WAIT_MS = 250;

/** Two animation frames, and at least `LATE_WARNING_WAIT_MS`: late updates and short timers run and warn. */
function settle(): Promise<void> {
  const frames = new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  // Frames may be throttled in a page that is not shown: the wait never hangs on them.
  const framesOrTimeout = Promise.race([frames, new Promise<void>((resolve) => setTimeout(resolve, 2 * LATE_WARNING_WAIT_MS))]);
  return Promise.all([framesOrTimeout, new Promise<void>((resolve) => setTimeout(resolve, LATE_WARNING_WAIT_MS))]).then(() => undefined);
}

if (!log.installed) {
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (isLitDevWarning(message)) log.warnings.push(message);
    warn(...args);
  };
  // On the root suite: runs after every test of the file. `error()` fails that test (not the hook),
  // so the other tests of the file still run and report.
  mocha.suite.afterEach(AFTER_EACH_HOOK_TITLE, function (this: Mocha.Context) {
    const warnings = takeLitDevWarnings();
    if (warnings.length) (this.test as Mocha.Hook).error(new Error(`Lit dev-mode warning(s) during this test:\n${warnings.join('\n')}`));
  });
  // A warning from work the last test left behind (a late update, a timer) arrives after its
  // afterEach: this hook waits for it and fails the file. Added as the run starts, so it comes
  // after the test file's own root `after` hooks and also sees what their cleanup provokes.
  mocha.suite.beforeAll(AFTER_ALL_HOOK_TITLE, () => {
    mocha.suite.afterAll(AFTER_ALL_HOOK_TITLE, async () => {
      await settle();
      const warnings = takeLitDevWarnings();
      if (warnings.length) throw new Error(`Lit dev-mode warning(s) after the last test of this file:\n${warnings.join('\n')}`);
    });
  });
  log.installed = true;
}
