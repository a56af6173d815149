import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-deployed-triggers.css.js';
import { spinnerStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  unsafeCSS(utilities),
  spinnerStyles,
  css`
    :host {
      display: block;
      min-width: 0;
    }
    :host([hidden]) {
      display: none;
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
    :host(:dir(rtl)) .chevron {
      scale: -1 1;
    }
    @keyframes pd-shimmer {
      50% {
        opacity: 0.45;
      }
    }
    .shimmer {
      animation: pd-shimmer 1.6s ease-in-out infinite;
    }
    @media (prefers-reduced-motion: reduce) {
      .shimmer {
        animation: none;
      }
    }
  `,
];
