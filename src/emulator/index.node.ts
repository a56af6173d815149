/** Node entry: everything in the portable entry plus the HTTP server. */
export * from './index.js';
export { startEmulator, credentialsFromEnv } from './node.js';
export type { StartEmulatorOptions, RunningEmulator } from './node.js';
