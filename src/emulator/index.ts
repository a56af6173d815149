/**
 * The Connect emulator: a local HTTP API speaking Pipedream Connect's wire format, plus its
 * connect page. `createEmulator()` is a Fetch-API handler usable anywhere (Node, a service
 * worker); `startEmulator()` serves it over Node's HTTP.
 */
export { ConnectEmulator, DEFAULT_CREDENTIALS, createEmulator } from './emulator.js';
export type { EmulatorOptions, RequestLogEntry, WebhookDelivery } from './emulator.js';
export type { FaultRule, ConnectPageFault } from './faults.js';
export type { EmulatorSnapshot } from './state.js';
export type * from './types.js';
export { createCatalog } from './catalog/index.js';
export type { Catalog } from './catalog/index.js';
