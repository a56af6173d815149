import { css, unsafeCSS } from 'lit';

/** Dark values, for `theme="dark"`, and for `theme="system"` while the OS prefers dark. */
const darkTokens = unsafeCSS(`
  color-scheme: dark;
  --_pd-color-background: var(--pd-color-background, #09090b);
  --_pd-color-surface: var(--pd-color-surface, #18181b);
  --_pd-color-surface-muted: var(--pd-color-surface-muted, #27272a);
  --_pd-color-text: var(--pd-color-text, #f4f4f5);
  --_pd-color-text-muted: var(--pd-color-text-muted, #a1a1aa);
  --_pd-color-border: var(--pd-color-border, #3f3f46);
  --_pd-color-accent: var(--pd-color-accent, #818cf8);
  --_pd-color-accent-hover: var(--pd-color-accent-hover, #a5b4fc);
  --_pd-color-on-accent: var(--pd-color-on-accent, #1e1b4b);
  --_pd-color-danger: var(--pd-color-danger, #fca5a5);
  --_pd-color-danger-surface: var(--pd-color-danger-surface, #450a0a);
  --_pd-color-success: var(--pd-color-success, #86efac);
  --_pd-color-success-surface: var(--pd-color-success-surface, #052e16);
  --_pd-color-warning: var(--pd-color-warning, #fde047);
  --_pd-color-warning-surface: var(--pd-color-warning-surface, #422006);
  --_pd-color-focus: var(--pd-color-focus, #a5b4fc);
  --_pd-shadow: var(--pd-shadow, 0 1px 2px rgb(0 0 0 / 0.4), 0 1px 3px rgb(0 0 0 / 0.5));
`);

/**
 * The public theming surface: `--pd-*` custom properties with light defaults, dark values for
 * `theme="dark"` (or `system` when the OS prefers dark), and a minimal reset for the shadow root.
 * Each token is read through a private `--_pd-*` twin, so a host may set it on the element or on
 * any ancestor: `pd-account-list { --pd-color-accent: teal }`.
 */
