import { css } from 'lit';
import { POPUP_GAP, POPUP_MIN_HEIGHT } from './anchored-popup.js';

// The styles of anchored popups. Unlayered on purpose: they must win over the popup's own utilities
// (`absolute top-full mt-*`), which still place it where the top layer is missing. In the top
// layer the user agent's popover box (centred, padded, bordered, Canvas colours) gives way to the
// popup's own look (its border, background and colours are the element's classes), and its list
// shrinks (and scrolls) when the room beside the field is short. Anchored: below the field, as
// wide as it; above when it fits there and not below; else the side with the room (at least
// POPUP_MIN_HEIGHT), its height held to that room. The browser follows the field as anything scrolls.
/** The styles of anchored popups (`AnchoredPopupController`): in the `static styles` of any element with a combobox. */
export const anchoredPopupStyles = css`
  [data-pd-popup]:popover-open { position: fixed; inset: auto; margin: 0; padding: 0; box-sizing: border-box; display: flex; flex-direction: column; }
  [data-pd-popup]:popover-open > * { flex-shrink: 0; }
  [data-pd-popup]:popover-open > [role='listbox'] { flex-shrink: 1; min-height: 0; }
  [data-pd-popup='anchor']:popover-open { position-area: bottom; width: anchor-size(width); margin-block: ${POPUP_GAP}px; position-try-fallbacks: flip-block, --pd-popup-below, --pd-popup-above; }
  @position-try --pd-popup-below { position-area: bottom; min-height: ${POPUP_MIN_HEIGHT}px; max-height: -webkit-fill-available; max-height: stretch; }
  @position-try --pd-popup-above { position-area: top; min-height: ${POPUP_MIN_HEIGHT}px; max-height: -webkit-fill-available; max-height: stretch; }
`;
