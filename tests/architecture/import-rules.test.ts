import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseOptions, type IViolation } from 'dependency-cruiser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { repoPath } from '../../src/config/repo-path.js';

// The import rules of docs/ARCHITECTURE.md, checked with dependency-cruiser (imports) and ESLint
// (`process.env`, a global no import shows), through their APIs; `npm run lint:imports` runs the same
// config from the command line. dependency-cruiser stays on 17.x, the last major that supports Node 20.
const config = createRequire(import.meta.url)(repoPath('.dependency-cruiser.cjs')) as {
  forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
  options: ICruiseOptions & { enhancedResolveOptions: Record<string, unknown> };
};
const LAYERS = ['src', 'bots', 'digests', 'bin', 'scripts'];

async function violations(baseDir: string, folders: readonly string[]): Promise<string[]> {
  const { enhancedResolveOptions, ...options } = config.options;
  const result = await cruise(
    [...folders],
    { ...options, baseDir, tsConfig: { fileName: repoPath('tsconfig.json') }, ruleSet: { forbidden: config.forbidden }, validate: true },
    enhancedResolveOptions,
  );
  if (typeof result.output === 'string') throw new Error('dependency-cruiser returned text, not a result');
  return result.output.summary.violations.map((v: IViolation) => `${v.rule.name}: ${v.from} -> ${v.to}`);
}

describe('import rules', () => {
  it('the tree keeps every import rule', async () => {
    expect(await violations(repoPath(), LAYERS)).toEqual([]);
  });

  it('each rule fires on a tree that breaks it', async () => {
    const found = await violations(repoPath('tests', 'fixtures', 'import-rules'), ['src', 'bots', 'digests', 'bin']);
    expect(found).toEqual(
      expect.arrayContaining([
        'core-imports-no-outer-layer: src/core.ts -> bots/telegram/telegram-bot.ts',
        'digests-import-no-bots: digests/digest.ts -> bots/chat/neutral.ts',
        'bots-import-no-bin: bots/telegram/telegram-bot.ts -> bin/run.ts',
        'platform-imports-no-other-platform: bots/telegram/telegram-bot.ts -> bots/discord/discord-bot.ts',
        'chat-is-platform-neutral: bots/chat/neutral.ts -> bots/discord/discord-bot.ts',
        'environment-only-in-entry-points: src/reads-env.ts -> process',
        'no-circular: src/circle-a.ts -> src/circle-b.ts',
      ]),
    );
    expect(found.some((v) => v.startsWith('platform-library-only-in-its-folder: src/uses-grammy.ts -> '))).toBe(true);
    expect(found.some((v) => v.startsWith('sql-only-in-stores: src/raw-sql.ts -> ') && v.includes('better-sqlite3'))).toBe(true);
    // What is allowed stays allowed: a platform importing the core, bin/ reading its environment.
    expect(found.filter((v) => v.includes('bots/discord/discord-bot.ts ->') && !v.startsWith('no-circular'))).toEqual([]);
    expect(found.filter((v) => v.includes(': bin/'))).toEqual([]);
  });

  it('nothing but bin/ and the scripts\' mains reads process.env', async () => {
    const eslint = new ESLint({ cwd: repoPath() });
    const results = await eslint.lintFiles(LAYERS);
    const problems = results.flatMap((r) => r.messages.map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(problems).toEqual([]);
  });

  it('the process.env rule fires outside bin/ and not inside it', async () => {
    const eslint = new ESLint({ cwd: repoPath() });
    const code = 'export const db = process.env.RASID_DB;\nexport const { env } = process;\n';
    const [inCore] = await eslint.lintText(code, { filePath: join(repoPath(), 'src', 'read-env.ts') });
    expect(inCore!.messages.map((m) => [m.line, m.ruleId])).toEqual([
      [1, 'no-restricted-properties'],
      [2, 'no-restricted-properties'],
    ]);
    const [inBin] = await eslint.lintText(code, { filePath: join(repoPath(), 'bin', 'read-env.ts') });
    expect(inBin!.messages).toEqual([]);
  });
});
