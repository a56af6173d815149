import { css, unsafeCSS } from 'lit';
import utilities from '../../styles/generated/pd-app-directory.css.js';
import { appIconStyles, spinnerStyles } from '../../styles/shared.js';
import { tokens } from '../../styles/tokens.js';

/*
 * Card heights are fixed (the catalog is windowed by rows of a known height: see GRID_ROW and
 * LIST_ROW in pd-app-directory.ts); the catalog box is a size container, and below 560px wide
 * its cards become list rows.
 */
export const styles = [
  tokens,
  unsafeCSS(utilities),
  spinnerStyles,
  appIconStyles,
  css`
    :host {
      display: block;
      container-type: inline-size;
    }
    [hidden] {
      display: none !important;
    }
    .base {
      display: grid;
      gap: 0.75rem;
      padding: 1rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius);
      background: var(--_pd-color-surface);
      color: var(--_pd-color-text);
    }
    .title {
      margin: 0;
      font-size: 1.125rem;
      font-weight: 650;
    }
    .config-error,
    .card-error {
      margin: 0;
      color: var(--_pd-color-danger);
      font-size: 0.8125rem;
    }
    .muted {
      color: var(--_pd-color-text-muted);
    }
    .small {
      font-size: 0.8125rem;
    }
    button,
    select,
    input {
      font: inherit;
      color: inherit;
    }
    :focus-visible {
      outline: 2px solid var(--_pd-color-focus);
      outline-offset: 2px;
    }
    .btn {
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      min-height: 2rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid transparent;
      border-radius: var(--_pd-radius-small);
      font-weight: 600;
      font-size: 0.8125rem;
      cursor: pointer;
      white-space: nowrap;
    }
    .btn.primary {
      background: var(--_pd-color-accent);
      color: var(--_pd-color-on-accent);
    }
    .btn.primary:hover {
      background: var(--_pd-color-accent-hover);
    }
    .btn.secondary {
      border-color: var(--_pd-color-border);
      background: var(--_pd-color-surface);
    }
    .btn.secondary:hover {
      background: var(--_pd-color-surface-muted);
    }
    .btn[aria-disabled='true'] {
      opacity: 0.7;
      cursor: not-allowed;
    }
    .btn[aria-busy='true'] {
      cursor: progress;
    }

    /* Toolbar */
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem;
    }
    .search {
      position: relative;
      flex: 1 1 14rem;
      display: flex;
    }
    .search-icon {
      position: absolute;
      inset-inline-start: 0.625rem;
      top: 50%;
      width: 1rem;
      height: 1rem;
      transform: translateY(-50%);
      color: var(--_pd-color-text-muted);
      pointer-events: none;
    }
    .search input {
      width: 100%;
      min-height: 2.5rem;
      padding-block: 0.375rem;
      padding-inline: 2rem 0.75rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius-small);
      background: var(--_pd-color-background);
    }
    .search input:focus-visible {
      outline-offset: 0;
      border-color: var(--_pd-color-focus);
    }
    .filters {
      display: flex;
      gap: 0.375rem;
    }
    .filters button,
    .categories button {
      min-height: 2rem;
      padding: 0.25rem 0.75rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: 999px;
      background: var(--_pd-color-surface);
      font-size: 0.8125rem;
      cursor: pointer;
      white-space: nowrap;
    }
    .filters button[aria-pressed='true'],
    .categories button[aria-pressed='true'] {
      border-color: var(--_pd-color-accent);
      background: var(--_pd-color-accent);
      color: var(--_pd-color-on-accent);
      font-weight: 600;
    }
    .sort {
      display: flex;
      align-items: center;
      gap: 0.375rem;
      font-size: 0.8125rem;
      color: var(--_pd-color-text-muted);
    }
    .sort select {
      min-height: 2rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius-small);
      background: var(--_pd-color-surface);
      color: var(--_pd-color-text);
    }

    /* Categories beside the catalog when wide, a scrolling row of chips above it when narrow. */
    .catalog-view {
      display: grid;
      gap: 0.75rem;
    }
    .layout {
      display: grid;
      gap: 0.75rem;
      grid-template-columns: minmax(0, 1fr);
    }
    .main {
      display: grid;
      gap: 0.75rem;
      min-width: 0;
    }
    .categories ul {
      display: flex;
      gap: 0.375rem;
      margin: 0;
      padding: 0 0 0.25rem;
      list-style: none;
      overflow-x: auto;
    }
    @container (min-width: 52rem) {
      .layout {
        grid-template-columns: 12rem minmax(0, 1fr);
      }
      .categories ul {
        flex-direction: column;
        overflow: visible;
      }
      .categories button {
        width: 100%;
        border-color: transparent;
        border-radius: var(--_pd-radius-small);
        text-align: start;
        background: transparent;
      }
      .categories button:hover {
        background: var(--_pd-color-surface-muted);
      }
      .categories button[aria-pressed='true'] {
        background: var(--_pd-color-accent);
      }
    }

    /* Catalog: a scrolling box holding one absolutely placed row per visible row of cards. */
    .catalog {
      container-type: inline-size;
      position: relative;
      height: var(--pd-directory-height, 36rem);
      overflow-y: auto;
      overscroll-behavior: contain;
      border-radius: var(--_pd-radius-small);
    }
    .window {
      position: relative;
    }
    .row {
      position: absolute;
      inset-inline: 0;
      display: grid;
      grid-template-columns: repeat(var(--pd-directory-columns, 1), minmax(0, 1fr));
      gap: 12px;
    }
    .row.more {
      display: flex;
      justify-content: center;
      padding: 1rem;
      color: var(--_pd-color-text-muted);
    }
    .card {
      position: relative;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      grid-template-rows: auto 1fr auto;
      gap: 0.375rem;
      height: 164px;
      padding: 0.75rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius);
      background: var(--_pd-color-surface);
      box-shadow: var(--_pd-shadow);
      overflow: hidden;
    }
    .card:hover {
      border-color: color-mix(in srgb, var(--_pd-color-accent) 45%, var(--_pd-color-border));
    }
    .card:focus-within {
      border-color: var(--_pd-color-accent);
    }
    .open {
      display: flex;
      align-items: center;
      gap: 0.625rem;
      min-width: 0;
      padding: 0;
      border: 0;
      background: none;
      text-align: start;
      cursor: pointer;
    }
    /* The whole card opens the app; its other buttons sit above this layer. */
    .open::after {
      content: '';
      position: absolute;
      inset: 0;
    }
    .open:focus-visible {
      outline: none;
    }
    .card:has(.open:focus-visible) {
      outline: 2px solid var(--_pd-color-focus);
      outline-offset: 2px;
    }
    .icon {
      width: 2.5rem;
      height: 2.5rem;
      font-size: 0.875rem;
    }
    .icon.large {
      width: 3.5rem;
      height: 3.5rem;
      font-size: 1.125rem;
    }
    .name {
      overflow: hidden;
      font-weight: 600;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    /* Two lines at most (a -webkit-box clamp lays out bidi text wrongly in RTL pages). */
    .description {
      display: block;
      max-height: calc(2 * 1.45em);
      margin: 0;
      overflow: hidden;
      overflow-wrap: anywhere;
      color: var(--_pd-color-text-muted);
      font-size: 0.8125rem;
      line-height: 1.45;
      align-self: start;
    }
    .foot {
      display: flex;
      min-width: 0;
      align-items: center;
      gap: 0.5rem;
      min-height: 2rem;
    }
    .foot > *:not(.spacer) {
      position: relative;
      z-index: 1;
    }
    .spacer {
      flex: 1;
    }
    .badge {
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      display: inline-flex;
      align-items: center;
      gap: 0.375rem;
      padding: 0.125rem 0.5rem;
      border-radius: 999px;
      font-size: 0.75rem;
      font-weight: 600;
      white-space: nowrap;
    }
    .badge.ok {
      background: var(--_pd-color-success-surface);
      color: var(--_pd-color-success);
    }
    .badge.warn {
      background: var(--_pd-color-warning-surface);
      color: var(--_pd-color-warning);
    }
    .badge-text {
      min-width: 0;
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    .dot {
      flex: none;
      width: 0.5rem;
      height: 0.5rem;
      border-radius: 50%;
      background: currentColor;
    }
    .card-error {
      position: absolute;
      inset-inline: 0.75rem;
      bottom: 2.75rem;
      padding: 0.25rem 0.5rem;
      border-radius: var(--_pd-radius-small);
      background: var(--_pd-color-danger-surface);
    }
    .detail .card-error {
      position: static;
    }
    /* List rows: logo and name, the description (or the badge) under the name, the button at the end. */
    @container (max-width: 559px) {
      .row {
        gap: 8px;
      }
      .card {
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-rows: auto auto;
        column-gap: 0.75rem;
        row-gap: 0;
        align-items: center;
        height: 72px;
        padding: 0.5rem 0.75rem;
        box-shadow: none;
      }
      .card .open {
        grid-row: 1;
      }
      .card .description {
        grid-row: 2;
        max-height: 1.45em;
        padding-inline-start: calc(2.25rem + 0.625rem);
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      /* The badge takes the description's line, so the name keeps the row's width. */
      .card .foot {
        display: contents;
      }
      .card .foot > :not(.badge) {
        grid-row: 1 / span 2;
        grid-column: 2;
      }
      .card .badge {
        grid-row: 2;
        grid-column: 1;
        justify-self: start;
        max-width: calc(100% - 2.875rem);
        margin-inline-start: calc(2.25rem + 0.625rem);
      }
      .card:has(.badge) .description {
        display: none;
      }
      .card .spacer {
        display: none;
      }
      .card .icon {
        width: 2.25rem;
        height: 2.25rem;
      }
    }
    .skeletons {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(232px, 1fr));
      gap: 12px;
    }
    .skeleton {
      align-content: start;
      box-shadow: none;
    }
    .bone {
      display: block;
      border-radius: var(--_pd-radius-small);
      background: var(--_pd-color-surface-muted);
      animation: pd-shimmer 1.6s ease-in-out infinite;
    }
    .icon-bone {
      width: 2.5rem;
      height: 2.5rem;
    }
    .line {
      height: 0.75rem;
      width: 80%;
    }
    .line.short {
      width: 50%;
    }
    @keyframes pd-shimmer {
      50% {
        opacity: 0.45;
      }
    }
    .state {
      display: grid;
      justify-items: center;
      gap: 0.75rem;
      padding: 2.5rem 1rem;
      border: 1px dashed var(--_pd-color-border);
      border-radius: var(--_pd-radius);
      color: var(--_pd-color-text-muted);
      text-align: center;
    }
    .state p {
      margin: 0;
    }
    .state.small {
      padding: 1rem;
    }
    [part~='error'].state {
      color: var(--_pd-color-danger);
    }

    /* Featured */
    .section-title {
      margin: 0 0 0.5rem;
      font-size: 0.875rem;
      font-weight: 600;
    }
    .featured-row {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(232px, 1fr));
      gap: 12px;
    }

    /* Detail */
    .detail {
      display: grid;
      gap: 1rem;
    }
    .back {
      justify-self: start;
      display: inline-flex;
      align-items: center;
      gap: 0.25rem;
      min-height: 2rem;
      padding: 0.25rem 0.5rem;
      border: 0;
      border-radius: var(--_pd-radius-small);
      background: none;
      color: var(--_pd-color-accent);
      font-weight: 600;
      cursor: pointer;
    }
    .back:hover {
      background: var(--_pd-color-surface-muted);
    }
    .back svg {
      width: 1rem;
      height: 1rem;
    }
    :host(:dir(rtl)) .flip,
    [dir='rtl'] .flip {
      transform: scaleX(-1);
    }
    .detail-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem;
    }
    .detail-names {
      flex: 1;
      display: grid;
      gap: 0.25rem;
      justify-items: start;
      min-width: 10rem;
    }
    .detail-names h3 {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 650;
    }
    .detail-names h3:focus {
      outline: none;
    }
    .detail-names h3:focus-visible {
      outline: 2px solid var(--_pd-color-focus);
    }
    .prose {
      max-width: 70ch;
      color: var(--_pd-color-text-muted);
    }
    .prose :first-child {
      margin-top: 0;
    }
    .prose :last-child {
      margin-bottom: 0;
    }
    .prose a {
      color: var(--_pd-color-accent);
    }
    .component-columns {
      display: grid;
      gap: 1rem;
    }
    @container (min-width: 44rem) {
      .component-columns {
        grid-template-columns: 1fr 1fr;
      }
    }
    .panel {
      min-width: 0;
    }
    .components {
      display: grid;
      gap: 0.375rem;
      margin: 0 0 0.5rem;
      padding: 0;
      list-style: none;
    }
    [part~='component'] {
      display: grid;
      width: 100%;
      gap: 0.125rem;
      padding: 0.5rem 0.75rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius-small);
      background: var(--_pd-color-surface);
      text-align: start;
      cursor: pointer;
    }
    [part~='component']:hover,
    [part~='component'][aria-pressed='true'] {
      border-color: var(--_pd-color-accent);
    }
    .form {
      padding: 1rem;
      border: 1px solid var(--_pd-color-border);
      border-radius: var(--_pd-radius);
    }
    .form-head {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    .form-head h3 {
      margin: 0;
    }
    .form-head h3:focus {
      outline: none;
    }
    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }
    @media (forced-colors: active) {
      .card,
      .btn,
      .filters button,
      .categories button,
      [part~='component'] {
        border: 1px solid ButtonText;
      }
      .filters button[aria-pressed='true'],
      .categories button[aria-pressed='true'] {
        outline: 2px solid Highlight;
      }
      .card:has(.open:focus-visible),
      :focus-visible {
        outline: 2px solid Highlight;
      }
    }
  `,
];
