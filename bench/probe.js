// Injected into every benchmark page before its own scripts (Playwright `addInitScript`), with
// `window.__BENCH_KIT` set to 'pd' or 'react'. Plain JavaScript: it runs as is in the page.
// Times are `performance.now()` values: milliseconds since the navigation started.
/* global performance, Request, MutationObserver, Element, requestAnimationFrame, MessageChannel */
(() => {
  const KIT = window.__BENCH_KIT;
  const now = () => performance.now();
  const B = (window.__bench = { inflight: 0, lastNetEnd: 0, lastMutation: 0, mutations: 0, fetches: [], input: null, armed: false });

  // Every fetch, until its answer arrives (both kits' SDK calls go through fetch).
  const originalFetch = window.fetch;
  window.fetch = function (input, init) {
    const record = { url: String(input instanceof Request ? input.url : input), start: now(), end: null };
    B.fetches.push(record);
    B.inflight++;
    const done = () => {
      if (record.end !== null) return;
      record.end = now();
      B.inflight--;
      B.lastNetEnd = record.end;
    };
    try {
      const answer = originalFetch.call(this, input, init);
      answer.then(done, done);
      return answer;
    } catch (error) {
      done();
      throw error;
    }
  };

  // Every DOM change, in the document and in every shadow root.
  const options = { subtree: true, childList: true, attributes: true, characterData: true };
  const observer = new MutationObserver(() => {
    B.lastMutation = now();
    B.mutations++;
  });
  observer.observe(document, options);
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    observer.observe(root, options);
    return root;
  };

  // The user's input that starts an interaction: its event time.
  for (const type of ['keydown', 'mousedown']) {
    window.addEventListener(type, (event) => {
      if (B.armed && B.input === null) B.input = event.timeStamp;
    }, true);
  }

  const deepAll = (root, selector, out = []) => {
    if (!root) return out;
    for (const element of root.querySelectorAll('*')) {
      if (element.matches(selector)) out.push(element);
      if (element.shadowRoot) deepAll(element.shadowRoot, selector, out);
    }
    return out;
  };
  const visible = (element) => element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true });
  const text = (element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const CONTROL = 'input, select, textarea, button, [role="combobox"], [contenteditable="true"]';

  const kits = {
    // <pd-action-form>: the element's ready state, its fields' parts, aria-busy as the loading marker.
    pd: {
      scope: () => document.querySelector('pd-action-form')?.shadowRoot,
      formShown: () => document.querySelector('pd-action-form')?.matches(':state(ready)') ?? false,
      fields: (scope) => deepAll(scope, '[part~="field"]').filter(visible),
      // A field that is a note (a prop Pipedream provides itself, e.g. `dir`) has no control.
      fieldDone: (field) => field.matches('[part~="note"]') || deepAll(field, `[part~="control"], [part~="readonly"], ${CONTROL}`).length > 0,
      loading: (scope) => deepAll(scope, '[aria-busy="true"], [part~="skeleton"]').some(visible),
      labels: (scope) => deepAll(scope, '[part~="label"]'),
      options: (scope) => deepAll(scope, '[part~="option"]').filter((o) => !o.matches('[part~="option-custom"]')),
    },
    // connect-react: its `.field` wrappers, "Loading..." text and react-select's loading indicator.
    react: {
      scope: () => document.getElementById('root'),
      formShown: () => document.querySelector('#root form') !== null,
      fields: (scope) => [...scope.querySelectorAll('.field')].filter(visible),
      fieldDone: (field) => field.querySelector(CONTROL) !== null,
      loading: (scope) =>
        /Loading\.\.\./.test(scope.innerText) ||
        [...document.querySelectorAll('.react-select__loading-indicator, .react-select__menu-notice--loading')].some(visible),
      labels: (scope) => [...scope.querySelectorAll('label')],
      // Not the option react-select's Creatable offers for the typed text (`Create "w"`).
      options: () => [...document.querySelectorAll('.react-select__option')].filter((o) => !/^Create ".*"$/.test(text(o))),
    },
  };
  const kit = kits[KIT];

  const formReady = () => {
    const scope = kit.scope();
    if (!scope || !kit.formShown()) return false;
    const fields = kit.fields(scope);
    return fields.length > 0 && fields.every(kit.fieldDone) && !kit.loading(scope);
  };
  const firstLabel = () => {
    const scope = kit.scope();
    return !!scope && kit.labels(scope).some((label) => text(label) !== '' && visible(label));
  };

  /**
   * Resolves with the time the page entered a state where `predicate` holds (and, with
   * `stableMs`, stayed there: no DOM change, no fetch in flight, for that long).
   * The state's start is the last DOM change or fetch answer before it held; when the predicate
   * turned true with no DOM change since the frame before (layout, states), that frame's time.
   */
  function watch(predicate, { stableMs = 0, timeoutMs = 20_000 } = {}) {
    return new Promise((resolve) => {
      const began = now();
      let since = null;
      let previousTick = began;
      const tick = () => {
        const t = now();
        const holds = predicate() && (stableMs === 0 || B.inflight === 0);
        if (!holds) since = null;
        else {
          const changed = Math.max(B.lastMutation, stableMs ? B.lastNetEnd : 0);
          if (since === null) since = changed >= previousTick ? changed : t;
          else if (changed > since) since = changed;
          if (t - since >= stableMs) return resolve({ at: since, detected: t });
        }
        if (t - began > timeoutMs) return resolve({ at: null, detected: t });
        previousTick = t;
        requestAnimationFrame(tick);
      };
      tick();
    });
  }

  // Started at once, so they see the page from its first frame.
  B.firstContent = watch(firstLabel);
  B.ready = watch(formReady, { stableMs: 250 });
  B.settle = () => watch(formReady, { stableMs: 250 });
  B.arm = () => {
    B.input = null;
    B.armed = true;
  };
  /** Options shown, all of them containing `query`. */
  B.waitOptions = (query) => watch(() => {
    const shown = kit.options(kit.scope()).filter(visible);
    return shown.length > 0 && shown.every((option) => text(option).toLowerCase().includes(query.toLowerCase()));
  });
  /**
   * Mounts another form of the same component (the app's `__benchMountForm`, its definition
   * already loaded), waits until its fields all show with their controls and nothing loads,
   * reading layout then, unmounts it; `count` times after `warmup` cycles. Between checks it
   * yields through a MessageChannel (no timer clamping, no frame wait). Resolves with each
   * cycle's duration in ms, or null when one did not get ready within 5 s.
   */
  B.mountCycles = async (count, warmup) => {
    const channel = new MessageChannel();
    const yieldOnce = () => new Promise((resolve) => {
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
    const durations = [];
    for (let cycle = 0; cycle < warmup + count; cycle++) {
      const start = now();
      const form = window.__benchMountForm();
      for (;;) {
        const scope = form.scope();
        const fields = scope && form.shown() ? kit.fields(scope) : [];
        if (fields.length > 0 && fields.every(kit.fieldDone) && !kit.loading(scope)) break;
        if (now() - start > 5000) return null;
        await yieldOnce();
      }
      form.unmount();
      if (cycle >= warmup) durations.push(now() - start);
      // The next cycle starts from a quiet page.
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return durations;
  };
  /** A field labelled `label` shown with its control. */
  B.waitField = (label) => watch(() => {
    const scope = kit.scope();
    return kit.fields(scope).some((field) => kit.fieldDone(field) && kit.labels(field).concat(field.matches('label') ? [field] : [])
      .some((l) => text(l).replace(/\(optional\)$/, '').trim() === label && visible(l)));
  });
})();
