import { css } from 'lit';
import { anchoredPopupStyles } from '../shared/anchored-popup.styles.js';

/** What the component forms share beyond their utilities: host display, spinner, shimmer, disclosures. */
export const formCss = css`
    ${anchoredPopupStyles}
    :host {
      display: block;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
    }
    @keyframes pd-spin {
      to {
        transform: rotate(360deg);
      }
    }
    .pd-spinner {
      animation: pd-spin 0.8s linear infinite;
    }
    @keyframes pd-shimmer {
      50% {
        opacity: 0.45;
      }
    }
    .shimmer {
      animation: pd-shimmer 1.6s ease-in-out infinite;
    }
    details > summary {
      list-style: none;
    }
    details > summary::-webkit-details-marker {
      display: none;
    }
    details[open] > summary .chevron {
      transform: rotate(90deg);
    }
    :host(:dir(rtl)) .chevron,
    [dir='rtl'] .chevron {
      scale: -1 1;
    }
    input[type='number']::-webkit-inner-spin-button {
      opacity: 0.6;
    }
    @media (prefers-reduced-motion: reduce) {
      .pd-spinner {
        animation-duration: 2.4s;
      }
      .shimmer {
        animation: none;
      }
    }
  `;
