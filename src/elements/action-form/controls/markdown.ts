import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { until } from 'lit/directives/until.js';

type Renderer = typeof import('./markdown-render.js');

let renderer: Renderer | undefined;
let loading: Promise<Renderer | undefined> | undefined;

/**
 * Loads the markdown renderer and sanitizer (a separate chunk). Forms start it as they connect,
 * so it usually arrives before the component does. A failed load (offline) leaves descriptions as
 * plain text and is tried again on the next render.
 */
export function loadMarkdown(): Promise<Renderer | undefined> {
  loading ??= import('./markdown-render.js').then(
    (module) => (renderer = module),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/**
 * A template part rendering API markdown safely: sanitized HTML once the renderer is loaded, and
 * until then the source as plain, escaped text (upgraded in place when the renderer arrives).
 */
export function markdown(source: unknown) {
  if (typeof source !== 'string' || !source.trim()) return nothing;
  if (renderer) return unsafeHTML(renderer.sanitizeMarkdown(source));
  return until(
    loadMarkdown().then((loaded) => (loaded ? unsafeHTML(loaded.sanitizeMarkdown(source)) : source)),
    source,
  );
}
