import { type ChildProcess, spawn } from 'node:child_process';

/** How much of the demo's stderr is kept for error messages (its newest part). */
const STDERR_KEPT_CHARS = 20_000;
/** How long a demo that exited gets to flush the rest of its output before its failure is reported. */
const OUTPUT_FLUSH_MS = 1_000;

/** A running `npm run demo` server. */
export interface RunningDemo {
  child: ChildProcess;
  /** The showcase page. */
  showcase: string;
  /** The embedded Connect emulator. */
  emulator: string;
  /** What the demo wrote to stderr so far (its newest part), for error messages. */
  stderr(): string;
}

/**
 * Starts `npm run demo`'s server on free ports and reads the URLs it prints. Its stderr is read
 * all along (a full pipe would stall the demo) and ends up in the error if it fails to start.
 */
export async function startDemo(): Promise<RunningDemo> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], { env: { ...process.env, PORT: '0', EMULATOR_PORT: '0' } });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-STDERR_KEPT_CHARS);
  });
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  try {
    const urls = await new Promise<{ showcase: string; emulator: string }>((resolve, reject) => {
      let output = '';
      const describe = (what: string) => `${what}\n--- stdout ---\n${output}\n--- stderr ---\n${stderr}`;
      // Cleared once settled: a pending timer would keep the test process alive after the test.
      const timer = setTimeout(() => reject(new Error(describe('demo printed no URLs within 20 s'))), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const showcase = /Showcase:\s+(http:\/\/\S+)/.exec(output)?.[1];
        const emulator = /Emulator:\s+(http:\/\/\S+)/.exec(output)?.[1];
        if (showcase && emulator) {
          clearTimeout(timer);
          resolve({ showcase, emulator });
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        // `exit` can come before the last of stdout and stderr: wait for the streams to close, briefly.
        let flushTimer: NodeJS.Timeout | undefined;
        const flushed = new Promise<void>((resolveFlush) => (flushTimer = setTimeout(resolveFlush, OUTPUT_FLUSH_MS)));
        void Promise.race([closed, flushed]).then(() => {
          clearTimeout(flushTimer);
          reject(new Error(describe(`demo exited with ${signal ?? code}`)));
        });
      });
    });
    return { child, ...urls, stderr: () => stderr };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}
