import { expect, fixture, html } from '@open-wc/testing';
import * as index from '../../src/index.js';
import { PdConnectButton } from '../../src/index.js';
import { env, takeUnhandledRejections, uniqueUser, waitFor } from '../support/browser-env.js';

/** The element list (elements.json), as the test server serves it: the same file the build and the checks read. */
const { elements } = (await (await fetch('/elements.json')).json()) as { elements: { tag: string; module: string }[] };
const classNameOf = (tag: string) => tag.replace(/(^|-)([a-z0-9])/g, (_match, _dash, letter: string) => letter.toUpperCase());

describe('registration', () => {
  it('loading the CDN bundle on a page that already has the npm build does not throw, and the elements keep working', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    try {
      // A path the bundler does not resolve: the CDN file exactly as a <script type="module"> gets it.
      const cdn = '/dist/cdn/pd-connect-elements.js';
      const module = (await import(/* @vite-ignore */ cdn)) as { PdConnectButton: typeof PdConnectButton };
      expect(typeof module.PdConnectButton).to.equal('function');
      // The first definition stays; the second copy stepped aside.
      expect(customElements.get('pd-connect-button') === PdConnectButton).to.equal(true);
      expect(customElements.get('pd-connect-button') === module.PdConnectButton).to.equal(false);
      const el = await fixture<PdConnectButton>(html`<pd-connect-button app="slack" external-user-id=${uniqueUser()} token-endpoint="/api/connect-token" base-url=${env.emulatorUrl}></pd-connect-button>`);
      await waitFor(() => el.shadowRoot!.querySelector('button')!.textContent!.includes('Connect Slack'), 5000, 'label');
      expect(errors).to.deep.equal([]);
      expect(takeUnhandledRejections()).to.deep.equal([]);
    } finally {
      window.removeEventListener('error', onError);
    }
  });

  it('every element of the list registers through the guarded define, as the class the package exports', async () => {
    expect(elements.length > 0).to.equal(true);
    const exported = index as unknown as Record<string, unknown>;
    for (const { tag } of elements) {
      expect(Boolean(customElements.get(tag)), tag).to.equal(true);
      expect(customElements.get(tag) === exported[classNameOf(tag)], `${tag} is ${classNameOf(tag)}`).to.equal(true);
    }
    // Defining again is a no-op, not a DOMException.
    expect(() => PdConnectButton.define('pd-connect-button')).to.not.throw();
  });
});
