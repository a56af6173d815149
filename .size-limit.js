/**
 * Size budgets for the CDN build (`npm run size`), gzip -9 per file, summed: what a browser
 * transfers. "loads at once" = the entry and every chunk it imports statically, which includes the
 * SDK clients its first render calls (each element module imports those itself, so that they come
 * in the same round of requests); the lazy chunks (other SDK clients, other locales, markdown,
 * the query cache of the forms' account fields) come when a page needs them. The real totals a
 * page downloads, and its rounds of script requests, are measured in Chromium by `npm run size:pages`.
 *
 * The limits guard against growth from today's figures; the product targets (whole CDN bundle
 * <= 40 kB, <pd-connect-button> <= 20 kB) are reported in the README with the measured gap.
 * Each element's budget is its `sizeLimit` in elements.json; the whole build's are here.
 */
import { readGraph, reachable } from './scripts/cdn-graph.mjs';
import { elements } from './scripts/elements.mjs';

const graph = readGraph();
const entry = (name) => `dist/cdn/${name}.js`;
const atOnce = (name) => reachable(graph, entry(name));
const everything = Object.keys(graph).filter((file) => file.endsWith('.js'));

export default [
  { name: 'CDN: every element (pd-connect-elements.js), loads at once', path: atOnce('pd-connect-elements'), limit: '173 kB', gzip: true },
  { name: 'CDN: every file of the build (all chunks, all locales)', path: everything, limit: '207.5 kB', gzip: true },
  ...elements
    .filter((element) => element.sizeLimit)
    .map((element) => ({ name: `CDN: <${element.tag}>, loads at once`, path: atOnce(element.cdn), limit: element.sizeLimit, gzip: true })),
  // One file, nothing imported at once (the build checks that): the element and the provider.
  ...elements
    .filter((element) => element.oneFileSizeLimit)
    .map((element) => ({ name: `CDN one file: <${element.tag}> (one/${element.cdn}.js)`, path: `dist/cdn/one/${element.cdn}.js`, limit: element.oneFileSizeLimit, gzip: true })),
];
