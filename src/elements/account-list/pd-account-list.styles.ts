import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-account-list.css.js';
import { appListStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  unsafeCSS(utilities),
  ...appListStyles,
  css`
    /* Rows off screen skip style, layout and paint, but stay in the DOM for find-in-page, focus and screen readers. */
    [part~='item'] {
      content-visibility: auto;
      /* The height of a row not rendered yet (the browser remembers it once it is): buttons under the text when narrow. */
      contain-intrinsic-size: auto 8rem;
    }
    @container (min-width: 32rem) {
      [part~='item'] {
        contain-intrinsic-size: auto 4.5rem;
      }
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
