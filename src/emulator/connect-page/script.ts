/**
 * The connect page's program, run in the browser from `/_static/connect.js`.
 *
 * The emulator serves this function's own source text (see `connectPageScript()`), so the
 * function must stand alone: it may use browser globals and the types below, but nothing else
 * from this module or any other (imports and module-level values do not exist where it runs).
 * It is loaded with `type="module"`, which makes it deferred and strict. Everything from the API
 * is written with textContent or attributes, never parsed as HTML: app names and descriptions
 * are untrusted.
 */

/** What the page posts to its parent: Pipedream's iframe protocol. */
type ConnectMessage =
  | { type: 'success'; authProvisionId: string }
  | { type: 'error'; error: string }
  | { type: 'close' };

/** The app as the token check describes it; every field is checked before it is relied on. */
interface PageApp {
  name?: string;
  name_slug?: string;
  img_src?: unknown;
  auth_type?: unknown;
  custom_fields_json?: unknown;
  scope_profiles?: unknown;
}

/** The token check's answer, as far as the page reads it. */
interface TokenCheck {
  success?: unknown;
  error?: unknown;
  message?: unknown;
  app?: unknown;
  project_id?: unknown;
  project_app_name?: unknown;
  account?: { name?: unknown } | null;
  success_redirect_uri?: unknown;
  error_redirect_uri?: unknown;
}

interface ScopeProfile {
  name?: unknown;
  scopes?: unknown;
}

/** One entry of an app's `custom_fields_json`. */
interface CustomField {
  name: string;
  label?: unknown;
  description?: unknown;
  optional?: unknown;
  secret?: unknown;
  default?: unknown;
}

/** A failed API call: the HTTP status (0 when there was no answer) and the parsed body. */
interface ApiError extends Error {
  status: number;
  data: unknown;
}

/** The account the create call answers with. */
interface CreatedAccount {
  id: string;
  name?: unknown;
}

/** Children for `h()`: nodes, text, nested lists; null, undefined and false are skipped. */
type Child = Node | string | null | undefined | false | Child[];

/** Attributes for `h()`, plus `text` (textContent), `class` and `on<event>` listeners. */
type Props = Record<string, unknown>;

interface TextFieldOptions {
  name: string;
  label: string;
  value?: string;
  help?: string;
  autocomplete?: string;
  optional?: boolean;
  secret?: boolean;
}

interface TextField {
  name: string;
  label: string;
  optional: boolean;
  secret: boolean;
  input: HTMLInputElement;
  setError(message: string): void;
  root: HTMLDivElement;
}

