/**
 * ESLint checks one import rule dependency-cruiser cannot see (docs/ARCHITECTURE.md, "Import rules"):
 * only bin/ and the scripts' mains read `process.env`; everything else is handed its settings.
 * Run by tests/architecture/import-rules.test.ts with `npm test` (or `npx eslint src bots digests bin scripts`).
 */
import tsParser from '@typescript-eslint/parser';

export default [
  { ignores: ['node_modules/**', 'dist/**', 'tests/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tsParser },
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Only bin/ reads process.env: take the value as a parameter, or from the Config bin/ loads.' },
      ],
    },
  },
  // The composition roots: the `rasid` command and the scripts' own mains.
  { files: ['bin/**/*.ts', 'scripts/*.ts'], rules: { 'no-restricted-properties': 'off' } },
];
