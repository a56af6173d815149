import { css } from 'lit';
import { appIconStyles, spinnerStyles } from '../../styles/shared.js';

/** Styles every `pd-*` select shares besides its Tailwind utilities. */
export const selectStyles = [
  appIconStyles,
  spinnerStyles,
  css`
    :host {
      display: block;
      min-width: 0;
      position: relative;
    }
    :host(:state(open)) {
      z-index: 20;
    }
    input::-webkit-search-cancel-button {
      display: none;
    }
  `,
  // The active option is drawn in the system's selection colours (tokens.ts): its muted text and marks too.
  css`
    @media (forced-colors: active) {
      [role='option'][data-active] :is([part~='option-description'], [part~='option-key'], [part~='option-type'], svg) {
        color: inherit;
        border-color: currentColor;
      }
    }
  `,
];
