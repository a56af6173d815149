import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { test } from 'node:test';

test('npm run demo serves the showcase wired to its emulator, with a working token endpoint', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'demo/serve.ts'], { env: { ...process.env, PORT: '0', EMULATOR_PORT: '0' } });
  try {
    const urls = await new Promise<{ showcase: string; emulator: string }>((resolve, reject) => {
      let output = '';
      // Cleared once settled: a pending timer would keep the test process alive for 20 s after the test.
      const timer = setTimeout(() => reject(new Error(`demo printed no URLs: ${output}`)), 20_000);
      child.stdout.on('data', (chunk: Buffer) => {
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
    const page = await (await fetch(urls.showcase)).text();
    assert.match(page, /<pd-connect-provider[^>]+base-url="http:\/\/127\.0\.0\.1:\d+"/);
    assert.ok(page.includes(`base-url="${urls.emulator}"`));
    for (const tag of ['pd-connect-button', 'pd-account-list', 'pd-app-select', 'pd-component-select', 'pd-action-form', 'pd-trigger-form']) assert.ok(page.includes(`<${tag}`), tag);
    const token = await fetch(new URL('/api/connect-token', urls.showcase), {
      method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(urls.showcase).origin }, body: '{}',
    });
    assert.equal(token.status, 200);
    const { token: ctok } = (await token.json()) as { token: string };
    const accounts = await fetch(`${urls.emulator}/v1/connect/accounts`, { headers: { authorization: `Bearer ${ctok}` } });
    const body = (await accounts.json()) as { data: { name: string }[] };
    assert.equal(body.data.length, 3, 'the demo seeds three accounts');
    assert.match(page, /webhook-url="http:\/\/127\.0\.0\.1:\d+\/api\/webhook"/);
    const main = await fetch(new URL('/main.ts', urls.showcase));
    assert.equal(main.status, 200);
  } finally {
    child.kill('SIGTERM');
  }
});
