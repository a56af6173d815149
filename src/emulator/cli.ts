import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { startEmulator } from './node.js';

const HELP = `Usage: pd-connect-emulator [options]

A local Pipedream Connect API and connect page, for development, demos and CI.

Options:
  --port <n>          Port to listen on (default 4010; 0 picks a free port)
  --host <host>       Host to bind (default 127.0.0.1)
  --state <file>      Persist tokens, accounts and triggers to this JSON file
  --latency <ms>      Add this latency to every API answer (and CORS preflight)
  --apps <n>          Add n generated apps to the catalog (e.g. 2500)
  --project-name <s>  Project name shown on the connect page
  -h, --help          Show this help

Credentials come from PIPEDREAM_CLIENT_ID, PIPEDREAM_CLIENT_SECRET and PIPEDREAM_PROJECT_ID
(defaults: pd_emulator_client_id, pd_emulator_client_secret, proj_emulator).
`;

function integer(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    console.error(`pd-connect-emulator: --${name} must be a non-negative integer, got "${value}"`);
    process.exit(2);
  }
  return parsed;
}

export async function main(argv = process.argv.slice(2)): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        state: { type: 'string' },
        latency: { type: 'string' },
        apps: { type: 'string' },
        'project-name': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    console.error(`pd-connect-emulator: ${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  const running = await startEmulator({
    port: integer(values.port, 'port', 4010),
    host: values.host ?? '127.0.0.1',
    stateFile: values.state,
    latencyMs: integer(values.latency, 'latency', 0),
    syntheticApps: integer(values.apps, 'apps', 0),
    projectName: values['project-name'],
  });
  const { emulator } = running;
  console.log(`Pipedream Connect emulator listening on ${running.url}`);
  console.log(`  project ${emulator.projectId}, client id ${emulator.clientId}`);
  console.log(`  ${emulator.catalog.apps.length} apps, ${emulator.catalog.components.length} components`);
  console.log(`  connect page ${running.url}/_static/connect.html, admin ${running.url}/_emulator/`);
  const stop = () => {
    void running.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Runs when executed directly (`tsx src/emulator/cli.ts`); the published bin imports `main`.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(`pd-connect-emulator: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
