import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * One `no-restricted-imports` rule per layer: the folders of src/ it may not reach into, whether it
 * may use Node's own modules, and whether it may import electron.
 */
function layers(spec) {
  return Object.entries(spec).map(([files, { forbidden, node, electron }]) => {
    const layer = files.replace(/^src\//, '').replace(/\/\*\*$/, '');
    return {
      files: [files],
      rules: {
        'no-restricted-imports': [
          'error',
          {
            paths: electron ? [] : [{ name: 'electron', message: 'Only src/main and src/preload import electron.' }],
            patterns: [
              // A relative path with the folder in it ('../../core/db'); packages such as '@mantine/core' are not ours.
              ...forbidden.map((folder) => ({ regex: `^\\.{1,2}/(.*/)?${folder}(/|$)`, message: `${layer} may not import ${folder}.` })),
              ...(node ? [] : [{ group: ['node:*'], message: `${layer} runs without Node: no node: modules.` }]),
            ],
          },
        ],
      },
    };
  });
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'drizzle/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true, ignoreVoidReturningFunctions: true }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'tests/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: reactHooks.configs.recommended.rules,
  },
  // The layers, and who may import whom (see README, "How it is built"); like VS Code's layer checks.
  ...layers({
    'src/shared/**': { forbidden: ['core', 'renderer', 'main', 'preload', 'web'], node: false, electron: false },
    'src/core/**': { forbidden: ['renderer', 'main', 'preload', 'web'], node: true, electron: false },
    // The database layer, under the services: the schema, the connection and what is derived from
    // the rows. (core/plans is not named: the pattern would also forbid shared/plans.)
    'src/core/db/**': { forbidden: ['services', 'excel', 'backup', 'remote', 'demo', 'renderer', 'main', 'preload', 'web'], node: true, electron: false },
    'src/renderer/**': { forbidden: ['core', 'main', 'preload', 'web'], node: false, electron: false },
    'src/web/**': { forbidden: ['renderer', 'main', 'preload'], node: true, electron: false },
    'src/preload/**': { forbidden: ['core', 'renderer', 'main', 'web'], node: false, electron: true },
    'src/main/**': { forbidden: ['renderer', 'preload', 'web'], node: true, electron: true },
  }),
  // Services, reports and plans read through the schema's tables and columns (drizzle's builder, or
  // SQL that interpolates them), so a renamed column breaks the build: no table or column named in
  // SQL text there. Hand-written SQL below a query builder's one-table select is also where drizzle
  // writes the outer columns unqualified, which read the subquery's own columns instead.
  {
    files: ['src/core/services/**/*.ts', 'src/core/excel/reports/**/*.ts', 'src/core/plans/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b[a-z]\\w*\\.[a-z]+_[a-z_]+\\b/]",
          message: 'A column named in SQL text: interpolate the schema column (${table.column}) or use the query builder.',
        },
        {
          selector: "TaggedTemplateExpression[tag.name='sql'] TemplateElement[value.raw=/\\b(FROM|JOIN|from|join)\\s+(?!json_each\\b)[a-z]+_[a-z_]+/]",
          message: 'A table named in SQL text: interpolate the schema table (${table}) or use the query builder.',
        },
      ],
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
);
