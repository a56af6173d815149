import { expect } from '@open-wc/testing';

// ------------------------------------------------------------------------------------------------
// The Lit dev-warning check (test/support/lit-dev-warnings.ts) is loaded by the runner's page, not
// by the test files. If that ever stops (a renamed file, a load error, an edited runner page), every
// test would still pass without the check. This file does not import the module: it looks for
// what the module leaves on the page. Hook titles and the global's shape repeat the module's on purpose.
// ------------------------------------------------------------------------------------------------

interface LitDevWarningLog {
  warnings: string[];
  installed: boolean;
}

interface RootSuiteHooks {
  _beforeAll: Mocha.Hook[];
  _afterEach: Mocha.Hook[];
  _afterAll: Mocha.Hook[];
}

const AFTER_EACH_HOOK_TITLE = 'no Lit dev-mode warnings';
const AFTER_ALL_HOOK_TITLE = 'no Lit dev-mode warnings after the last test';

const pageLog = () => (globalThis as typeof globalThis & { __pdLitDevWarnings?: LitDevWarningLog }).__pdLitDevWarnings;
/** Read while this file is being imported: the check must already be in place by then. */
const installedBeforeThisFile = pageLog()?.installed === true;
const rootHooks = () => mocha.suite as unknown as RootSuiteHooks;
/** Mocha titles a hook `"after each" hook: <title>`, and appends the test or suite while it runs. */
const hookNamed = (hooks: Mocha.Hook[], title: string) =>
  hooks.find((hook) => ((hook as Mocha.Hook & { originalTitle?: string }).originalTitle ?? hook.title).endsWith(`hook: ${title}`));

/** A message as Lit's dev build prints it (the code is made up; only the link matters). */
const fakeLitWarning = () => `A made-up warning for the self-check. See https://lit.dev/msg/self-check-${Math.random()} for more information.`;

describe('Lit dev-mode warning check', () => {
  it('was installed by the runner page before this test file loaded', () => {
    expect(installedBeforeThisFile, 'the __pdLitDevWarnings global was set before the test file ran').to.equal(true);
    expect(Array.isArray(pageLog()?.warnings)).to.equal(true);
  });

  it('has its hooks on mocha\'s root suite', () => {
    expect(Boolean(hookNamed(rootHooks()._afterEach, AFTER_EACH_HOOK_TITLE)), 'root afterEach').to.equal(true);
    expect(Boolean(hookNamed(rootHooks()._beforeAll, AFTER_ALL_HOOK_TITLE)), 'root before-all that adds the after-all').to.equal(true);
    // Added by that before-all as the run started.
    expect(Boolean(hookNamed(rootHooks()._afterAll, AFTER_ALL_HOOK_TITLE)), 'root afterAll').to.equal(true);
  });

  it('records Lit warnings printed through console.warn, and only those', () => {
    const log = pageLog()!;
    const warning = fakeLitWarning();
    console.warn('an ordinary warning');
    console.warn('Lit is in dev mode. Not recommended for production! See https://lit.dev/msg/dev-mode for more information.');
    console.warn(warning);
    const recorded = log.warnings.splice(0);
    expect(recorded).to.deep.equal([warning]);
  });

  it('the after-each check fails the test that warned', () => {
    const log = pageLog()!;
    const afterEach = hookNamed(rootHooks()._afterEach, AFTER_EACH_HOOK_TITLE)!;
    let failure: Error | undefined;
    const fakeHook = { error: (error: Error) => (failure = error) };
    log.warnings.push('See https://lit.dev/msg/self-check-after-each');
    (afterEach.fn as unknown as (this: unknown) => void).call({ test: fakeHook });
    expect(String(failure?.message)).to.include('lit.dev/msg/self-check-after-each');
    expect(log.warnings.length).to.equal(0);
    // Without a warning it passes.
    failure = undefined;
    (afterEach.fn as unknown as (this: unknown) => void).call({ test: fakeHook });
    expect(failure === undefined).to.equal(true);
  });

  it('the after-all check waits for a late warning and fails the file', async () => {
    const afterAll = hookNamed(rootHooks()._afterAll, AFTER_ALL_HOOK_TITLE)!;
    const run = () => (afterAll.fn as unknown as () => Promise<void>).call(undefined);
    // Printed during the check's wait, as a timer or update left behind by the last test would.
    queueMicrotask(() => requestAnimationFrame(() => console.warn(fakeLitWarning())));
    const failure = await run().then(() => undefined, (error: Error) => error);
    expect(String(failure?.message)).to.include('after the last test of this file');
    expect(pageLog()!.warnings.length).to.equal(0);
    // Without a warning it passes.
    expect(await run().then(() => true, () => false)).to.equal(true);
  });
});
