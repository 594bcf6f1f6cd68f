/**
 * Rasid's import rules (docs/ARCHITECTURE.md, "Import rules"), checked by
 * tests/architecture/import-rules.test.ts on every `npm test`. Paths are relative to the repository.
 * Reading `process.env` is a use of a global, not an import: eslint.config.js checks that part.
 */
/** Platform folders: every folder of bots/ but the shared chat use cases and the platform runner. */
const PLATFORM = '^bots/((?!chat/|platform/)[^/]+)/';
/** Platform client libraries: only a platform folder (and bin/, which loads them lazily) may import them. */
const PLATFORM_LIBRARY = '(^|/)node_modules/(grammy|@grammyjs/[^/]+|discord\\.js|@discordjs/[^/]+)/';
/** The composition roots: the `rasid` command and the scripts' own mains. */
const ENTRY_POINT = '^(bin/|scripts/[^/]+\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'core-imports-no-outer-layer',
      comment: 'src/ is the core: it imports nothing from bots/, digests/ or bin/ (dependencies point inward).',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(bots|digests|bin)/' },
    },
    {
      name: 'digests-import-no-bots',
      comment: 'digests/ compose and render platform-neutral digests: they import nothing from bots/ or bin/.',
      severity: 'error',
      from: { path: '^digests/' },
      to: { path: '^(bots|bin)/' },
    },
    {
      name: 'bots-import-no-bin',
      comment: 'bin/ wires the bots; the bots never reach back into the composition root.',
      severity: 'error',
      from: { path: '^bots/' },
      to: { path: '^bin/' },
    },
    {
      name: 'platform-imports-no-other-platform',
      comment: 'A platform folder imports only itself, bots/chat/ and bots/platform/, never another platform.',
      severity: 'error',
      from: { path: PLATFORM },
      to: { path: '^bots/[^/]+/', pathNot: '^bots/($1|chat|platform)/' },
    },
    {
      name: 'chat-is-platform-neutral',
      comment: 'bots/chat/ and bots/platform/ serve every platform: no platform folder, no platform library.',
      severity: 'error',
      from: { path: '^bots/(chat|platform)/' },
      to: { path: [PLATFORM, PLATFORM_LIBRARY] },
    },
    {
      name: 'platform-library-only-in-its-folder',
      comment: 'grammY and discord.js are imported by their platform folder (and lazily by bin/), nowhere else.',
      severity: 'error',
      from: { pathNot: [PLATFORM, '^bin/', '^tests/'] },
      to: { path: PLATFORM_LIBRARY },
    },
    {
      name: 'environment-only-in-entry-points',
      comment: 'Only bin/ and the scripts\' mains read the environment (node:process is how an import would reach it).',
      severity: 'error',
      from: { path: '^(src|bots|digests|scripts)/', pathNot: ENTRY_POINT },
      to: { dependencyTypes: ['core'], path: '^(node:)?process$' },
    },
    {
      name: 'sql-only-in-stores',
      comment:
        'Only stores hold the database connection and write SQL: src/store/, the digests\' *-store.ts, and ' +
        'src/create-core.ts, which opens the connection and hands it to store constructors (search reads through ' +
        'src/store/search-index.ts). scripts/lib/baseline-fts.ts is the bench\'s named escape hatch ' +
        '(docs/ARCHITECTURE.md, "Stores").',
      severity: 'error',
      from: {
        path: '^(src|bots|digests|bin|scripts)/',
        pathNot: ['^src/store/', '^digests/[^/]+-store\\.ts$', '^src/create-core\\.ts$', '^scripts/lib/baseline-fts\\.ts$'],
      },
      to: { path: ['(^|/)node_modules/better-sqlite3/', '^src/store/open-database\\.ts$'] },
    },
    {
      name: 'no-circular',
      comment:
        'No import circles: a module and what it imports form a tree, so either can be read and tested first.',
      severity: 'error',
      from: { path: '^(src|bots|digests|bin|scripts)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs'] },
  },
};
