import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type { TemplateResult } from 'lit';
import '../../src/elements/action-form/pd-action-form.js';
import type { PdActionForm } from '../../src/elements/action-form/pd-action-form.js';
import '../../src/elements/app-select/pd-app-select.js';
import type { PdAppSelect } from '../../src/elements/app-select/pd-app-select.js';
import { popupSupport } from '../../src/elements/shared/anchored-popup.js';
import { admin, env, nextFrame, seedAccount, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';
import { control, q, qa, root, text } from '../support/shadow-queries.js';

/**
 * The popups of the selects and of the forms' remote-options fields escape their containers: a
 * modal dialog, a box with `overflow: hidden`, a scrolled container, the viewport's bottom edge.
 * They are in the top layer, unclipped, placed against their field (flipped above it where the
 * room below is short), and work with the keyboard and the mouse as before.
 */

const GAP = 6;

/** One kind of combobox under test: how to mount it and where its parts are. */
interface Kind {
  name: string;
  mount: (wrap: (inner: TemplateResult) => TemplateResult) => Promise<{ host: HTMLElement & { updateComplete: Promise<unknown> }; input: HTMLInputElement }>;
  /** The element the popup hangs from. */
  anchor: (host: HTMLElement, input: HTMLInputElement) => HTMLElement;
  /** The text the input shows once `option` is picked. */
  label: (option: HTMLElement) => string;
  /** The value the host holds. */
  value: (host: HTMLElement) => string;
}

const appSelect: Kind = {
  name: '<pd-app-select>',
  async mount(wrap) {
    const user = uniqueUser('popups');
    const container = await fixture(
      wrap(html`<pd-app-select external-user-id=${user} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-app-select>`),
    );
    const host = (container.matches('pd-app-select') ? container : container.querySelector('pd-app-select')) as PdAppSelect;
    await host.updateComplete;
    return { host, input: q(host, '[part~="input"]') as HTMLInputElement };
  },
  anchor: (host) => q(host, '[part~="field"]') as HTMLElement,
  label: (option) => text(option.querySelector('[part~="option-label"]')),
  value: (host) => (host as PdAppSelect).value ?? '',
};

const remoteField: Kind = {
  name: 'a form’s remote-options field',
  async mount(wrap) {
    const user = uniqueUser('popups');
    const account = await seedAccount(user, 'github', { name: 'octo-dev', environment: 'development' });
    const container = await fixture(
      wrap(html`<pd-action-form
        external-user-id=${user}
        token-endpoint="/api/connect-token"
        base-url=${env.emulatorUrl}
        frontend-host=${env.emulatorUrl}
        component-key="github-create-issue"
        configured-props=${JSON.stringify({ github: { authProvisionId: account.id } })}
      ></pd-action-form>`),
    );
    const host = container.querySelector('pd-action-form') as PdActionForm;
    await waitFor(() => q(host, 'form[part="form"]') && control(host, 'repoFullname'), 8000, 'the form');
    await host.updateComplete;
    const input = control(host, 'repoFullname') as HTMLInputElement;
    await steady(() => input.getBoundingClientRect().top);
    return { host, input };
  },
  anchor: (_host, input) => input.parentElement as HTMLElement,
  label: (option) => text(option),
  value: (host) => String((host as PdActionForm).configuredProps.repoFullname ?? ''),
};

const popupOf = (host: HTMLElement) => q(host, '[part~="popup"]');
const listboxOf = (host: HTMLElement) => q(host, '[role="listbox"]') as HTMLElement;
const isOpen = (host: HTMLElement) => popupOf(host)?.matches(':popover-open') ?? false;
const settle = async () => {
  await nextFrame();
  await nextFrame();
};

/** Opens the list with the keyboard and waits for a screenful of options, the first one active. */
async function open(host: HTMLElement & { updateComplete: Promise<unknown> }, input: HTMLInputElement) {
  input.focus();
  await sendKeys({ press: 'ArrowDown' });
  await waitFor(() => qa(host, '[role="option"]').length >= 5, 8000, 'options');
  if (!q(host, '[role="option"][data-active]')) await sendKeys({ press: 'ArrowDown' });
  await waitFor(() => q(host, '[role="option"][data-active]'), 3000, 'an active option');
  await host.updateComplete;
  await settle();
}

/** The option a user sees at a point of the page: the popup's own, or whatever covers or clips it. */
function optionAt(host: HTMLElement, x: number, y: number) {
  const hit = root(host).elementFromPoint(x, y);
  return hit?.closest<HTMLElement>('[role="option"]') ?? null;
}

/** The list is painted whole: its centre and its last row show its own options, inside the viewport. */
function expectUnclipped(host: HTMLElement) {
  const list = listboxOf(host).getBoundingClientRect();
  expect(list.height).to.be.greaterThan(100);
  expect(list.top >= 0 && list.bottom <= window.innerHeight).to.equal(true);
  const x = list.left + list.width / 2;
  expect(optionAt(host, x, list.top + list.height / 2) !== null).to.equal(true);
  expect(optionAt(host, x, list.bottom - 6) !== null).to.equal(true);
}

/** Where the popup is against its field: under it (or above it), as wide as it, by the gap. */
function side(kind: Kind, host: HTMLElement, input: HTMLInputElement): 'below' | 'above' | 'elsewhere' {
  const field = kind.anchor(host, input).getBoundingClientRect();
  const popup = (popupOf(host) as HTMLElement).getBoundingClientRect();
  const aligned = Math.abs(popup.left - field.left) < 1.5 && Math.abs(popup.width - field.width) < 1.5;
  if (aligned && Math.abs(popup.top - (field.bottom + GAP)) < 1.5) return 'below';
  if (aligned && Math.abs(popup.bottom - (field.top - GAP)) < 1.5) return 'above';
  return 'elsewhere';
}

/** ArrowDown moves the active option (aria-activedescendant names an option of the list), Enter picks it. */
async function expectKeyboardPick(kind: Kind, host: HTMLElement & { updateComplete: Promise<unknown> }, input: HTMLInputElement) {
  await sendKeys({ press: 'ArrowDown' });
  await host.updateComplete;
  const id = input.getAttribute('aria-activedescendant') ?? '';
  const active = id ? root(host).getElementById(id) : null;
  expect(active?.getAttribute('role')).to.equal('option');
  expect(active?.hasAttribute('data-active')).to.equal(true);
  expect(listboxOf(host).contains(active)).to.equal(true);
  expect(input.getAttribute('aria-controls')).to.equal(listboxOf(host).id);
  const label = kind.label(active as HTMLElement);
  await sendKeys({ press: 'Enter' });
  await host.updateComplete;
  await settle();
  expect(isOpen(host)).to.equal(false);
  expect(input.value).to.equal(label);
  expect(kind.value(host)).to.not.equal('');
  // Focus never left the input.
  expect(root(host).activeElement === input).to.equal(true);
}

/** Escape closes the list and leaves focus in the input. */
async function expectEscapeCloses(host: HTMLElement & { updateComplete: Promise<unknown> }, input: HTMLInputElement) {
  await sendKeys({ press: 'Escape' });
  await host.updateComplete;
  await settle();
  expect(isOpen(host)).to.equal(false);
  expect(input.getAttribute('aria-expanded')).to.equal('false');
  expect(root(host).activeElement === input).to.equal(true);
}

/** Waits until a measure holds still for a few samples (a form's descriptions render lazily and move its fields). */
async function steady(measure: () => number) {
  let last = Number.NaN;
  let same = 0;
  await waitFor(
    () => {
      const now = measure();
      same = Math.abs(now - last) < 0.5 ? same + 1 : 0;
      last = now;
      return same >= 5;
    },
    5000,
    'a steady layout',
  );
}

/** A box with `overflow: hidden` that ends just below the field: everything under it is clipped. */
const clipped = (inner: TemplateResult) => html`<div data-clip class="clip" style="width: 440px; height: 400px; overflow: hidden; border: 1px solid">${inner}</div>`;
async function clipBelow(kind: Kind, host: HTMLElement, input: HTMLInputElement) {
  const box = host.closest<HTMLElement>('[data-clip]') as HTMLElement;
  box.scrollIntoView({ block: 'start' });
  await steady(() => kind.anchor(host, input).getBoundingClientRect().bottom - box.getBoundingClientRect().top);
  box.style.height = `${kind.anchor(host, input).getBoundingClientRect().bottom - box.getBoundingClientRect().top + 4}px`;
  await settle();
}

/** Space above and below: the page scrolls. */
const tall = (inner: TemplateResult) => html`<div style="width: 440px"><div style="height: 1600px"></div>${inner}<div style="height: 1600px"></div></div>`;
/** Scrolls the page so the field ends `room` px above the viewport's bottom edge. */
async function toBottomEdge(kind: Kind, host: HTMLElement, input: HTMLInputElement, room = 40) {
  window.scrollBy(0, kind.anchor(host, input).getBoundingClientRect().bottom - (window.innerHeight - room));
  await settle();
}

/** A scrolling container, scrolled part of the way. */
const scroller = (inner: TemplateResult) =>
  html`<div data-scroller style="width: 440px; height: 260px; overflow: auto; border: 1px solid"><div style="height: 500px"></div>${inner}<div style="height: 1200px"></div></div>`;
async function scrollFieldNearTop(kind: Kind, host: HTMLElement, input: HTMLInputElement) {
  const box = host.closest<HTMLElement>('[data-scroller]') as HTMLElement;
  box.scrollIntoView({ block: 'start' });
  box.scrollTop += kind.anchor(host, input).getBoundingClientRect().top - box.getBoundingClientRect().top - 30;
  await settle();
  return box;
}

/** A list taller than the room on either side of its field: held to the larger side, it scrolls. */
async function heldToLargerSide() {
  await setViewport({ width: 900, height: 420 });
  try {
    const { host, input } = await appSelect.mount(tall);
    // Too little room below to be worth it (under 160 px), more above, though not enough.
    await toBottomEdge(appSelect, host, input, 120 + 2 * GAP);
    await open(host, input);
    expect(side(appSelect, host, input)).to.equal('above');
    const list = listboxOf(host);
    expect(list.scrollHeight > list.clientHeight).to.equal(true);
    expectUnclipped(host);
    // Moving down keeps the active option in the shorter list's view.
    for (let step = 0; step < 8; step++) await sendKeys({ press: 'ArrowDown' });
    await host.updateComplete;
    await settle();
    const active = q(host, '[role="option"][data-active]') as HTMLElement;
    const box = list.getBoundingClientRect();
    const row = active.getBoundingClientRect();
    expect(row.top >= box.top - 1 && row.bottom <= box.bottom + 1).to.equal(true);
  } finally {
    await setViewport({ width: 900, height: 700 });
  }
}

before(async () => {
  await setViewport({ width: 900, height: 700 });
});

afterEach(async () => {
  window.scrollTo(0, 0);
  await admin('/faults', 'DELETE');
  expect(takeUnhandledRejections().map(String)).to.deep.equal([]);
});

for (const kind of [appSelect, remoteField]) {
  describe(`${kind.name}: its popup escapes its container`, () => {
    it('inside a modal <dialog>: above the dialog, clickable, keyboard and Escape as before', async () => {
      const { host, input } = await kind.mount((inner) => html`<dialog style="width: 460px">${inner}</dialog>`);
      const dialog = host.closest('dialog') as HTMLDialogElement;
      dialog.showModal();
      input.scrollIntoView({ block: 'start' });
      await open(host, input);
      expect(isOpen(host)).to.equal(true);
      expect(['below', 'above']).to.include(side(kind, host, input));
      expectUnclipped(host);
      await expectKeyboardPick(kind, host, input);
      expect(dialog.open).to.equal(true);

      // A click on an option shown above the dialog reaches it (the popup is not inert, not covered).
      await open(host, input);
      const list = listboxOf(host).getBoundingClientRect();
      const y = Math.round(list.top + list.height / 2);
      const x = Math.round(list.left + list.width / 2);
      const target = optionAt(host, x, y) as HTMLElement;
      const label = kind.label(target);
      await sendMouse({ type: 'click', position: [x, y] });
      await host.updateComplete;
      await settle();
      expect(input.value).to.equal(label);
      expect(isOpen(host)).to.equal(false);

      // Escape closes the list, not the dialog.
      await open(host, input);
      await expectEscapeCloses(host, input);
      expect(dialog.open).to.equal(true);
      await sendMouse({ type: 'move', position: [0, 0] });
      dialog.close();
    });

    it('inside an overflow: hidden box smaller than the list: shown whole, in the top layer', async () => {
      const { host, input } = await kind.mount(clipped);
      await clipBelow(kind, host, input);
      await open(host, input);
      expect(isOpen(host)).to.equal(true);
      expect(side(kind, host, input)).to.equal('below');
      expectUnclipped(host);
      await expectKeyboardPick(kind, host, input);
    });

    it('inside a scrolled container: under its field, and following it as the container scrolls', async () => {
      const { host, input } = await kind.mount(scroller);
      const box = await scrollFieldNearTop(kind, host, input);
      await open(host, input);
      expect(side(kind, host, input)).to.equal('below');
      expectUnclipped(host);
      box.scrollTop += 20;
      await settle();
      expect(side(kind, host, input)).to.equal('below');
      await expectEscapeCloses(host, input);
    });

    it('near the bottom edge of the viewport: flips above its field', async () => {
      const { host, input } = await kind.mount(tall);
      await toBottomEdge(kind, host, input);
      await open(host, input);
      expect(isOpen(host)).to.equal(true);
      expect(side(kind, host, input)).to.equal('above');
      expectUnclipped(host);
      await expectKeyboardPick(kind, host, input);
    });
  });
}

describe('a list taller than the room on either side', () => {
  it('is held to the larger side, and scrolls', heldToLargerSide);
});

describe('without CSS anchor positioning: measured, fixed placement', () => {
  let saved: boolean;
  before(() => {
    saved = popupSupport.anchorPositioning;
    popupSupport.anchorPositioning = false;
  });
  after(() => {
    popupSupport.anchorPositioning = saved;
  });

  for (const kind of [appSelect, remoteField]) {
    it(`${kind.name}: in the top layer, under its field in a clipped box`, async () => {
      const { host, input } = await kind.mount(clipped);
      await clipBelow(kind, host, input);
      await open(host, input);
      expect(popupOf(host)?.getAttribute('data-pd-popup')).to.equal('fixed');
      expect(isOpen(host)).to.equal(true);
      expect(side(kind, host, input)).to.equal('below');
      expectUnclipped(host);
      await expectKeyboardPick(kind, host, input);
    });

    it(`${kind.name}: above its field at the bottom edge, following the page as it scrolls`, async () => {
      const { host, input } = await kind.mount(tall);
      await toBottomEdge(kind, host, input);
      await open(host, input);
      expect(side(kind, host, input)).to.equal('above');
      expectUnclipped(host);
      // The page scrolls up under the open list: the field moves down, the list with it.
      window.scrollBy(0, -30);
      await settle();
      expect(side(kind, host, input)).to.equal('above');
      await expectEscapeCloses(host, input);
    });

    it(`${kind.name}: under its field in a scrolled container, following it as the container scrolls`, async () => {
      const { host, input } = await kind.mount(scroller);
      const box = await scrollFieldNearTop(kind, host, input);
      await open(host, input);
      expect(isOpen(host)).to.equal(true);
      expect(side(kind, host, input)).to.equal('below');
      box.scrollTop += 20;
      await settle();
      expect(side(kind, host, input)).to.equal('below');
      await expectEscapeCloses(host, input);
    });
  }

  it('a list taller than the room on either side is held to the larger side, and scrolls', heldToLargerSide);
});

describe('without the top layer: in place, as before', () => {
  let saved: boolean;
  before(() => {
    saved = popupSupport.popover;
    popupSupport.popover = false;
  });
  after(() => {
    popupSupport.popover = saved;
  });

  it('<pd-app-select>: positioned absolutely under its field, keyboard as before', async () => {
    const { host, input } = await appSelect.mount((inner) => html`<div style="width: 440px">${inner}</div>`);
    await open(host, input);
    const popup = popupOf(host) as HTMLElement;
    expect(popup.hasAttribute('popover')).to.equal(false);
    expect(getComputedStyle(popup).position).to.equal('absolute');
    expect(side(appSelect, host, input)).to.equal('below');
    await expectKeyboardPick(appSelect, host, input);
  });
});
