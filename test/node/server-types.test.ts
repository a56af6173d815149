import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

/** What an app without `@types/node` writes: web types only, and its own Node-like objects. */
const CONSUMER = `
import { createDisconnectHandler, createTokenHandler, toNodeListener, type FetchHandler } from ${JSON.stringify(join(root, 'src/server/index.js'))};

const token: FetchHandler = createTokenHandler({ getExternalUserId: (request: Request) => request.headers.get('x-user') });
const disconnect: (request: Request) => Promise<Response> = createDisconnectHandler({ getExternalUserId: () => 'user-1' });
const listener = toNodeListener(token);
listener(
  { method: 'POST', url: '/', headers: {}, async *[Symbol.asyncIterator]() {} },
  { statusCode: 200, headersSent: false, setHeader() {}, end() {} },
);
void disconnect;
`;

describe('pd-connect-elements/server types', () => {
  it('type-check in a project without @types/node', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pd-server-types-'));
    try {
      await writeFile(join(dir, 'consumer.ts'), CONSUMER);
      await writeFile(join(dir, 'tsconfig.json'), JSON.stringify({
        compilerOptions: {
          target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
          strict: true, noEmit: true, skipLibCheck: true, types: [], typeRoots: [],
        },
        files: ['consumer.ts'],
      }));
      const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
        execFile(process.execPath, [tsc, '-p', dir, '--listFiles'], { cwd: dir }, (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code ?? 1) : 0, output: stdout + stderr }));
      });
      const errors = output.split('\n').filter((line) => /error TS/.test(line));
      assert.deepEqual(errors, []);
      assert.equal(code, 0, output);
      assert.ok(output.includes(join('src', 'server', 'node.ts')), 'the check covers the Node adapter');
      assert.ok(!/[\\/]@types[\\/]node[\\/]/.test(output), 'no Node types in the program');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
