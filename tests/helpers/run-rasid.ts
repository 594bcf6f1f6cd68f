/** Runs the `rasid` command line in this process (no child process, no build) and returns what it printed and its exit code. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runCli } from '../../bin/run-cli.js';

export interface RasidRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

function capture(): { stream: NodeJS.WritableStream; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk, _enc, cb) {
      text += chunk.toString();
      cb();
    },
  });
  return { stream, text: () => text };
}

/** A `rasid` bound to its own database in a fresh temporary folder (and any other settings given). */
export function rasidIn(env: Record<string, string> = {}): { run: (...args: string[]) => Promise<RasidRun>; dir: string; env: NodeJS.ProcessEnv } {
  const dir = mkdtempSync(join(tmpdir(), 'rasid-cli-'));
  const fullEnv: NodeJS.ProcessEnv = { PATH: process.env.PATH, RASID_DB: join(dir, 'rasid.db'), RASID_INBOX: join(dir, 'inbox'), RASID_PICTURES: join(dir, 'pictures'), LOG_LEVEL: 'silent', ...env };
  return {
    dir,
    env: fullEnv,
    run: async (...args) => {
      const out = capture();
      const err = capture();
      const code = await runCli(args, { out: out.stream, err: err.stream, env: fullEnv, tty: false });
      return { code, out: out.text(), err: err.text() };
    },
  };
}