export const tokens = [
  css`
    :host {
      --_pd-color-background: var(--pd-color-background, #ffffff);
      --_pd-color-surface: var(--pd-color-surface, #ffffff);
      --_pd-color-surface-muted: var(--pd-color-surface-muted, #f4f4f5);
      --_pd-color-text: var(--pd-color-text, #18181b);
      --_pd-color-text-muted: var(--pd-color-text-muted, #52525b);
      --_pd-color-border: var(--pd-color-border, #d4d4d8);
      --_pd-color-accent: var(--pd-color-accent, #4f46e5);
      --_pd-color-accent-hover: var(--pd-color-accent-hover, #4338ca);
      --_pd-color-on-accent: var(--pd-color-on-accent, #ffffff);
      --_pd-color-danger: var(--pd-color-danger, #b91c1c);
      --_pd-color-danger-surface: var(--pd-color-danger-surface, #fef2f2);
      --_pd-color-success: var(--pd-color-success, #15803d);
      --_pd-color-success-surface: var(--pd-color-success-surface, #f0fdf4);
      --_pd-color-warning: var(--pd-color-warning, #a16207);
      --_pd-color-warning-surface: var(--pd-color-warning-surface, #fefce8);
      --_pd-color-focus: var(--pd-color-focus, #6366f1);
      --_pd-radius: var(--pd-radius, 10px);
      --_pd-radius-small: var(--pd-radius-small, 6px);
      --_pd-font-family: var(--pd-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif);
      --_pd-font-size: var(--pd-font-size, 14px);
      --_pd-shadow: var(--pd-shadow, 0 1px 2px rgb(0 0 0 / 0.06), 0 1px 3px rgb(0 0 0 / 0.1));
      color-scheme: light;
      font-family: var(--_pd-font-family);
      font-size: var(--_pd-font-size);
      line-height: 1.45;
      color: var(--_pd-color-text);
      -webkit-font-smoothing: antialiased;
      /* Text properties inherit into the shadow root: a host page's centred, bold or spaced-out
         container (a starter template's #app { text-align: center }) must not restyle the element. */
      font-style: normal;
      font-weight: 400;
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-indent: 0;
      text-transform: none;
      white-space: normal;
    }
    :host([hidden]) {
      display: none !important;
    }
  `,
  // theme="system" sets this state too while the OS prefers dark (a media query inside :host() is
  // not re-evaluated reliably).
  css`
    :host(:state(theme-dark)) {
      ${darkTokens}
    }
  `,
  // Where relative colours work, text on the accent and the hover shade follow the accent a host
  // sets: black or white, whichever reads better on it (the two meet at about 4.6:1 on a mid
  // tone), and a hover shade that moves away from that text. Values a host sets still win.
  css`
    @supports (color: oklch(from red l c h)) {
      :host,
      :host(:state(theme-dark)) {
        --_pd-color-on-accent: var(--pd-color-on-accent, oklch(from var(--_pd-color-accent) clamp(0, (0.6 - l) * 1000, 1) 0 0));
        --_pd-color-accent-hover: var(--pd-color-accent-hover, oklch(from var(--_pd-color-accent) calc(l + 0.16 * clamp(0, (l - 0.6) * 1000, 1) - 0.08) c h));
      }
    }
  `,
  // Forced colours (Windows high contrast): the tokens become system colours, so what the
  // elements compute is what the system draws (and checkers that read styles agree with it).
  css`
    @media (forced-colors: active) {
      :host,
      :host(:state(theme-dark)) {
        --_pd-color-background: Canvas;
        --_pd-color-surface: Canvas;
        --_pd-color-surface-muted: Canvas;
        --_pd-color-danger-surface: Canvas;
        --_pd-color-success-surface: Canvas;
        --_pd-color-warning-surface: Canvas;
        --_pd-color-text: CanvasText;
        --_pd-color-text-muted: CanvasText;
        --_pd-color-danger: CanvasText;
        --_pd-color-success: CanvasText;
        --_pd-color-warning: CanvasText;
        --_pd-color-border: CanvasText;
        --_pd-color-accent: LinkText;
        --_pd-color-accent-hover: LinkText;
        --_pd-color-on-accent: Canvas;
        --_pd-color-focus: Highlight;
      }
    }
  `,
  // Forced colours (Windows high contrast) drop box-shadow rings, background tints and
  // transparent boundaries: focus becomes a system-coloured outline, buttons get a border, and the
  // active option of a list is drawn in the system's selection colours, its muted text and marks
  // too. Colour fades stop: they would pass through author colours the system does not draw.
  css`
    @media (forced-colors: active) {
      *,
      ::before,
      ::after {
        transition: none !important;
      }
      :focus-visible,
      input:focus,
      textarea:focus,
      select:focus {
        outline: 2px solid Highlight !important;
        outline-offset: 1px;
      }
      button,
      [role='button'] {
        border: 1px solid ButtonText;
      }
      button:disabled,
      [aria-disabled='true'] {
        border-color: GrayText;
        color: GrayText;
      }
      [role='option'][data-active] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }
      [role='option'][data-active] :is([part~='option-description'], [part~='option-key'], [part~='option-type'], svg) {
        color: inherit;
        border-color: currentColor;
      }
    }
  `,
  // A reset in the lowest layer, so any utility or host part style wins over it. Text from the API
  // keeps its own direction (dir=auto) but lines up with the interface's edge.
  css`
    @layer base {
      *,
      ::before,
      ::after {
        box-sizing: border-box;
        border: 0 solid;
        margin: 0;
        padding: 0;
      }
      button,
      input {
        font: inherit;
        color: inherit;
        background: none;
      }
      button:not(:disabled),
      [role='button'] {
        cursor: pointer;
      }
      img {
        display: block;
        max-width: 100%;
      }
      [hidden] {
        display: none !important;
      }
      ul,
      ol {
        list-style: none;
      }
      :focus-visible {
        outline: 2px solid var(--_pd-color-focus);
        outline-offset: 2px;
      }
      [dir='auto'] {
        text-align: -webkit-match-parent;
        text-align: match-parent;
      }
      .sr-only {
        position: absolute;
        width: 1px;
        height: 1px;
        padding: 0;
        margin: -1px;
        overflow: hidden;
        clip: rect(0, 0, 0, 0);
        white-space: nowrap;
        border-width: 0;
      }
    }
  `,
];
