import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ConnectEmulator, DEFAULT_CREDENTIALS, type EmulatorOptions, createEmulator } from './emulator.js';
import { sendFetchResponse, toFetchRequest } from '../http/node-bridge.js';
import type { EmulatorSnapshot } from './state.js';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Host to bind (default 127.0.0.1). */
  host?: string;
  /** Persist state to this JSON file, loading it at start when it exists. */
  stateFile?: string;
}

export interface RunningEmulator {
  /** Base URL, e.g. `http://127.0.0.1:4010`: use it as the SDK's `baseUrl`. */
  url: string;
  emulator: ConnectEmulator;
  close(): Promise<void>;
}

/** Credentials from `PIPEDREAM_CLIENT_ID`, `PIPEDREAM_CLIENT_SECRET`, `PIPEDREAM_PROJECT_ID`, else the defaults. */
export function credentialsFromEnv(env: Record<string, string | undefined> = process.env) {
  return {
    clientId: env.PIPEDREAM_CLIENT_ID || DEFAULT_CREDENTIALS.clientId,
    clientSecret: env.PIPEDREAM_CLIENT_SECRET || DEFAULT_CREDENTIALS.clientSecret,
    projectId: env.PIPEDREAM_PROJECT_ID || DEFAULT_CREDENTIALS.projectId,
  };
}

function readState(file: string): EmulatorSnapshot | undefined {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as EmulatorSnapshot;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read emulator state from ${file}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes via a temporary file so a crash mid-write never leaves half a state file. */
function writeState(file: string, snapshot: EmulatorSnapshot): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(snapshot, null, 2));
  renameSync(temporary, file);
}

/** Starts the emulator on a Node HTTP server. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const { port = 0, host = '127.0.0.1', stateFile, ...rest } = options;
  const emulatorOptions: EmulatorOptions = { ...credentialsFromEnv(), ...stripUndefined(rest) };
  if (stateFile) {
    const saved = readState(stateFile);
    if (saved && !emulatorOptions.state) emulatorOptions.state = saved;
    const onChange = emulatorOptions.onStateChange;
    emulatorOptions.onStateChange = (snapshot) => {
      writeState(stateFile, snapshot);
      onChange?.(snapshot);
    };
  }
  const emulator = createEmulator(emulatorOptions);
  let base = '';
  const server = createServer((req, res) => {
    toFetchRequest(req, base)
      .then(emulator.handle)
      .then((response) => sendFetchResponse(res, response))
      .catch(() => {
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const hostForUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  base = `http://${hostForUrl === '0.0.0.0' ? '127.0.0.1' : hostForUrl}:${address.port}`;
  return {
    url: base,
    emulator,
    close: async () => {
      await emulator.idle();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