/** Runs the connect page: checks the token, shows the screen for the app's auth type, reports the outcome. */
export function runConnectPage(): void {
  const params = new URLSearchParams(location.search);
  const q = {
    token: params.get('token') || '',
    app: params.get('app') || '',
    oauthAppId: params.get('oauthAppId') || '',
    accountId: params.get('accountId') || '',
    scopeProfile: params.get('oauthScopeProfile') || '',
    appOverrideId: params.get('appOverrideId') || '',
    customOauthClient: params.get('customOauthClient') === 'true',
    hideClose: params.get('hideClose') === 'true',
    connectLink: params.get('connectLink') === 'true',
  };
  // Connect Link (or a page opened on its own) has no parent to talk to: it redirects instead.
  const pageMode = q.connectLink || window.parent === window;
  const failMode = document.body.dataset.mode === 'error';

  const REQUEST_TIMEOUT_MS = 30000;
  // The API lives next to this page's /_static/ folder, wherever the emulator is mounted.
  const API_BASE = location.pathname.replace(/\/_static\/[^/]*$/, '');
  const AUTO_CLOSE_MS = 1200;
  const DENIED = 'access_denied: The user denied the request';
  const TERMINAL_STATUSES = [401, 403, 404, 410];

  const card = document.getElementById('card') as HTMLElement;
  const screenEl = document.getElementById('screen') as HTMLElement;
  const brandEl = document.getElementById('brand') as HTMLElement;
  const closeBtn = document.getElementById('close') as HTMLButtonElement;
  const statusEl = document.getElementById('status') as HTMLElement;
  const alertEl = document.getElementById('alert') as HTMLElement;

  let info: TokenCheck = {};
  // Empty until the token check describes the app; the names fall back to the `app` parameter.
  let app: PageApp = {};
  const redirects = { success: '', error: '' };
  let current = 'loading';
  let busy = false;
  let closeTimer = 0;

  // ---- protocol ----

  function post(message: ConnectMessage): void {
    if (pageMode) return;
    // Pipedream posts with '*': the receiving library is the one that checks origin and source.
    window.parent.postMessage(message, '*');
  }

  function closeNow(): void {
    clearTimeout(closeTimer);
    closeTimer = 0;
    post({ type: 'close' });
  }

  function reportError(message: string): void {
    post({ type: 'error', error: message });
    if (pageMode && redirects.error) redirectTo(appendQuery(redirects.error, 'error', message));
  }

  function appendQuery(uri: string, key: string, value: string): string {
    let hash = '';
    const at = uri.indexOf('#');
    if (at >= 0) {
      hash = uri.slice(at);
      uri = uri.slice(0, at);
    }
    const sep = uri.indexOf('?') >= 0 ? (/[?&]$/.test(uri) ? '' : '&') : '?';
    return uri + sep + encodeURIComponent(key) + '=' + encodeURIComponent(value) + hash;
  }

  function redirectTo(uri: string): boolean {
    let url: URL;
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

  function errorText(data: unknown): string {
    if (!data || typeof data !== 'object') return '';
    const body = data as { error?: unknown; message?: unknown };
    const e = body.error as { message?: unknown } | string | null | undefined;
    if (typeof e === 'string' && e.trim()) return e.trim();
    if (e && typeof e === 'object' && typeof e.message === 'string' && e.message.trim()) return e.message.trim();
    if (typeof body.message === 'string' && body.message.trim()) return body.message.trim();
    return '';
  }

  function apiError(message: string, status: number, data: unknown): ApiError {
    const err = new Error(message) as ApiError;
    err.status = status;
    err.data = data;
    return err;
  }

  async function request(method: string, url: string, body?: unknown): Promise<unknown> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => { ctrl.abort(); }, REQUEST_TIMEOUT_MS);
    const headers: Record<string, string> = { Accept: 'application/json' };
    const init: RequestInit = { method: method, headers: headers, signal: ctrl.signal, credentials: 'omit', cache: 'no-store' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      headers.Authorization = 'Bearer ' + q.token;
      init.body = JSON.stringify(body);
    }
    let res: Response;
    let data: unknown;
    try {
      res = await fetch(API_BASE + url, init);
      const text = await res.text();
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

  function takeRedirects(data: unknown): void {
    if (!data || typeof data !== 'object') return;
    const answer = data as TokenCheck;
    if (typeof answer.success_redirect_uri === 'string') redirects.success = answer.success_redirect_uri;
    if (typeof answer.error_redirect_uri === 'string') redirects.error = answer.error_redirect_uri;
  }

  // ---- DOM helpers ----

  function appendChildren(node: Element, children: Child): void {
    if (Array.isArray(children)) children.forEach((child) => appendChildren(node, child));
    else if (children !== null && children !== undefined && children !== false) node.append(children);
  }

  function h<K extends keyof HTMLElementTagNameMap>(tag: K, props?: Props | null, children?: Child): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag as string);
    if (props) {
      Object.keys(props).forEach((key) => {
        const value = props[key];
        if (value === null || value === undefined || value === false) return;
        if (key === 'text') node.textContent = String(value);
        else if (key === 'class') node.className = value as string;
        else if (key.slice(0, 2) === 'on' && typeof value === 'function') node.addEventListener(key.slice(2), value as EventListener);
        else node.setAttribute(key, value === true ? '' : String(value));
      });
    }
    appendChildren(node, children);
    return node as HTMLElementTagNameMap[K];
  }

  const ICONS = {
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
  type IconName = keyof typeof ICONS;

  function icon(name: IconName): SVGSVGElement {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'icon');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    ICONS[name].forEach((d) => {
      const path = document.createElementNS(ns, 'path');
      path.setAttribute('d', d);
      svg.append(path);
    });
    return svg;
  }

  function initials(name: unknown): string {
    // First letter or digit of the first two words: "OpenAI (ChatGPT)" gives "OC".
    const words = String(name || '').split(/[\s_./-]+/).map((w) => {
      const m = w.match(/[\p{L}\p{N}]/u);
      return m ? m[0] : '';
    }).filter(Boolean);
    const letters = words.slice(0, 2).join('');
    return (letters || '?').toUpperCase();
  }

  function tone(seed: unknown): number {
    let n = 0;
    Array.from(String(seed)).forEach((c) => { n = (n * 31 + (c.codePointAt(0) as number)) >>> 0; });
    return n % 8;
  }

  const logoLoads = new Map<string, Promise<boolean>>();

  // One probe per URL; the logo replaces the initials only once it has really loaded (offline it
  // fails, and a hanging request must not leave an empty circle).
  function loadLogo(src: string): Promise<boolean> {
    if (!logoLoads.has(src)) {
      logoLoads.set(src, new Promise((resolve) => {
        const probe = new Image();
        probe.referrerPolicy = 'no-referrer';
        probe.addEventListener('load', () => { resolve(probe.naturalWidth > 0); });
        probe.addEventListener('error', () => { resolve(false); });
        probe.src = src;
      }));
    }
    return logoLoads.get(src) as Promise<boolean>;
  }

  function imageUrl(src: unknown): string {
    if (typeof src !== 'string' || !src.trim()) return '';
    try {
      const url = new URL(src, location.href);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
      if (url.protocol === 'data:' && /^data:image\//i.test(url.href)) return url.href;
    } catch {
      return '';
    }
    return '';
  }

  function avatar(name: unknown, seed: unknown, src: unknown, size: 'sm' | 'lg'): HTMLSpanElement {
    const node = h('span', { class: 'avatar avatar-' + size, 'data-tone': tone(seed || name), 'aria-hidden': 'true', text: initials(name) });
    const url = imageUrl(src);
    if (url) {
      void loadLogo(url).then((ok) => {
        if (!ok) return;
        node.replaceChildren(h('img', { src: url, alt: '', referrerpolicy: 'no-referrer', decoding: 'async' }));
        node.classList.add('has-img');
      });
    }
    return node;
  }

  function heading(text: string): HTMLHeadingElement {
    return h('h1', { id: 'title', tabindex: '-1', text: text });
  }

  function statusIcon(kind: string, name: IconName): HTMLDivElement {
    return h('div', { class: 'status-icon ' + kind, 'aria-hidden': 'true' }, icon(name));
  }

  function button(label: string, kind: string, props?: Props): HTMLButtonElement {
    const node = h('button', Object.assign({ type: 'button', class: 'btn btn-' + kind }, props || {}));
    node.append(h('span', { class: 'btn-label', text: label }));
    return node;
  }

  function actions(buttons: (HTMLButtonElement | null)[]): HTMLDivElement | null {
    const list = buttons.filter(Boolean);
    return list.length ? h('div', { class: 'actions' }, list) : null;
  }

  function setScreen(name: string, parts: (Node | null)[], focusTarget?: HTMLElement | null): void {
    current = name;
    card.dataset.screen = name;
    alertEl.textContent = '';
    screenEl.replaceChildren(...parts.filter((part): part is Node => Boolean(part)));
    const target = focusTarget || screenEl.querySelector('h1');
    if (target) target.focus();
  }

  function announce(text: string): void {
    statusEl.textContent = '';
    // A short delay so the same text twice in a row is still announced.
    setTimeout(() => { statusEl.textContent = text; }, 40);
  }

  function showAlert(message: string): void {
    if (alertEl.textContent === message) {
      alertEl.textContent = '';
      setTimeout(() => { alertEl.textContent = message; }, 40);
    } else {
      alertEl.textContent = message;
    }
  }

  function setBusy(on: boolean, active?: HTMLElement): void {
    busy = on;
    screenEl.querySelectorAll<HTMLButtonElement>('.actions .btn').forEach((b) => { b.disabled = on; });
    if (active) {
      if (on) active.setAttribute('aria-busy', 'true');
      else active.removeAttribute('aria-busy');
    }
  }

  // ---- names ----

  function appName(): string {
    return app.name || app.name_slug || q.app;
  }

  function projectName(midSentence: boolean): string {
    const name = typeof info.project_app_name === 'string' ? info.project_app_name.trim() : '';
    return name || (midSentence ? 'this app' : 'This app');
  }

  function accountName(): string {
    return info.account && typeof info.account.name === 'string' ? info.account.name : '';
  }

  function reconnectTitle(): string {
    return 'Reconnect ' + (accountName() || 'your ' + appName() + ' account');
  }

  function accessSentence(): string {
    return projectName(false) + ' wants to access your ' + appName() + ' account';
  }

  // A believable sign-in identity: alex@<app>.example.com.
  function suggestedIdentity(): string {
    const host = String(app.name_slug || q.app).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
    return 'alex@' + (host || 'app') + '.example.com';
  }

  // ---- fields ----

  let fieldCount = 0;

  function textField(opts: TextFieldOptions): TextField {
    const id = 'field-' + fieldCount++;
    const input = h('input', {
      id: id,
      name: opts.name,
      type: opts.secret ? 'password' : 'text',
      autocomplete: opts.secret ? 'off' : opts.autocomplete || 'off',
      autocapitalize: 'none',
      spellcheck: 'false',
      required: !opts.optional,
    });
    input.value = opts.value || '';
    const label = h('label', { for: id }, [opts.label, opts.optional ? h('span', { class: 'optional', text: ' (optional)' }) : null]);
    const help = opts.help ? h('p', { class: 'help', id: id + '-help', text: opts.help }) : null;
    const error = h('p', { class: 'field-error', id: id + '-error', hidden: true });
    const control = h('div', { class: 'control' }, input);
    if (opts.secret) {
      const reveal = button('Show', 'secondary', { class: 'btn btn-secondary reveal', 'aria-pressed': 'false', 'aria-controls': id });
      (reveal.firstChild as HTMLElement).append(h('span', { class: 'vh', text: ' ' + opts.label }));
      reveal.addEventListener('click', () => {
        const shown = input.type === 'password';
        input.type = shown ? 'text' : 'password';
        reveal.setAttribute('aria-pressed', shown ? 'true' : 'false');
      });
      control.append(reveal);
    }
    function describe(): void {
      const ids: string[] = [];
      if (help) ids.push(help.id);
      if (!error.hidden) ids.push(error.id);
      if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
      else input.removeAttribute('aria-describedby');
    }
    function setError(message: string): void {
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
    input.addEventListener('input', () => {
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
  function checkRequired(fields: TextField[]): HTMLInputElement | null {
    let first: HTMLInputElement | null = null;
    fields.forEach((f) => {
      if (!f.optional && !f.input.value.trim()) {
        f.setError(f.label + ' is required.');
        if (!first) first = f.input;
      } else {
        f.setError('');
      }
    });
    return first;
  }

  function parseFields(json: unknown): CustomField[] {
    const parsed: unknown = JSON.parse(typeof json === 'string' && json.trim() ? json : '[]');
    if (!Array.isArray(parsed)) throw new Error('not an array');
    return parsed.filter((f): f is CustomField => Boolean(f && typeof f.name === 'string' && f.name));
  }

  // ---- screens ----

  function renderConsent(): void {
    const reconnect = !!q.accountId;
    const identity = textField({
      name: 'identity',
      label: 'Sign in as',
      value: accountName() || suggestedIdentity(),
      autocomplete: 'username',
      help: 'The connected account is named after this identity.',
    });
    // customOauthClient: the user brings their own OAuth client, as Pipedream's page asks for it.
    const client = q.customOauthClient
      ? [
          textField({ name: 'oauth_client_id', label: 'OAuth client ID', help: 'From the OAuth app you registered with ' + appName() + '.' }),
          textField({ name: 'oauth_client_secret', label: 'OAuth client secret', secret: true }),
        ]
      : [];
    const deny = button('Deny', 'secondary', { onclick: () => { if (!busy) denyAccess(); } });
    const allow = button('Allow', 'primary', { type: 'submit' });
    const shares = [
      h('li', null, [icon('user'), h('span', { text: 'Your ' + appName() + ' profile: name and email address' })]),
      h('li', null, [icon('bolt'), h('span', { text: 'Permission to use ' + appName() + ' on your behalf' })]),
    ];
    const scopes = scopeList();
    if (scopes.length) {
      shares.push(h('li', { id: 'requested-scopes', 'data-profile': q.scopeProfile }, [icon('lock'), h('span', null, [
        q.scopeProfile ? 'Requested scopes (' + q.scopeProfile.replace(/_/g, ' ') + ')' : 'Requested scopes',
        h('span', { class: 'scopes' }, scopes.map((s) => h('code', { text: s }))),
      ])]));
    }
    shares.push(h('li', null, [icon('undo'), h('span', { text: 'You can disconnect this account at any time' })]));
    const form = h('form', { novalidate: true }, [
      h('div', { class: 'pair', 'aria-hidden': 'true' }, [
        info.project_app_name ? avatar(info.project_app_name, info.project_id || info.project_app_name, '', 'lg') : h('span', { class: 'avatar avatar-lg avatar-generic' }, icon('user')),
        h('span', { class: 'pair-link' }, icon('swap')),
        avatar(appName(), app.name_slug, app.img_src, 'lg'),
      ]),
      heading(reconnect ? reconnectTitle() : accessSentence()),
      reconnect ? h('p', { class: 'lead centered', text: accessSentence() + ' again.' }) : null,
      h('h2', { text: projectName(false) + ' will get:' }),
      h('ul', { class: 'shares' }, shares),
      client.map((f) => f.root),
      identity.root,
      alertEl,
      actions([deny, allow]),
    ]);
    form.classList.add('consent');
    (form.querySelector('h1') as HTMLHeadingElement).classList.add('centered');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      const invalid = checkRequired(client.concat([identity]));
      if (invalid) {
        invalid.focus();
        return;
      }
      const extra: { cfmap_json: string; name: string; custom_oauth_client_id?: string } = { cfmap_json: '{}', name: identity.input.value.trim() };
      if (client[0]) extra.custom_oauth_client_id = client[0].input.value.trim();
      void createAccount(allow, extra);
    });
    setScreen('consent', [form]);
  }

  function scopeProfiles(): ScopeProfile[] {
    const profiles: unknown[] = Array.isArray(app.scope_profiles) ? app.scope_profiles : [];
    return profiles.filter((p): p is ScopeProfile => !!p && typeof p === 'object' && typeof (p as ScopeProfile).name === 'string');
  }

  function textsOf(list: unknown): string[] {
    return Array.isArray(list) ? list.filter((s: unknown): s is string => typeof s === 'string') : [];
  }

  // The named profile's scopes; without a name, every scope the app's profiles know (the API grants the same).
  function requestedScopes(): string[] {
    const profiles = scopeProfiles();
    if (q.scopeProfile) {
      const chosen = profiles.filter((p) => p.name === q.scopeProfile)[0];
      return chosen ? textsOf(chosen.scopes) : [];
    }
    const all: string[] = [];
    profiles.forEach((p) => textsOf(p.scopes).forEach((scope) => { if (all.indexOf(scope) < 0) all.push(scope); }));
    return all;
  }

  // An OAuth app asked for a profile it does not have: what the API refuses, said before the user consents.
  function unknownProfile(): string {
    if (!q.scopeProfile || app.auth_type !== 'oauth') return '';
    const names = scopeProfiles().map((p) => String(p.name));
    if (names.indexOf(q.scopeProfile) >= 0) return '';
    return appName() + ' has no OAuth scope profile "' + q.scopeProfile + '"' + (names.length ? ' (it has ' + names.join(', ') + ')' : ' (it has none)');
  }

  function scopeList(): string[] {
    let scopes = requestedScopes();
    if (scopes.length > 8) scopes = scopes.slice(0, 8).concat(['+' + (scopes.length - 8) + ' more']);
    return scopes;
  }

  function denyAccess(): void {
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

  function renderKeys(): void {
    let defs: CustomField[];
    try {
      defs = parseFields(app.custom_fields_json);
    } catch {
      fail('The credential fields of ' + appName() + ' (custom_fields_json) are not valid JSON.');
      return;
    }
    const fields = defs.map((f) => {
      const label = typeof f.label === 'string' && f.label.trim() ? f.label : f.name;
      return textField({
        name: f.name,
        label: label,
        help: typeof f.description === 'string' ? f.description : '',
        optional: !!f.optional,
        secret: !!f.secret,
        value: typeof f.default === 'string' ? f.default : f.default === undefined || f.default === null ? '' : String(f.default),
      });
    });
    const nickname = textField({
      name: 'nickname',
      label: 'Account nickname',
      optional: true,
      value: accountName(),
      help: 'Shown in your list of connected accounts. Leave it blank for a default name.',
    });
    const submit = button('Connect', 'primary', { type: 'submit' });
    const lead = fields.length
      ? 'Enter your ' + appName() + ' credentials so ' + projectName(true) + ' can connect to your account.'
      : appName() + ' asks for no credentials here.';
    const form = h('form', { novalidate: true }, [
      heading(q.accountId ? reconnectTitle() : 'Connect your ' + appName() + ' account'),
      h('p', { class: 'lead', text: lead }),
      fields.map((f) => f.root),
      nickname.root,
      alertEl,
      actions([submit]),
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (busy) return;
      const invalid = checkRequired(fields);
      if (invalid) {
        invalid.focus();
        announce('Some required fields are empty.');
        return;
      }
      const values: Record<string, string> = {};
      fields.forEach((f) => {
        // Secrets are sent exactly as typed; other values lose stray whitespace.
        const value = f.secret ? f.input.value : f.input.value.trim();
        if (value.trim()) values[f.name] = value;
      });
      void createAccount(submit, { cfmap_json: JSON.stringify(values), name: nickname.input.value.trim() });
    });
    setScreen('keys', [form], fields.length ? (fields[0] as TextField).input : null);
  }

  function renderNone(): void {
    const go = button('Continue', 'primary', { onclick: () => { void createAccount(go, { cfmap_json: '{}', name: '' }); } });
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

  async function createAccount(active: HTMLButtonElement, extra: { cfmap_json: string; name: string; custom_oauth_client_id?: string }): Promise<void> {
    if (busy) return;
    alertEl.textContent = '';
    setBusy(true, active);
    announce('Connecting your ' + appName() + ' account\u2026');
    const body: Record<string, string> = { app_slug: app.name_slug || q.app, cfmap_json: extra.cfmap_json, connect_token: q.token };
    if (extra.name) body.name = extra.name;
    if (q.accountId) body.account_id = q.accountId;
    if (q.oauthAppId) body.oauth_app_id = q.oauthAppId;
    if (q.scopeProfile) body.scope_profile = q.scopeProfile;
    if (q.appOverrideId) body.app_override_id = q.appOverrideId;
    if (extra.custom_oauth_client_id) body.custom_oauth_client_id = extra.custom_oauth_client_id;
    let account: CreatedAccount;
    try {
      const data = await request('POST', '/v1/connect/accounts', body) as (Partial<CreatedAccount> & { data?: Partial<CreatedAccount> }) | null;
      const found = data && data.data && typeof data.data.id === 'string' ? data.data : data;
      if (!found || typeof found.id !== 'string' || !found.id) {
        throw apiError('The Connect API did not return the new account.', 0, data);
      }
      account = found as CreatedAccount;
    } catch (err) {
      const failure = err as Partial<ApiError> | null;
      setBusy(false, active);
      const message = failure && failure.message ? failure.message : 'Could not connect the account.';
      // An expired, used or unknown token cannot succeed on retry.
      if (failure && TERMINAL_STATUSES.indexOf(failure.status as number) >= 0) {
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
  function reportErrorInline(message: string): void {
    post({ type: 'error', error: message });
  }

  function succeed(account: CreatedAccount): void {
    // Fault injection: the account exists, but the parent hears an empty error, or only a close.
    const lostSuccess = document.body.dataset.mode;
    if (lostSuccess === 'error-after-connect' || lostSuccess === 'close-after-connect') {
      if (lostSuccess === 'error-after-connect') reportErrorInline('');
      closeNow();
      return;
    }
    const name = typeof account.name === 'string' && account.name ? account.name : 'your ' + appName() + ' account';
    const done = pageMode ? null : button('Done', 'primary', { onclick: closeNow });
    const willRedirect = pageMode && !!redirects.success;
    const lead = pageMode
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
      closeTimer = window.setTimeout(closeNow, AUTO_CLOSE_MS);
    }
  }

  function fail(message: string): void {
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

  function showBrand(): void {
    brandEl.replaceChildren(avatar(appName(), app.name_slug, app.img_src, 'sm'), h('span', { class: 'brand-name', text: appName() }));
  }

  // ---- keyboard ----

  function canDismiss(): boolean {
    return !q.hideClose || current === 'success' || current === 'error' || current === 'denied';
  }

  function focusables(): HTMLElement[] {
    return Array.from(card.querySelectorAll<HTMLElement>('button, input, select, textarea, a[href], [tabindex="0"]')).filter((n) => {
      return !(n as HTMLButtonElement).disabled && n.getClientRects().length > 0;
    });
  }

  // The iframe covers the host page: keep Tab inside the dialog.
  function trapTab(event: KeyboardEvent): void {
    const items = focusables();
    if (!items.length) {
      event.preventDefault();
      return;
    }
    const first = items[0] as HTMLElement;
    const last = items[items.length - 1] as HTMLElement;
    const active = document.activeElement as HTMLElement | null;
    if (!active || !card.contains(active)) {
      event.preventDefault();
      (event.shiftKey ? last : first).focus();
    } else if (event.shiftKey && (active === first || (items.indexOf(active) < 0 && !items.some((n) => {
      return n.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING;
    })))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function onKeydown(event: KeyboardEvent): void {
    if (pageMode) return;
    if (event.key === 'Escape' && canDismiss()) {
      event.preventDefault();
      closeNow();
    } else if (event.key === 'Tab') {
      trapTab(event);
    }
  }

  // ---- start ----

  async function start(): Promise<void> {
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
    const query = new URLSearchParams({ app_id: q.app });
    if (q.accountId) query.set('account_id', q.accountId);
    if (q.oauthAppId) query.set('oauth_app_id', q.oauthAppId);
    let res: TokenCheck | null;
    try {
      res = await request('GET', '/v1/connect/tokens/' + encodeURIComponent(q.token) + '/validate?' + query.toString()) as TokenCheck | null;
    } catch (err) {
      const failure = err as Partial<ApiError> | null;
      takeRedirects(failure && failure.data);
      fail(failure && failure.message ? failure.message : 'Could not check the connect token.');
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
    app = res.app as PageApp;
    showBrand();
    announce('');
    const badProfile = unknownProfile();
    if (badProfile) {
      fail(badProfile + '.');
      return;
    }
    if (app.auth_type === 'oauth') renderConsent();
    else if (app.auth_type === 'keys') renderKeys();
    else if (app.auth_type === 'none') renderNone();
    else fail('Unsupported auth type "' + String(app.auth_type) + '" for ' + appName() + '.');
  }

  start().catch((err: { message?: unknown } | null) => {
    fail('Unexpected error: ' + (err && err.message ? err.message : String(err)));
  });
}
