import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ComboboxController } from './combobox-controller.js';
import { cssProperties } from './css-properties.js';

/**
 * The options of a windowed listbox: a box as tall as every loaded option together, holding only
 * the options the combobox's window covers (and the active one), each placed at its own offset.
 * Scrolling stays true to the whole list while the DOM holds a few dozen options at most.
 *
 * `renderOption` gets the option's `top` offset and must position it absolutely (one row high),
 * with `cssProperties({ top })`: a `style` attribute would break a strict Content-Security-Policy.
 */
export function optionWindow<T>(
  combo: ComboboxController<T>,
  items: readonly T[],
  keyOf: (item: T, index: number) => string,
  renderOption: (item: T, index: number, top: string) => TemplateResult,
): TemplateResult {
  const indices = combo.indices(items.length);
  return html`<div role="none" ${cssProperties({ position: 'relative', height: `${items.length * combo.rowHeight}px` })}>
    ${repeat(
      indices,
      (index) => keyOf(items[index] as T, index),
      (index) => renderOption(items[index] as T, index, `${index * combo.rowHeight}px`),
    )}
  </div>`;
}
