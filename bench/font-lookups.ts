/**
 * First layout with a font stack: each family a browser does not have costs a font lookup the
 * first time text in it is laid out, for every weight. Lays out the same small form text (400,
 * 500, 600 and monospace) in a shadow root of a fresh page, once per stack, interleaved, and
 * prints the median time of that first forced layout.
 *
 *   node --import tsx bench/font-lookups.ts      (BENCH_RUNS loads of each, default 20)
 */
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../test/support/browser-path.js';

const STACKS: Record<string, [sans: string, mono: string]> = {
  'ui-sans-serif first, Tailwind mono': [
    `ui-sans-serif, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`,
    `ui-monospace, SFMono-Regular, Menlo, Monaco, Consolas, 'Liberation Mono', 'Courier New', monospace`,
  ],
  'as shipped (system-ui first, short mono)': [
    `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`,
    `ui-monospace, Menlo, Consolas, 'Liberation Mono', monospace`,
  ],
  'the page default (no stack)': [`inherit`, `monospace`],
};
const TEXT = `<h2 style="font-weight:600">Send Message</h2><label style="font-weight:500">Slack account</label>
  <p>Send a <strong>message</strong> to a channel. See <code>chat:write</code> “docs”…</p><button style="font-weight:500">Run action</button>`;

const runs = Number(process.env.BENCH_RUNS ?? 20);
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const times: Record<string, number[]> = {};
for (let run = 0; run < runs; run++) {
  for (const [name, [sans, mono]] of Object.entries(STACKS)) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.setContent(`<!doctype html><html lang="en"><body><p>Loading</p></body></html>`);
    await page.evaluate('document.body.offsetHeight');
    const ms = await page.evaluate(
      ([sans, mono, text]) => {
        const host = document.createElement('div');
        host.attachShadow({ mode: 'open' }).innerHTML = `<style>:host{font-family:${sans}} code{font-family:${mono}}</style>${text}`;
        document.body.append(host);
        const start = performance.now();
        void document.body.offsetHeight;
        return performance.now() - start;
      },
      [sans, mono, TEXT] as const,
    );
    (times[name] ??= []).push(ms);
    await context.close();
  }
}
await browser.close();
console.log(`| font stack | first layout, median (min–max) of ${runs} |\n|---|---|`);
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  console.log(`| ${name} | ${sorted[sorted.length >> 1]!.toFixed(1)} ms (${sorted[0]!.toFixed(1)}–${sorted.at(-1)!.toFixed(1)}) |`);
}
