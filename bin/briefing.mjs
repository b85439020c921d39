#!/usr/bin/env node
// The CLI as plain JavaScript: dist/ is compiled from pipeline/ by `npm run build`, which `npm ci`
// runs (the "prepare" script). Development and tests may run the TypeScript itself through tsx.
import { existsSync, readdirSync, statSync } from 'node:fs';

const root = new URL('..', import.meta.url);
const cli = new URL('dist/pipeline/cli.js', root);
if (!existsSync(cli)) {
  process.stderr.write('briefing: the CLI is not built yet: run `npm run build` (npm ci runs it; after a partial delete: rm -rf dist && npm run build)\n');
  process.exit(2);
}
// In a checkout, code changed since the last build runs old: say so (an installed package has no pipeline/).
const built = statSync(new URL('dist/.tsbuildinfo', root), { throwIfNoEntry: false })?.mtimeMs;
if (built !== undefined && existsSync(new URL('pipeline', root))) {
  const newest = (dir) => readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(new URL(`${e.name}/`, dir)) : statSync(new URL(e.name, dir)).mtimeMs), 0);
  if (Math.max(newest(new URL('pipeline/', root)), newest(new URL('schemas/', root))) > built) {
    process.stderr.write('briefing: warning: pipeline/ changed since dist/ was built; this runs the old code: run `npm run build`\n');
  }
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
