import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';
// @ts-expect-error: a plain-JavaScript script (it runs before anything is compiled), without type declarations
import { staleReason } from '../../scripts/build-if-stale.mjs';

const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);

function project(): string {
  const root = mkdtempSync(join(tmpdir(), 'rasid-build-'));
  for (const dir of ['src/store', 'bin', 'dist/bin', 'src/log/node_modules/x']) mkdirSync(join(root, dir), { recursive: true });
  for (const file of ['src/store/a.ts', 'bin/rasid.ts', 'tsconfig.json', 'package.json', 'dist/bin/rasid.js', 'dist/.build-stamp', 'src/log/node_modules/x/index.ts']) {
    writeFileSync(join(root, file), '');
    at(join(root, file), 1_000);
  }
  at(join(root, 'dist/.build-stamp'), 2_000);
  return root;
}

describe('npm start builds only when a source changed', () => {
  it.each([
    ['nothing changed since the build', () => undefined, null],
    ['a source file changed', (root: string) => at(join(root, 'src/store/a.ts'), 3_000), 'a source changed since the last build'],
    ['the compiler settings changed', (root: string) => at(join(root, 'tsconfig.json'), 3_000), 'a source changed since the last build'],
    ['a new source file', (root: string) => writeFileSync(join(root, 'bin/new.ts'), ''), 'a source changed since the last build'],
    ['only a dependency under node_modules changed', (root: string) => at(join(root, 'src/log/node_modules/x/index.ts'), 3_000), null],
  ])('%s', (_name, change, expected) => {
    const root = project();
    change(root);
    expect(staleReason(root)).toBe(expected);
  });

  it('a missing stamp or entry point means "not built"', () => {
    const root = project();
    writeFileSync(join(root, 'dist/bin/rasid.js'), '');
    rmSync(join(root, 'dist/.build-stamp'));
    expect(staleReason(root)).toBe('dist/ has not been built');
  });
});

describe('the service runs on production dependencies only', () => {
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  const sourceFiles = (dir: string): string[] =>
    readdirSync(repoPath(dir), { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile() && e.name.endsWith('.ts') && !`${e.parentPath}/`.includes('/node_modules/'))
      .map((e) => join(e.parentPath, e.name));

  it('every package the running code imports (not only its types) is a dependency, not a devDependency', () => {
    const imported = new Map<string, string>();
    for (const file of ['src', 'bots', 'digests', 'bin'].flatMap(sourceFiles)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'".][^'"]*)['"]/gm)) {
        const name = m[1]!.startsWith('@') ? m[1]!.split('/').slice(0, 2).join('/') : m[1]!.split('/')[0]!;
        if (!name.startsWith('node:') && !builtinModules.includes(name)) imported.set(name, file);
      }
    }
    expect(imported.size).toBeGreaterThan(10);
    const notProduction = [...imported].filter(([name]) => pkg.dependencies[name] === undefined).map(([name, file]) => `${name} (${file})`);
    expect(notProduction).toEqual([]);
  });
});
