import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-accounts-console.css.js';
import { appListStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/** The console: Tailwind utilities over the shared tokens, with the shared host box, app icon and spinner. */
export const styles = [
  tokens,
  unsafeCSS(utilities),
  ...appListStyles,
  css`
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
