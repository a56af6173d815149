import { html, nothing } from 'lit';
import { until } from 'lit/directives/until.js';
import type { Markdown } from './markdown-render.js';

type Render = (source: string) => Markdown;

let render: Render | undefined;
let loading: Promise<Render | undefined> | undefined;

/**
 * Loads the markdown renderer (a separate chunk). Forms start it as they connect, so it usually
 * arrives before the component does. A failed load (offline) leaves descriptions as plain text and
 * is tried again on the next render.
 */
export function loadMarkdown(): Promise<Render | undefined> {
  if (render) return Promise.resolve(render);
  loading ??= import('./markdown-render.js').then(
    (module) => (render = module.markdownRenderer({ html, nothing })),
    () => {
      loading = undefined;
      return undefined;
    },
  );
  return loading;
}

/** Whether the markdown renderer is in: nothing to wait for before a form's first render. */
export const markdownLoaded = (): boolean => render !== undefined;

/**
 * A template part rendering API markdown safely: formatting and safe links once the renderer is
 * loaded, and until then the source as plain text (upgraded in place when the renderer arrives).
 */
export function markdown(source: unknown) {
  if (typeof source !== 'string' || !source.trim()) return nothing;
  if (render) return render(source);
  return until(
    loadMarkdown().then((loaded) => (loaded ? loaded(source) : source)),
    source,
  );
}
