import { type ChildProcess, spawn } from 'node:child_process';

/** Starts `npm run demo`'s server on free ports and reads the URLs it prints. */
export async function startDemo(): Promise<{ child: ChildProcess; showcase: string; emulator: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], { env: { ...process.env, PORT: '0', EMULATOR_PORT: '0' } });
  try {
    const urls = await new Promise<{ showcase: string; emulator: string }>((resolve, reject) => {
      let output = '';
      // Cleared once settled: a pending timer would keep the test process alive after the test.
      const timer = setTimeout(() => reject(new Error(`demo printed no URLs: ${output}`)), 20_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const showcase = /Showcase:\s+(http:\/\/\S+)/.exec(output)?.[1];
        const emulator = /Emulator:\s+(http:\/\/\S+)/.exec(output)?.[1];
        if (showcase && emulator) {
          clearTimeout(timer);
          resolve({ showcase, emulator });
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo exited with ${code}: ${output}`));
      });
    });
    return { child, ...urls };
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
}
