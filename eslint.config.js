import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The layer rules of docs/architecture.md, enforced rather than hoped for.
// ESLint keeps one list per rule for a file (a later block replaces it): every block restricting
// syntax in src therefore repeats this one.
const noDoubleCast = {
  selector: "TSAsExpression > TSAsExpression[typeAnnotation.type='TSUnknownKeyword']",
  message: '`as unknown as` overrides the type checker: parse the value with its schema, or type it properly.',
};

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
    ignores: ['src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'as', objectLiteralTypeAssertions: 'never' }],
      'no-restricted-syntax': ['error', noDoubleCast],
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
            {
              group: ['**/main/**', '**/renderer/**', '**/server/**', '**/preload/**'],
              message: 'src/shared imports nothing from the other layers.',
            },
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
        {
          paths: ['electron'],
          patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'The server shares only src/shared.' }],
        },
      ],
    },
  },
  {
    // Text with hand-counted $n goes wrong when a query is edited; fragments number themselves.
    files: ['src/server/**/*.ts'],
    ignores: ['src/server/db/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.property.name='query'][arguments.0.type=/^(Literal|TemplateLiteral)$/]",
          message: 'Write queries with the sql`…` tag (src/server/db/sql.ts), not as text with $n parameters.',
        },
        noDoubleCast,
      ],
    },
  },
  {
    // Route handlers validate, authorize and answer; the SQL of each area lives in its repository module.
    files: ['src/server/routes/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TaggedTemplateExpression[tag.name='sql']",
          message: 'No SQL in route handlers: put the query in the repository module of its area.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(query|exec)$/]:not([callee.object.regex])',
          message: 'No queries in route handlers: call a function of the repository module of its area.',
        },
        {
          selector: 'Literal[value=/\\b(SELECT|INSERT|UPDATE|DELETE)\\b/]',
          message: 'No SQL in route handlers: put it in the repository module of its area.',
        },
        {
          selector: 'TemplateElement[value.raw=/\\b(SELECT|INSERT|UPDATE|DELETE)\\b/]',
          message: 'No SQL in route handlers: put it in the repository module of its area.',
        },
        noDoubleCast,
      ],
    },
  },
  {
    // Tests build hostile values on purpose (an event no schema would pass) and keep queries as text.
    files: ['src/**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-syntax': 'off' },
  },
);
