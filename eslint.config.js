import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rules of DESIGN.md §2, enforced rather than hoped for.
const electronOnlyHere = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: electronOnlyHere,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Only the Electron entry files may import electron; the core runs under plain Node.' }] },
      ],
    },
  },
  {
    // A cast is a claim the compiler cannot check: values from outside are parsed with their schema
    // instead, and the few casts that remain say why beside them.
    files: ['src/**/*.{ts,tsx}'],
    // open311.ts: its handler inputs are being moved to route schemas; drop it from here once they are.
    ignores: ['src/**/*.test.{ts,tsx}', 'src/server/routes/open311.ts'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
          message: '`as unknown as` overrides the type checker: parse the value with its schema, or type it properly.',
        },
      ],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: ['node:*'], message: 'src/shared runs in the renderer too: no Node built-ins.' },
            { group: ['**/main/**', '**/renderer/**', '**/server/**', '**/preload/**'], message: 'src/shared imports nothing from the other layers.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron'],
          patterns: [
            { group: ['node:*'], message: 'The renderer has no Node.' },
            { group: ['**/main/**', '**/server/**', '**/preload/**'], message: 'The renderer reaches the core only through the contract.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/server/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: ['electron'], patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The server shares only src/shared.' }] },
      ],
    },
  },
);
