#!/usr/bin/env node
// The `querygenie` command. From a repository checkout it runs the TypeScript sources through
// tsx (no build step needed after `npm install`).
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli/index.ts');
process.exitCode = await runCli(process.argv.slice(2));
