#!/usr/bin/env node
// The CLI as plain JavaScript: dist/ is compiled from pipeline/ by `npm run build`, which `npm ci`
// runs (the "prepare" script) and `npm start` runs first. Development and tests may run the
// TypeScript itself through tsx.
import { existsSync } from 'node:fs';

const cli = new URL('dist/pipeline/cli.js', new URL('..', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('briefing: the CLI is not built yet: run `npm run build` (npm ci runs it; after a partial delete: rm -rf dist && npm run build)\n');
  process.exit(2);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
