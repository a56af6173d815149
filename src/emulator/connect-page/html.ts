/** The connect page's document: markup and styles, no inline script (it must load under `script-src 'self'`). */
import CONNECT_PAGE_CSS from '../../styles/generated/connect-page.css.js';

export type ConnectPageMode = 'normal' | 'error' | 'error-after-connect' | 'close-after-connect';

/** Path the HTML loads its script from; the server must serve `connectPageScript()` there. */
export const SCRIPT_PATH = '/_static/connect.js';

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/**
 * The connect page document. `mode: 'error'` makes the page fail on load (fault injection);
 * `basePath` is where the emulator is mounted (empty at the root). The styles are inline, which
 * the page's policy allows (`style-src 'unsafe-inline'`); the script is not.
 */
export function connectPageHtml(options: { mode: ConnectPageMode; basePath?: string }): string {
  const mode = escapeAttr(String(options.mode));
  const scriptSrc = escapeAttr(`${options.basePath ?? ''}${SCRIPT_PATH}`);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Connect an account</title>
<style>
${CONNECT_PAGE_CSS}
</style>
<script type="module" src="${scriptSrc}"></script>
</head>
<body data-mode="${mode}">
<main class="shell">
<section class="card" id="card" aria-labelledby="title" data-screen="loading">
<header class="card-header">
<div class="brand" id="brand"><span class="avatar avatar-sm avatar-generic" aria-hidden="true"><svg class="icon" viewBox="0 0 24 24" focusable="false"><path d="M10 14a4 4 0 0 0 5.66 0l3-3a4 4 0 0 0-5.66-5.66l-1 1"/><path d="M14 10a4 4 0 0 0-5.66 0l-3 3a4 4 0 0 0 5.66 5.66l1-1"/></svg></span><span class="brand-name">Connect an account</span></div>
<button type="button" class="close" id="close" aria-label="Close" hidden><svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="M6 6l12 12"/><path d="M18 6 6 18"/></svg></button>
</header>
<div class="card-body" id="screen">
<div class="loading"><span class="spinner" aria-hidden="true"></span><h1 id="title" tabindex="-1">Connect an account</h1></div>
<noscript><p>This page needs JavaScript to connect your account.</p></noscript>
<div class="alert" id="alert" role="alert"></div>
</div>
<p class="vh" id="status" role="status" aria-live="polite"></p>
<footer class="card-footer">Local Connect emulator &#8212; no data leaves this machine</footer>
</section>
</main>
</body>
</html>
`;
}
