/**
 * The emulator's catalog: the hand-written apps and components, plus optional generated apps.
 */
import type { EmulatorComponent, WireApp } from '../types.js';
import { apps } from './apps.js';
import { components } from './components.js';
import { syntheticApps } from './synthetic.js';

export { apps } from './apps.js';
export { components, INJECTION_PAYLOADS, OPTIONS_PAGE_SIZE } from './components.js';
export { unwrapValue } from '../../wire/props.js';
export { syntheticApps } from './synthetic.js';

export interface Catalog {
  apps: WireApp[];
  components: EmulatorComponent[];
}

export interface CatalogOptions {
  /** Add this many generated apps after the hand-written ones. */
  syntheticApps?: number;
  /** Seed for the generated apps (same seed, same apps). */
  seed?: number;
}

/**
 * A fresh catalog. The arrays are new on every call so an emulator instance can add or drop
 * entries without affecting others; the entries themselves are shared and must not be mutated.
 */
export function createCatalog(options: CatalogOptions = {}): Catalog {
  const extra = Math.max(0, Math.floor(options.syntheticApps ?? 0));
  return {
    apps: [...apps, ...(extra > 0 ? syntheticApps(extra, options.seed) : [])],
    components: [...components],
  };
}
