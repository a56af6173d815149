/**
 * The emulator's connect page: a stand-in for Pipedream's `/_static/connect.html` that speaks the
 * same postMessage protocol (`success` / `error` / `close`) and the Connect Link redirects, so UI
 * libraries can be exercised offline. The HTML carries no inline script (it must load under a
 * `script-src 'self'` policy); the behaviour lives in the script served at `/_static/connect.js`.
 *
 * The sources are real files: the document in `html.ts`, the program in `script.ts` and the
 * styles in `connect-page.css`. The emulator cannot read files when it runs (it also runs in a
 * service worker), so the styles are compiled into a module by `npm run styles` and the script is
 * served from the compiled function's own text.
 */
import { runConnectPage } from './script.js';

export { type ConnectPageMode, SCRIPT_PATH, connectPageHtml } from './html.js';

/*
 * Compilers that keep function names (esbuild's `keepNames`, which tsx turns on) wrap nested
 * functions in calls to a `__name` helper they declare at the top of the module, outside the
 * function: the served copy gets a stand-in. A bundle that both minifies and keeps names renames
 * that helper beyond recognition, so the service worker's bundle (`.storybook/emulator/plugin.ts`)
 * must not keep names.
 */
const program = runConnectPage.toString();
const nameHelper = /\b__name\(/.test(program) ? 'const __name = (target) => target;\n' : '';
const SCRIPT = `${nameHelper}(${program})();\n`;

/** The connect page's script, served at `/_static/connect.js` (as `text/javascript`). */
export function connectPageScript(): string {
  return SCRIPT;
}
