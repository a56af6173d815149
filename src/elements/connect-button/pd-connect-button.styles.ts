import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-connect-button.css.js';
import { spinnerStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

export const styles = [
  tokens,
  unsafeCSS(utilities),
  spinnerStyles,
  css`
    :host {
      display: inline-block;
      max-width: 100%;
    }
  `,
];
