#!/usr/bin/env node
// The CLI as plain JavaScript: dist/ is compiled from pipeline/ by `npm run build`, which `npm ci`
// runs (the "prepare" script). Development and tests may run the TypeScript itself through tsx.
import { access } from 'node:fs/promises';

const cli = new URL('../dist/pipeline/cli.js', import.meta.url);
try {
  await access(cli);
} catch {
  process.stderr.write('briefing: the CLI is not built yet: run `npm run build` (npm ci runs it)\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
