/**
 * Reads the CDN build's module graph (`dist/cdn.meta.json`, written by build-cdn.mjs): which
 * files a page downloads for an entry before anything runs (static imports), and which it may
 * load later (dynamic imports: SDK resource clients, other locales, the markdown renderer).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export function readGraph(path = 'dist/cdn.meta.json') {
  return JSON.parse(readFileSync(path, 'utf8')).outputs;
}

/** Files reachable from `entry`: static imports only, or static and dynamic. */
export function reachable(graph, entry, { dynamic = false } = {}) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file) || !graph[file]) return;
    seen.add(file);
    for (const edge of graph[file].imports) {
      if (edge.external) continue;
      if (edge.kind === 'import-statement' || (dynamic && edge.kind === 'dynamic-import')) visit(edge.path);
    }
  };
  visit(entry);
  return [...seen];
}

/** gzip -9 bytes of each file, summed: what a browser transfers when each file is sent compressed. */
export function gzipBytes(files) {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(file), { level: 9 }).length, 0);
}
