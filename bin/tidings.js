#!/usr/bin/env node
// Entry point of the `tidings` command: runs the compiled CLI (built by `npm install` via `prepare`).
// A crash (a throw or rejection that escaped every item boundary) exits with its own code, 70,
// never 1 ("some items failed").
import { CRASH_EXIT_CODE } from '../dist/errors.js';
import { reportCrash, runCli } from '../dist/cli/main.js';

const crash = (error) => {
  reportCrash(error);
  process.exit(CRASH_EXIT_CODE);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
process.exitCode = await runCli(process.argv.slice(2));
