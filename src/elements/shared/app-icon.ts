import { html, type ReactiveControllerHost } from 'lit';

/** Logo load results, page-wide, so re-rendered (or windowed-in) options neither flash nor retry. */
const logoStatus = new Map<string, 'loaded' | 'broken'>();

export function initialsOf(name: string): string {
  const words = name.replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  const letters = words.length > 1 ? [words[0], words[1]].map((word) => [...(word as string)][0]) : [[...(words[0] as string)][0]];
  return letters.join('').toUpperCase();
}

export function toneOf(key: string): number {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % 8;
}

/**
 * An app's logo over its coloured initials: the initials show until the image has loaded, and
 * stay when it cannot load (offline, blocked). Decorative: the app's name is always next to it.
 */
export function renderAppIcon(host: ReactiveControllerHost, app: { name?: string; nameSlug?: string; imgSrc?: string }, classes: string, part = 'option-icon') {
  const name = app.name || app.nameSlug || '?';
  const src = app.imgSrc;
  const status = src ? logoStatus.get(src) : 'broken';
  return html`<span part=${part} class="relative grid shrink-0 place-items-center overflow-hidden rounded-pd-sm font-semibold text-white ${classes}" data-tone=${toneOf(app.nameSlug || name)} aria-hidden="true">
    <span>${initialsOf(name)}</span>
    ${src && status !== 'broken'
      ? html`<img
          class="logo absolute inset-0 size-full bg-white object-contain p-[3px]"
          src=${src}
          alt=""
          loading="lazy"
          decoding="async"
          ?data-loaded=${status === 'loaded'}
          @load=${() => {
            logoStatus.set(src, 'loaded');
            host.requestUpdate();
          }}
          @error=${() => {
            logoStatus.set(src, 'broken');
            host.requestUpdate();
          }}
        />`
      : ''}
  </span>`;
}
