/**
 * The emulator's connect page: a stand-in for Pipedream's `/_static/connect.html` that speaks the
 * same postMessage protocol (`success` / `error` / `close`) and the Connect Link redirects, so UI
 * libraries can be exercised offline. The HTML carries no inline script (it must load under a
 * `script-src 'self'` policy); the behaviour lives in the script served at `/_static/connect.js`.
 */

export type ConnectPageMode = 'normal' | 'error';

/** Path the HTML loads its script from; the server must serve `connectPageScript()` there. */
const SCRIPT_PATH = '/_static/connect.js';

function escapeAttr(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/*
 * The root element deliberately declares no `color-scheme` in the iframe layout: Chromium paints
 * an opaque canvas behind an iframe whose document's colour scheme differs from the embedder's,
 * which would hide the host page behind the translucent backdrop. Only the card (and the page
 * layout of Connect Link mode) opt into dark form controls.
 */
const STYLES = `
:root {
  --backdrop: rgb(15 23 42 / 0.55);
  --page-bg: #f1f5f9;
  --card-bg: #ffffff;
  --subtle-bg: #f8fafc;
  --text: #0f172a;
  --muted: #475569;
  --border: #e2e8f0;
  --control-border: #64748b;
  --primary: #4f46e5;
  --primary-hover: #4338ca;
  --primary-text: #ffffff;
  --secondary-hover: #f1f5f9;
  --focus: #4f46e5;
  --danger: #b91c1c;
  --danger-text: #991b1b;
  --danger-bg: #fef2f2;
  --danger-border: #fecaca;
  --success: #15803d;
  --success-bg: #dcfce7;
  --neutral-icon-bg: #e2e8f0;
  --shadow: 0 24px 48px -12px rgb(15 23 42 / 0.35), 0 0 0 1px rgb(15 23 42 / 0.06);
  --radius: 16px;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  font-size: 16px;
  line-height: 1.5;
  -webkit-text-size-adjust: 100%;
}
@media (prefers-color-scheme: dark) {
  :root {
    --backdrop: rgb(2 6 23 / 0.72);
    --page-bg: #020617;
    --card-bg: #0f172a;
    --subtle-bg: #131d33;
    --text: #f1f5f9;
    --muted: #a3b1c6;
    --border: #25324a;
    --control-border: #7a8aa3;
    --primary: #a5b4fc;
    --primary-hover: #c7d2fe;
    --primary-text: #0b1020;
    --secondary-hover: #1e293b;
    --focus: #a5b4fc;
    --danger: #fca5a5;
    --danger-text: #fecaca;
    --danger-bg: #3b1518;
    --danger-border: #7f1d1d;
    --success: #86efac;
    --success-bg: #14532d;
    --neutral-icon-bg: #1e293b;
    --shadow: 0 24px 48px -12px rgb(0 0 0 / 0.6), 0 0 0 1px rgb(148 163 184 / 0.14);
  }
}
*, *::before, *::after { box-sizing: border-box; }
html, body { margin: 0; }
body {
  min-height: 100vh;
  min-height: 100dvh;
  display: flex;
  padding: 24px 16px;
  color: var(--text);
}
.is-overlay body { background: var(--backdrop); animation: fade-in 160ms ease-out; }
.is-page { color-scheme: light dark; background: var(--page-bg); }
.shell { display: flex; width: 100%; }
.card {
  color-scheme: light;
  position: relative;
  display: flex;
  flex-direction: column;
  width: 100%;
  max-width: 420px;
  margin: auto;
  background: var(--card-bg);
  border-radius: var(--radius);
  box-shadow: var(--shadow);
  animation: rise-in 200ms cubic-bezier(0.2, 0.8, 0.2, 1);
}
@media (prefers-color-scheme: dark) { .card { color-scheme: dark; } }
.card-header {
  display: flex;
  align-items: center;
  gap: 12px;
  min-height: 60px;
  padding: 12px 12px 12px 20px;
  border-bottom: 1px solid var(--border);
}
.brand { display: flex; align-items: center; gap: 10px; min-width: 0; font-size: 15px; font-weight: 600; }
.brand-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.close {
  flex: none;
  display: grid;
  place-items: center;
  width: 36px;
  height: 36px;
  margin-left: auto;
  padding: 0;
  border: 0;
  border-radius: 8px;
  background: transparent;
  color: var(--muted);
  cursor: pointer;
}
.close:hover { background: var(--secondary-hover); color: var(--text); }
.card-body { flex: 1; padding: 24px 24px 24px; }
.card-footer {
  margin: 0;
  padding: 12px 20px;
  border-top: 1px solid var(--border);
  border-radius: 0 0 var(--radius) var(--radius);
  background: var(--subtle-bg);
  color: var(--muted);
  font-size: 12px;
  text-align: center;
}
h1 {
  margin: 0 0 8px;
  font-size: 20px;
  line-height: 1.3;
  font-weight: 650;
  letter-spacing: -0.01em;
  text-wrap: balance;
  overflow-wrap: anywhere;
}
h1:focus { outline: none; }
h2 { margin: 0 0 8px; font-size: 14px; font-weight: 600; }
p { margin: 0 0 16px; overflow-wrap: anywhere; }
.lead { color: var(--muted); }
.centered { text-align: center; }
.icon {
  flex: none;
  width: 20px;
  height: 20px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
}
.avatar {
  flex: none;
  display: inline-grid;
  place-items: center;
  overflow: hidden;
  border-radius: 50%;
  background: var(--tone);
  color: #ffffff;
  font-weight: 700;
  line-height: 1;
  user-select: none;
}
.avatar-sm { width: 28px; height: 28px; font-size: 12px; }
.avatar-lg { width: 56px; height: 56px; font-size: 20px; }
.avatar img { width: 100%; height: 100%; object-fit: contain; }
.avatar.has-img { background: #ffffff; box-shadow: inset 0 0 0 1px var(--border); }
.avatar-lg.has-img img { padding: 8px; }
.avatar-sm.has-img img { padding: 3px; }
.avatar-generic { --tone: var(--primary); color: var(--primary-text); }
.avatar-generic .icon { width: 16px; height: 16px; }
.avatar[data-tone="0"] { --tone: #1d4ed8; }
.avatar[data-tone="1"] { --tone: #6d28d9; }
.avatar[data-tone="2"] { --tone: #be185d; }
.avatar[data-tone="3"] { --tone: #b91c1c; }
.avatar[data-tone="4"] { --tone: #c2410c; }
.avatar[data-tone="5"] { --tone: #047857; }
.avatar[data-tone="6"] { --tone: #0e7490; }
.avatar[data-tone="7"] { --tone: #4d7c0f; }
.pair { display: flex; align-items: center; justify-content: center; gap: 10px; margin: 4px 0 20px; }
.pair-link { display: flex; align-items: center; gap: 6px; color: var(--muted); }
.pair-link::before, .pair-link::after { content: ""; width: 14px; border-top: 2px dotted var(--control-border); }
.status-icon {
  display: grid;
  place-items: center;
  width: 56px;
  height: 56px;
  margin: 4px auto 16px;
  border-radius: 50%;
}
.status-icon .icon { width: 28px; height: 28px; stroke-width: 2.5; }
.status-icon.success { background: var(--success-bg); color: var(--success); }
.status-icon.danger { background: var(--danger-bg); color: var(--danger); }
.status-icon.neutral { background: var(--neutral-icon-bg); color: var(--muted); }
.shares {
  margin: 0 0 20px;
  padding: 0;
  list-style: none;
  border: 1px solid var(--border);
  border-radius: 12px;
  font-size: 14px;
}
.shares li { display: flex; gap: 10px; align-items: flex-start; padding: 10px 12px; }
.shares li + li { border-top: 1px solid var(--border); }
.shares .icon { width: 18px; height: 18px; margin-top: 2px; color: var(--muted); }
.scopes { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.scopes code {
  padding: 1px 6px;
  border-radius: 4px;
  background: var(--subtle-bg);
  border: 1px solid var(--border);
  font-size: 12px;
  overflow-wrap: anywhere;
}
.field { margin: 0 0 16px; }
label { display: block; margin: 0 0 6px; font-size: 14px; font-weight: 600; overflow-wrap: anywhere; }
.optional { font-weight: 400; color: var(--muted); }
.control { display: flex; gap: 8px; }
input {
  flex: 1;
  min-width: 0;
  width: 100%;
  min-height: 44px;
  padding: 10px 12px;
  border: 1px solid var(--control-border);
  border-radius: 8px;
  background: var(--card-bg);
  color: var(--text);
  font: inherit;
  font-size: 16px;
}
input[aria-invalid="true"] { border-color: var(--danger); box-shadow: inset 0 0 0 1px var(--danger); }
.help { margin: 6px 0 0; color: var(--muted); font-size: 13px; }
.field-error { display: flex; gap: 6px; margin: 6px 0 0; color: var(--danger); font-size: 13px; font-weight: 500; }
.field-error .icon { width: 16px; height: 16px; margin-top: 2px; }
.alert {
  display: flex;
  gap: 10px;
  margin: 0 0 16px;
  padding: 12px 14px;
  border: 1px solid var(--danger-border);
  border-radius: 10px;
  background: var(--danger-bg);
  color: var(--danger-text);
  font-size: 14px;
  overflow-wrap: anywhere;
}
.alert::before {
  content: "!" / "";
  flex: none;
  display: grid;
  place-items: center;
  width: 20px;
  height: 20px;
  border-radius: 50%;
  background: var(--danger);
  color: var(--danger-bg);
  font-size: 13px;
  font-weight: 800;
}
/* An empty alert stays rendered (so screen readers keep tracking it) but takes no space. */
.alert:empty { margin: 0; padding: 0; border: 0; }
.alert:empty::before { display: none; }
/* The error screen already shows a large icon above its message. */
[data-screen="error"] .alert::before { display: none; }
.consent h1 { margin-bottom: 16px; }
.consent .lead { margin-top: -8px; }
.actions { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 20px; }
.actions > .btn { flex: 1 1 0; }
.btn {
  position: relative;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  gap: 8px;
  min-width: 96px;
  min-height: 44px;
  padding: 0 18px;
  border: 1px solid transparent;
  border-radius: 10px;
  font: inherit;
  font-size: 15px;
  font-weight: 600;
  cursor: pointer;
}
.btn-primary { background: var(--primary); color: var(--primary-text); }
.btn-primary:hover:not(:disabled) { background: var(--primary-hover); }
.btn-secondary { background: transparent; color: var(--text); border-color: var(--control-border); }
.btn-secondary:hover:not(:disabled) { background: var(--secondary-hover); }
.btn:disabled { cursor: default; opacity: 0.65; }
.btn[aria-busy="true"] { opacity: 1; cursor: progress; }
.btn[aria-busy="true"]::before, .spinner {
  content: "";
  flex: none;
  width: 16px;
  height: 16px;
  border: 2px solid currentColor;
  border-right-color: transparent;
  border-radius: 50%;
  animation: spin 700ms linear infinite;
}
.reveal { flex: none; min-width: 0; padding: 0 12px; font-size: 14px; }
.loading { display: flex; flex-direction: column; align-items: center; gap: 14px; padding: 24px 0 12px; text-align: center; }
.loading .spinner { width: 28px; height: 28px; border-width: 3px; color: var(--primary); }
:focus-visible { outline: 2px solid var(--focus); outline-offset: 2px; }
input:focus-visible { outline-offset: 1px; border-color: var(--focus); }
.vh {
  position: absolute !important;
  width: 1px;
  height: 1px;
  margin: -1px;
  padding: 0;
  overflow: hidden;
  clip: rect(0 0 0 0);
  white-space: nowrap;
  border: 0;
}
[hidden] { display: none !important; }
@keyframes spin { to { transform: rotate(360deg); } }
@keyframes fade-in { from { background-color: transparent; } }
@keyframes rise-in { from { opacity: 0; transform: translateY(8px) scale(0.98); } }
@media (prefers-reduced-motion: reduce) {
  .is-overlay body, .card { animation: none; }
  .spinner, .btn[aria-busy="true"]::before { animation-duration: 2.4s; }
}
/* Narrow screens: a bottom sheet over the host page, or the whole page in Connect Link mode. */
@media (max-width: 480px) {
  body { padding: 0; }
  .card { max-width: none; margin: auto 0 0; border-radius: var(--radius) var(--radius) 0 0; }
  .card-footer { border-radius: 0; }
  .is-page .card { min-height: 100vh; min-height: 100dvh; margin: 0; border-radius: 0; box-shadow: none; }
  .card-body { padding: 20px 16px; }
  .card-header { padding-left: 16px; }
}
@media (forced-colors: active) {
  .btn, .close, .alert, .card { border: 1px solid CanvasText; }
}
`;

/**
 * The connect page document. `mode: 'error'` makes the page fail on load (fault injection);
 * `basePath` is where the emulator is mounted (empty at the root).
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
<style>${STYLES}</style>
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

/*
 * The browser side, kept as plain ES2020 script text (no imports, no template literals) so it can
 * be served as-is and checked with `node:vm`. It is loaded with `type="module"`, which makes it
 * deferred and strict. Everything from the API is written with textContent or attributes, never
 * parsed as HTML: app names and descriptions are untrusted.
 */
const SCRIPT = String.raw`'use strict';

var params = new URLSearchParams(location.search);
var q = {
  token: params.get('token') || '',
  app: params.get('app') || '',
  oauthAppId: params.get('oauthAppId') || '',
  accountId: params.get('accountId') || '',
  scopeProfile: params.get('oauthScopeProfile') || '',
  hideClose: params.get('hideClose') === 'true',
  connectLink: params.get('connectLink') === 'true',
};
// Connect Link (or a page opened on its own) has no parent to talk to: it redirects instead.
var pageMode = q.connectLink || window.parent === window;
var failMode = document.body.dataset.mode === 'error';

var REQUEST_TIMEOUT_MS = 30000;
// The API lives next to this page's /_static/ folder, wherever the emulator is mounted.
var API_BASE = location.pathname.replace(/\/_static\/[^/]*$/, '');
var AUTO_CLOSE_MS = 1200;
var DENIED = 'access_denied: The user denied the request';
var TERMINAL_STATUSES = [401, 403, 404, 410];

var card = document.getElementById('card');
var screenEl = document.getElementById('screen');
var brandEl = document.getElementById('brand');
var closeBtn = document.getElementById('close');
var statusEl = document.getElementById('status');
var alertEl = document.getElementById('alert');

var info = {};
var app = null;
var redirects = { success: '', error: '' };
var current = 'loading';
var busy = false;
var closeTimer = 0;

// ---- protocol ----

function post(message) {
  if (pageMode) return;
  // Pipedream posts with '*': the receiving library is the one that checks origin and source.
  window.parent.postMessage(message, '*');
}

function closeNow() {
  clearTimeout(closeTimer);
  closeTimer = 0;
  post({ type: 'close' });
}

function reportError(message) {
  post({ type: 'error', error: message });
  if (pageMode && redirects.error) redirectTo(appendQuery(redirects.error, 'error', message));
}

function appendQuery(uri, key, value) {
  var hash = '';
  var at = uri.indexOf('#');
  if (at >= 0) {
    hash = uri.slice(at);
    uri = uri.slice(0, at);
  }
  var sep = uri.indexOf('?') >= 0 ? (/[?&]$/.test(uri) ? '' : '&') : '?';
  return uri + sep + encodeURIComponent(key) + '=' + encodeURIComponent(value) + hash;
}

function redirectTo(uri) {
  var url;
  try {
    url = new URL(uri, location.href);
  } catch {
    return false;
  }
  // A javascript: (or other) URI from the API must not run in this page.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  location.assign(url.href);
  return true;
}

// ---- API ----

function errorText(data) {
  if (!data || typeof data !== 'object') return '';
  var e = data.error;
  if (typeof e === 'string' && e.trim()) return e.trim();
  if (e && typeof e === 'object' && typeof e.message === 'string' && e.message.trim()) return e.message.trim();
  if (typeof data.message === 'string' && data.message.trim()) return data.message.trim();
  return '';
}

function apiError(message, status, data) {
  var err = new Error(message);
  err.status = status;
  err.data = data;
  return err;
}

async function request(method, url, body) {
  var ctrl = new AbortController();
  var timer = setTimeout(function () { ctrl.abort(); }, REQUEST_TIMEOUT_MS);
  var headers = { Accept: 'application/json' };
  var init = { method: method, headers: headers, signal: ctrl.signal, credentials: 'omit', cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    headers.Authorization = 'Bearer ' + q.token;
    init.body = JSON.stringify(body);
  }
  var res;
  var data = null;
  try {
    res = await fetch(API_BASE + url, init);
    var text = await res.text();
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
  } catch {
    throw apiError(ctrl.signal.aborted
      ? 'The Connect API did not answer in time.'
      : 'Could not reach the Connect API.', 0, null);
  } finally {
    clearTimeout(timer);
  }
  if (!res.ok) {
    throw apiError(errorText(data) || 'The Connect API answered with HTTP ' + res.status + '.', res.status, data);
  }
  return data;
}

function takeRedirects(data) {
  if (!data || typeof data !== 'object') return;
  if (typeof data.success_redirect_uri === 'string') redirects.success = data.success_redirect_uri;
  if (typeof data.error_redirect_uri === 'string') redirects.error = data.error_redirect_uri;
}

// ---- DOM helpers ----

function h(tag, props, children) {
  var node = document.createElement(tag);
  if (props) {
    Object.keys(props).forEach(function (key) {
      var value = props[key];
      if (value === null || value === undefined || value === false) return;
      if (key === 'text') node.textContent = String(value);
      else if (key === 'class') node.className = value;
      else if (key.slice(0, 2) === 'on' && typeof value === 'function') node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? '' : String(value));
    });
  }
  [].concat(children === undefined ? [] : children).flat(Infinity).forEach(function (child) {
    if (child !== null && child !== undefined && child !== false) node.append(child);
  });
  return node;
}

var ICONS = {
  close: ['M6 6l12 12', 'M18 6 6 18'],
  check: ['M5 12.5 9.5 17 19 7'],
  alert: ['M12 7v6', 'M12 17h.01'],
  alertCircle: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M12 8v4.5', 'M12 16h.01'],
  block: ['M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z', 'M5.7 5.7l12.6 12.6'],
  swap: ['M4 9h15l-4-4', 'M20 15H5l4 4'],
  user: ['M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z', 'M4 21a8 8 0 0 1 16 0'],
  bolt: ['M13 2 4 14h7l-1 8 9-12h-7l1-8z'],
  undo: ['M9 14 4 9l5-5', 'M4 9h10.5a5.5 5.5 0 0 1 0 11H11'],
  lock: ['M6 11h12v10H6z', 'M8 11V7a4 4 0 0 1 8 0v4'],
};

function icon(name) {
  var ns = 'http://www.w3.org/2000/svg';
  var svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('class', 'icon');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  ICONS[name].forEach(function (d) {
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  });
  return svg;
}

function initials(name) {
  // First letter or digit of the first two words: "OpenAI (ChatGPT)" gives "OC".
  var words = String(name || '').split(/[\s_.\/-]+/).map(function (w) {
    var m = w.match(/[\p{L}\p{N}]/u);
    return m ? m[0] : '';
  }).filter(Boolean);
  var letters = words.slice(0, 2).join('');
  return (letters || '?').toUpperCase();
}

function tone(seed) {
  var n = 0;
  Array.from(String(seed)).forEach(function (c) { n = (n * 31 + c.codePointAt(0)) >>> 0; });
  return n % 8;
}

var logoLoads = new Map();

// One probe per URL; the logo replaces the initials only once it has really loaded (offline it
// fails, and a hanging request must not leave an empty circle).
function loadLogo(src) {
  if (!logoLoads.has(src)) {
    logoLoads.set(src, new Promise(function (resolve) {
      var probe = new Image();
      probe.referrerPolicy = 'no-referrer';
      probe.addEventListener('load', function () { resolve(probe.naturalWidth > 0); });
      probe.addEventListener('error', function () { resolve(false); });
      probe.src = src;
    }));
  }
  return logoLoads.get(src);
}

function imageUrl(src) {
  if (typeof src !== 'string' || !src.trim()) return '';
  try {
    var url = new URL(src, location.href);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
    if (url.protocol === 'data:' && /^data:image\//i.test(url.href)) return url.href;
  } catch {
    return '';
  }
  return '';
}

function avatar(name, seed, src, size) {
  var node = h('span', { class: 'avatar avatar-' + size, 'data-tone': tone(seed || name), 'aria-hidden': 'true', text: initials(name) });
  var url = imageUrl(src);
  if (url) {
    loadLogo(url).then(function (ok) {
      if (!ok) return;
      node.replaceChildren(h('img', { src: url, alt: '', referrerpolicy: 'no-referrer', decoding: 'async' }));
      node.classList.add('has-img');
    });
  }
  return node;
}

function heading(text) {
  return h('h1', { id: 'title', tabindex: '-1', text: text });
}

function statusIcon(kind, name) {
  return h('div', { class: 'status-icon ' + kind, 'aria-hidden': 'true' }, icon(name));
}

function button(label, kind, props) {
  var node = h('button', Object.assign({ type: 'button', class: 'btn btn-' + kind }, props || {}));
  node.append(h('span', { class: 'btn-label', text: label }));
  return node;
}

function actions(buttons) {
  var list = buttons.filter(Boolean);
  return list.length ? h('div', { class: 'actions' }, list) : null;
}

function setScreen(name, parts, focusTarget) {
  current = name;
  card.dataset.screen = name;
  alertEl.textContent = '';
  screenEl.replaceChildren.apply(screenEl, parts.filter(Boolean));
  var target = focusTarget || screenEl.querySelector('h1');
  if (target) target.focus();
}

function announce(text) {
  statusEl.textContent = '';
  // A short delay so the same text twice in a row is still announced.
  setTimeout(function () { statusEl.textContent = text; }, 40);
}

function showAlert(message) {
  if (alertEl.textContent === message) {
    alertEl.textContent = '';
    setTimeout(function () { alertEl.textContent = message; }, 40);
  } else {
    alertEl.textContent = message;
  }
}

function setBusy(on, active) {
  busy = on;
  screenEl.querySelectorAll('.actions .btn').forEach(function (b) { b.disabled = on; });
  if (active) {
    if (on) active.setAttribute('aria-busy', 'true');
    else active.removeAttribute('aria-busy');
  }
}

// ---- names ----

function appName() {
  return (app && (app.name || app.name_slug)) || q.app;
}

function projectName(midSentence) {
  var name = typeof info.project_app_name === 'string' ? info.project_app_name.trim() : '';
  return name || (midSentence ? 'this app' : 'This app');
}

function accountName() {
  return info.account && typeof info.account.name === 'string' ? info.account.name : '';
}

function reconnectTitle() {
  return 'Reconnect ' + (accountName() || 'your ' + appName() + ' account');
}

function accessSentence() {
  return projectName(false) + ' wants to access your ' + appName() + ' account';
}

// A believable sign-in identity: alex@<app>.example.com.
function suggestedIdentity() {
  var host = String((app && app.name_slug) || q.app).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return 'alex@' + (host || 'app') + '.example.com';
}

// ---- fields ----

var fieldCount = 0;

function textField(opts) {
  var id = 'field-' + fieldCount++;
  var input = h('input', {
    id: id,
    name: opts.name,
    type: opts.secret ? 'password' : 'text',
    autocomplete: opts.secret ? 'off' : opts.autocomplete || 'off',
    autocapitalize: 'none',
    spellcheck: 'false',
    required: !opts.optional,
  });
  input.value = opts.value || '';
  var label = h('label', { for: id }, [opts.label, opts.optional ? h('span', { class: 'optional', text: ' (optional)' }) : null]);
  var help = opts.help ? h('p', { class: 'help', id: id + '-help', text: opts.help }) : null;
  var error = h('p', { class: 'field-error', id: id + '-error', hidden: true });
  var control = h('div', { class: 'control' }, input);
  if (opts.secret) {
    var reveal = button('Show', 'secondary', { class: 'btn btn-secondary reveal', 'aria-pressed': 'false', 'aria-controls': id });
    reveal.firstChild.append(h('span', { class: 'vh', text: ' ' + opts.label }));
    reveal.addEventListener('click', function () {
      var shown = input.type === 'password';
      input.type = shown ? 'text' : 'password';
      reveal.setAttribute('aria-pressed', shown ? 'true' : 'false');
    });
    control.append(reveal);
  }
  function describe() {
    var ids = [];
    if (help) ids.push(help.id);
    if (!error.hidden) ids.push(error.id);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
  function setError(message) {
    if (message) {
      error.replaceChildren(icon('alertCircle'), h('span', { text: message }));
      error.hidden = false;
      input.setAttribute('aria-invalid', 'true');
    } else {
      error.replaceChildren();
      error.hidden = true;
      input.removeAttribute('aria-invalid');
    }
    describe();
  }
  input.addEventListener('input', function () {
    if (input.getAttribute('aria-invalid') === 'true' && input.value.trim()) setError('');
  });
  describe();
  return {
    name: opts.name,
    label: opts.label,
    optional: !!opts.optional,
    secret: !!opts.secret,
    input: input,
    setError: setError,
    root: h('div', { class: 'field' }, [label, control, help, error]),
  };
}

// Marks empty required fields; returns the first invalid input (or null).
function checkRequired(fields) {
  var first = null;
  fields.forEach(function (f) {
    if (!f.optional && !f.input.value.trim()) {
      f.setError(f.label + ' is required.');
      if (!first) first = f.input;
    } else {
      f.setError('');
    }
  });
  return first;
}

function parseFields(json) {
  var parsed = JSON.parse(typeof json === 'string' && json.trim() ? json : '[]');
  if (!Array.isArray(parsed)) throw new Error('not an array');
  return parsed.filter(function (f) { return f && typeof f.name === 'string' && f.name; });
}

// ---- screens ----

function renderConsent() {
  var reconnect = !!q.accountId;
  var identity = textField({
    name: 'identity',
    label: 'Sign in as',
    value: accountName() || suggestedIdentity(),
    autocomplete: 'username',
    help: 'The connected account is named after this identity.',
  });
  var deny = button('Deny', 'secondary', { onclick: function () { if (!busy) denyAccess(); } });
  var allow = button('Allow', 'primary', { type: 'submit' });
  var shares = [
    h('li', null, [icon('user'), h('span', { text: 'Your ' + appName() + ' profile: name and email address' })]),
    h('li', null, [icon('bolt'), h('span', { text: 'Permission to use ' + appName() + ' on your behalf' })]),
  ];
  var scopes = scopeList();
  if (scopes.length) {
    shares.push(h('li', null, [icon('lock'), h('span', null, [
      'Requested scopes',
      h('span', { class: 'scopes' }, scopes.map(function (s) { return h('code', { text: s }); })),
    ])]));
  }
  shares.push(h('li', null, [icon('undo'), h('span', { text: 'You can disconnect this account at any time' })]));
  var form = h('form', { novalidate: true }, [
    h('div', { class: 'pair', 'aria-hidden': 'true' }, [
      info.project_app_name ? avatar(info.project_app_name, info.project_id || info.project_app_name, '', 'lg') : h('span', { class: 'avatar avatar-lg avatar-generic' }, icon('user')),
      h('span', { class: 'pair-link' }, icon('swap')),
      avatar(appName(), app.name_slug, app.img_src, 'lg'),
    ]),
    heading(reconnect ? reconnectTitle() : accessSentence()),
    reconnect ? h('p', { class: 'lead centered', text: accessSentence() + ' again.' }) : null,
    h('h2', { text: projectName(false) + ' will get:' }),
    h('ul', { class: 'shares' }, shares),
    identity.root,
    alertEl,
    actions([deny, allow]),
  ]);
  form.classList.add('consent');
  form.querySelector('h1').classList.add('centered');
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    var invalid = checkRequired([identity]);
    if (invalid) {
      invalid.focus();
      return;
    }
    createAccount(allow, { cfmap_json: '{}', name: identity.input.value.trim() });
  });
  setScreen('consent', [form]);
}

function scopeList() {
  var profiles = Array.isArray(app.scope_profiles) ? app.scope_profiles : [];
  var chosen = profiles.filter(function (p) { return p && p.name === q.scopeProfile; })[0] || profiles[0];
  var scopes = chosen && Array.isArray(chosen.scopes) ? chosen.scopes.filter(function (s) { return typeof s === 'string'; }) : [];
  if (scopes.length > 8) scopes = scopes.slice(0, 8).concat(['+' + (scopes.length - 8) + ' more']);
  return scopes;
}

function denyAccess() {
  setScreen('denied', [
    statusIcon('neutral', 'block'),
    h('div', { class: 'centered' }, [
      heading('Access denied'),
      h('p', { class: 'lead', text: 'You denied ' + projectName(true) + ' access to your ' + appName() + ' account. No account was connected.' }),
      pageMode ? h('p', { class: 'lead', text: 'You can close this window.' }) : null,
    ]),
    alertEl,
    actions([
      button('Try again', 'secondary', { onclick: renderConsent }),
      pageMode ? null : button('Close', 'primary', { onclick: closeNow }),
    ]),
  ]);
  announce('Access denied');
  reportError(DENIED);
}

function renderKeys() {
  var defs;
  try {
    defs = parseFields(app.custom_fields_json);
  } catch {
    fail('The credential fields of ' + appName() + ' (custom_fields_json) are not valid JSON.');
    return;
  }
  var fields = defs.map(function (f) {
    var label = typeof f.label === 'string' && f.label.trim() ? f.label : f.name;
    return textField({
      name: f.name,
      label: label,
      help: typeof f.description === 'string' ? f.description : '',
      optional: !!f.optional,
      secret: !!f.secret,
      value: typeof f.default === 'string' ? f.default : f.default === undefined || f.default === null ? '' : String(f.default),
    });
  });
  var nickname = textField({
    name: 'nickname',
    label: 'Account nickname',
    optional: true,
    value: accountName(),
    help: 'Shown in your list of connected accounts. Leave it blank for a default name.',
  });
  var submit = button('Connect', 'primary', { type: 'submit' });
  var lead = fields.length
    ? 'Enter your ' + appName() + ' credentials so ' + projectName(true) + ' can connect to your account.'
    : appName() + ' asks for no credentials here.';
  var form = h('form', { novalidate: true }, [
    heading(q.accountId ? reconnectTitle() : 'Connect your ' + appName() + ' account'),
    h('p', { class: 'lead', text: lead }),
    fields.map(function (f) { return f.root; }),
    nickname.root,
    alertEl,
    actions([submit]),
  ]);
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    if (busy) return;
    var invalid = checkRequired(fields);
    if (invalid) {
      invalid.focus();
      announce('Some required fields are empty.');
      return;
    }
    var values = {};
    fields.forEach(function (f) {
      // Secrets are sent exactly as typed; other values lose stray whitespace.
      var value = f.secret ? f.input.value : f.input.value.trim();
      if (value.trim()) values[f.name] = value;
    });
    createAccount(submit, { cfmap_json: JSON.stringify(values), name: nickname.input.value.trim() });
  });
  setScreen('keys', [form], fields.length ? fields[0].input : null);
}

function renderNone() {
  var go = button('Continue', 'primary', { onclick: function () { createAccount(go, { cfmap_json: '{}', name: '' }); } });
  setScreen('none', [
    h('div', { class: 'pair', 'aria-hidden': 'true' }, avatar(appName(), app.name_slug, app.img_src, 'lg')),
    h('div', { class: 'centered' }, [
      heading(q.accountId ? reconnectTitle() : 'Connect ' + appName()),
      h('p', { class: 'lead', text: appName() + ' needs no password, API key or sign-in. Continue to add it to your connected accounts so ' + projectName(true) + ' can use it.' }),
    ]),
    alertEl,
    actions([go]),
  ]);
}

async function createAccount(active, extra) {
  if (busy) return;
  alertEl.textContent = '';
  setBusy(true, active);
  announce('Connecting your ' + appName() + ' account\u2026');
  var body = { app_slug: app.name_slug || q.app, cfmap_json: extra.cfmap_json, connect_token: q.token };
  if (extra.name) body.name = extra.name;
  if (q.accountId) body.account_id = q.accountId;
  if (q.oauthAppId) body.oauth_app_id = q.oauthAppId;
  var account;
  try {
    var data = await request('POST', '/v1/connect/accounts', body);
    account = data && data.data && typeof data.data.id === 'string' ? data.data : data;
    if (!account || typeof account.id !== 'string' || !account.id) {
      throw apiError('The Connect API did not return the new account.', 0, data);
    }
  } catch (err) {
    setBusy(false, active);
    var message = err && err.message ? err.message : 'Could not connect the account.';
    // An expired, used or unknown token cannot succeed on retry.
    if (err && TERMINAL_STATUSES.indexOf(err.status) >= 0) {
      fail(message);
      return;
    }
    showAlert(message);
    announce('');
    active.focus();
    reportErrorInline(message);
    return;
  }
  setBusy(false, active);
  succeed(account);
}

// Errors the user can retry from the same screen: reported to the parent, no redirect.
function reportErrorInline(message) {
  post({ type: 'error', error: message });
}

function succeed(account) {
  var name = typeof account.name === 'string' && account.name ? account.name : 'your ' + appName() + ' account';
  var done = pageMode ? null : button('Done', 'primary', { onclick: closeNow });
  var willRedirect = pageMode && !!redirects.success;
  var lead = pageMode
    ? (willRedirect ? 'Taking you back\u2026' : 'Your ' + appName() + ' account is connected. You can close this window.')
    : projectName(false) + ' can now use your ' + appName() + ' account.';
  post({ type: 'success', authProvisionId: account.id });
  setScreen('success', [
    statusIcon('success', 'check'),
    h('div', { class: 'centered' }, [heading('Connected ' + name), h('p', { class: 'lead', text: lead })]),
    alertEl,
    actions([done]),
  ], done);
  announce('Connected ' + name);
  if (pageMode) {
    if (willRedirect) redirectTo(redirects.success);
  } else {
    closeTimer = setTimeout(closeNow, AUTO_CLOSE_MS);
  }
}

function fail(message) {
  setScreen('error', [
    statusIcon('danger', 'alert'),
    h('div', { class: 'centered' }, heading('Something went wrong connecting your account')),
    alertEl,
    pageMode ? h('p', { class: 'lead centered', text: 'You can close this window.' }) : null,
    actions([pageMode ? null : button('Close', 'primary', { onclick: closeNow })]),
  ]);
  showAlert(message);
  reportError(message);
}

function showBrand() {
  brandEl.replaceChildren(avatar(appName(), app.name_slug, app.img_src, 'sm'), h('span', { class: 'brand-name', text: appName() }));
}

// ---- keyboard ----

function canDismiss() {
  return !q.hideClose || current === 'success' || current === 'error' || current === 'denied';
}

function focusables() {
  return Array.from(card.querySelectorAll('button, input, select, textarea, a[href], [tabindex="0"]')).filter(function (n) {
    return !n.disabled && n.getClientRects().length > 0;
  });
}

// The iframe covers the host page: keep Tab inside the dialog.
function trapTab(event) {
  var items = focusables();
  if (!items.length) {
    event.preventDefault();
    return;
  }
  var first = items[0];
  var last = items[items.length - 1];
  var active = document.activeElement;
  if (!active || !card.contains(active)) {
    event.preventDefault();
    (event.shiftKey ? last : first).focus();
  } else if (event.shiftKey && (active === first || items.indexOf(active) < 0 && !items.some(function (n) {
    return n.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
  }))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}

function onKeydown(event) {
  if (pageMode) return;
  if (event.key === 'Escape' && canDismiss()) {
    event.preventDefault();
    closeNow();
  } else if (event.key === 'Tab') {
    trapTab(event);
  }
}

// ---- start ----

async function start() {
  document.documentElement.classList.add(pageMode ? 'is-page' : 'is-overlay');
  if (!pageMode) {
    card.setAttribute('role', 'dialog');
    card.setAttribute('aria-modal', 'true');
  }
  closeBtn.hidden = pageMode || q.hideClose;
  closeBtn.addEventListener('click', closeNow);
  document.addEventListener('keydown', onKeydown);

  if (failMode) {
    fail('The Connect emulator is running in error mode, so it refused this connection on purpose.');
    return;
  }
  if (!q.token) {
    fail('This connect link has no token (the "token" query parameter is missing).');
    return;
  }
  if (!q.app) {
    fail('This connect link does not name an app: add "&app=<app name slug>" to its URL.');
    return;
  }

  announce('Checking your connect link\u2026');
  var query = new URLSearchParams({ app_id: q.app });
  if (q.accountId) query.set('account_id', q.accountId);
  if (q.oauthAppId) query.set('oauth_app_id', q.oauthAppId);
  var res;
  try {
    res = await request('GET', '/v1/connect/tokens/' + encodeURIComponent(q.token) + '/validate?' + query.toString());
  } catch (err) {
    takeRedirects(err && err.data);
    fail(err && err.message ? err.message : 'Could not check the connect token.');
    return;
  }
  takeRedirects(res);
  if (!res || res.success !== true) {
    fail(errorText(res) || 'This connect token is not valid.');
    return;
  }
  if (!res.app || typeof res.app !== 'object') {
    fail('The Connect API did not describe the app "' + q.app + '".');
    return;
  }
  info = res;
  app = res.app;
  showBrand();
  announce('');
  if (app.auth_type === 'oauth') renderConsent();
  else if (app.auth_type === 'keys') renderKeys();
  else if (app.auth_type === 'none') renderNone();
  else fail('Unsupported auth type "' + String(app.auth_type) + '" for ' + appName() + '.');
}

start().catch(function (err) {
  fail('Unexpected error: ' + (err && err.message ? err.message : String(err)));
});
`;

/** The connect page's script, served at `/_static/connect.js` (as `text/javascript`). */
export function connectPageScript(): string {
  return SCRIPT;
}
