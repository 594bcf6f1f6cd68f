#!/usr/bin/env node
/** The `rasid` command: runs the command line and exits with its code (0 done, 1 some inputs failed, 2 usage or settings). */
import { runCli } from './run-cli.js';

// `rasid search … | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

process.exitCode = await runCli(process.argv.slice(2), { out: process.stdout, err: process.stderr, env: process.env, tty: process.stdout.isTTY === true });
