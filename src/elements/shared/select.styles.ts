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
];
