import { unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-action-form.css.js';
import { tokens } from '../../styles/tokens.js';
import { formCss } from '../form/component-form.styles.js';

export const styles = [tokens, unsafeCSS(utilities), formCss];
