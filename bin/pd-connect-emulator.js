#!/usr/bin/env node
import { main } from '../dist/emulator/cli.js';

main().catch((error) => {
  console.error(`pd-connect-emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
