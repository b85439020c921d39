#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so that no build step stands between a clone and a run.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../pipeline/cli.ts');
process.exitCode = await main(process.argv);
