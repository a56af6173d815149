/**
 * Lit's dev-mode warnings fail the browser tests. The runner resolves Lit's development build
 * (the `development` export condition in web-test-runner.config.js) and loads this module into
 * every test page (`testRunnerHtml`), so every test file is checked, including new ones.
 *
 * Each Lit dev warning links to `lit.dev/msg/<code>`; the one-time "Lit is in dev mode" notice
 * is expected and ignored. A test that provokes a warning on purpose takes it with
 * `takeLitDevWarnings()` before the check runs.
 */

interface WarningLog {
  warnings: string[];
  installed: boolean;
}

const globals = globalThis as typeof globalThis & { __pdLitDevWarnings?: WarningLog };
// One log per page, even if this module is loaded under two URLs (`.ts` by the page, `.js` by a test).
const log: WarningLog = (globals.__pdLitDevWarnings ??= { warnings: [], installed: false });

/** Lit's dev-mode warnings: linked to lit.dev/msg/<code>, plus two lit-html warns without a link. */
export function isLitDevWarning(message: string): boolean {
  if (message.includes('lit.dev/msg/')) return !message.includes('lit.dev/msg/dev-mode');
  return message.startsWith('Some template strings are undefined') || message.startsWith('Attempted to render the template host');
}

/** The Lit dev warnings seen since the last call (the check after each test sees none of them). */
export function takeLitDevWarnings(): string[] {
  return log.warnings.splice(0);
}

if (!log.installed) {
  log.installed = true;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    const message = args.map(String).join(' ');
    if (isLitDevWarning(message)) log.warnings.push(message);
    warn(...args);
  };
  // On the root suite: runs after every test of the file. `error()` fails that test (not the hook),
  // so the other tests of the file still run and report.
  mocha.suite.afterEach('no Lit dev-mode warnings', function (this: Mocha.Context) {
    const warnings = takeLitDevWarnings();
    if (warnings.length) (this.test as Mocha.Hook).error(new Error(`Lit dev-mode warning(s) during this test:\n${warnings.join('\n')}`));
  });
}
