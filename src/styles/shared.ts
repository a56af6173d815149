import { css } from 'lit';

/** The busy indicator used by buttons, lists and selects. */
export const spinnerStyles = css`
  @keyframes pd-spin {
    to {
      transform: rotate(360deg);
    }
  }
  .spinner {
    animation: pd-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .spinner {
      animation-duration: 2.4s;
    }
  }
`;

/** App icons (see `renderAppIcon`): initials on one of eight tones, the logo fading in once loaded. */
export const appIconStyles = css`
  /* Eight tones that all keep white initials above 4.5:1. */
  [data-tone='0'] { background-color: #4f46e5; }
  [data-tone='1'] { background-color: #0e7490; }
  [data-tone='2'] { background-color: #047857; }
  [data-tone='3'] { background-color: #b45309; }
  [data-tone='4'] { background-color: #be123c; }
  [data-tone='5'] { background-color: #7c3aed; }
  [data-tone='6'] { background-color: #1d4ed8; }
  [data-tone='7'] { background-color: #a21caf; }
  .logo {
    opacity: 0;
    transition: opacity 120ms ease-out;
  }
  .logo[data-loaded] {
    opacity: 1;
  }
  @media (prefers-reduced-motion: reduce) {
    .logo {
      transition: none;
    }
  }
`;

/** A block element listing apps (the account list, the selects): its host box, app icons and spinners. */
export const appListStyles = [
  appIconStyles,
  spinnerStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
  `,
];
