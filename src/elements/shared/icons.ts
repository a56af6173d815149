import { html, svg } from 'lit';

/** The busy indicator of buttons and rows (styled by `spinnerStyles`); `part` names it where it is a documented part. */
export const spinner = (size = 'size-4', part: '' | 'spinner' = '') =>
  html`<svg part=${part} class="spinner ${size} shrink-0" viewBox="0 0 24 24" fill="none" aria-hidden="true">
    <circle cx="12" cy="12" r="9" stroke="currentColor" stroke-opacity="0.3" stroke-width="3"></circle>
    <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" stroke-width="3" stroke-linecap="round"></path>
  </svg>`;

/** A check mark (20 × 20): the selected option, a connected account. */
export const checkPath = svg`<path fill-rule="evenodd" d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" clip-rule="evenodd" />`;
