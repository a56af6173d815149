import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-connect-button.css.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  unsafeCSS(utilities),
  css`
    :host {
      display: inline-block;
      max-width: 100%;
    }
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
  `,
];
