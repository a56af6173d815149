import { css } from 'lit';
import { appListStyles } from '../../styles/shared.js';
import { anchoredPopupStyles } from './anchored-popup.styles.js';

/** Styles every `pd-*` select shares besides its Tailwind utilities. */
export const selectStyles = [
  ...appListStyles,
  anchoredPopupStyles,
  css`
    :host {
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
