import { nothing, type ElementPart } from 'lit';
import { Directive, directive, PartType, type DirectiveParameters, type PartInfo } from 'lit/directive.js';

/** CSS property names as a stylesheet writes them (`top`, `inset-inline-start`, `--pd-x`) to values. */
export type CssProperties = Readonly<Record<string, string | undefined>>;

class CssPropertiesDirective extends Directive {
  /** The properties this directive set on the last render, to remove those no longer given. */
  private applied = new Set<string>();

  constructor(partInfo: PartInfo) {
    super(partInfo);
    if (partInfo.type !== PartType.ELEMENT) throw new Error('cssProperties() goes in element position: <div ${cssProperties({ … })}>');
  }

  render(_properties: CssProperties) {
    return nothing;
  }

  override update(part: ElementPart, [properties]: DirectiveParameters<this>) {
    const style = (part.element as HTMLElement).style;
    for (const name of this.applied) {
      if (properties[name] === undefined) {
        style.removeProperty(name);
        this.applied.delete(name);
      }
    }
    for (const [name, value] of Object.entries(properties)) {
      if (value === undefined) continue;
      // Writing the same value again is cheap for CSSOM, but skipping it keeps style recalcs down while scrolling.
      if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
      this.applied.add(name);
    }
    return nothing;
  }
}

/**
 * Sets inline CSS properties through CSSOM (`element.style.setProperty`) on every render and
 * removes the ones no longer given. Unlike `styleMap`, it never writes a `style` attribute, which a
 * Content-Security-Policy without `'unsafe-inline'` in `style-src` blocks and reports; CSSOM
 * changes are allowed.
 *
 * In element position: `<div ${cssProperties({ top: '36px' })}>`. An `undefined` value removes
 * the property.
 */
export const cssProperties = directive(CssPropertiesDirective);
