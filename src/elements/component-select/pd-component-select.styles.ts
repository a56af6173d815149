import { unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-component-select.css.js';
import { tokens } from '../../styles/tokens.js';
import { selectStyles } from '../shared/select.styles.js';

export const styles = [tokens, unsafeCSS(utilities), selectStyles];
