// The `tidings` command as a child process run from source (tsx), for tests that start several
// (workers, watch) and signal them: `node --import tsx test/support/tidings-main.ts <args>`.
import { reportCrash, runCli } from '../../src/cli/main.js';

const crash = (error: unknown): void => {
  reportCrash(error);
  process.exit(70);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
process.exitCode = await runCli(process.argv.slice(2));
