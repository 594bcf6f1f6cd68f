#!/usr/bin/env node
/**
 * Builds dist/ only when a source changed since the last build (`npm start`, `npm run rasid`, `prepare`).
 * Plain JavaScript, so it runs before anything is compiled; a production install (no TypeScript) with
 * a current dist/ starts at once, and one with a stale dist/ is told how to build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What the build reads: the compiled folders and the compiler settings. */
export const SOURCE_DIRS = ['src', 'bots', 'digests', 'bin', 'scripts'];
export const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json'];
/** Written after each successful build; its time is the build's. */
export const STAMP = join('dist', '.build-stamp');

/** The newest modification time (ms) of the build's inputs under `root`. */
export function newestSource(root) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  for (const dir of SOURCE_DIRS) if (existsSync(join(root, dir))) visit(join(root, dir));
  for (const file of SOURCE_FILES) if (existsSync(join(root, file))) newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
  return newest;
}

/** Why dist/ must be rebuilt, or null when it is current. */
export function staleReason(root) {
  const stamp = join(root, STAMP);
  if (!existsSync(join(root, 'dist', 'bin', 'rasid.js')) || !existsSync(stamp)) return 'dist/ has not been built';
  return newestSource(root) > statSync(stamp).mtimeMs ? 'a source changed since the last build' : null;
}

function main() {
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const reason = staleReason(root);
  if (reason === null) return;
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  if (!existsSync(tsc)) {
    process.stderr.write(`${reason}, and TypeScript is not installed here (a production install): build where the dev dependencies are (npm ci && npm run build) and copy dist/ over.\n`);
    process.exit(2);
  }
  process.stderr.write(`building (${reason})…\n`);
  try {
    execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  } catch {
    process.stderr.write('the build failed: see the compiler messages above\n');
    process.exit(1);
  }
  writeFileSync(join(root, STAMP), `${new Date().toISOString()}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
