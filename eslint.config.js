import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The architecture's arrows: each folder of src/ may import only the folders listed here (and
 * itself). Pure math at the bottom, panels at the top; a new arrow is a decision made here.
 */
const arrows = {
  losses: [],
  metrics: ['losses'],
  data: ['losses'],
  model: ['losses', 'metrics', 'data'],
  export: ['losses', 'data', 'model'],
  state: ['losses', 'data', 'model'],
  lesson: ['losses', 'state'],
  i18n: ['losses', 'state'],
  charts: ['losses', 'metrics', 'data', 'config'],
  pwa: [],
};
const folders = [...Object.keys(arrows), 'panels', 'config', 'main'];
/** Tests may also read the fixtures and check the words the code's messages use. */
const testsMayAlso = ['i18n', 'tests'];

const forbidden = (folder, allowed) =>
  [...folders, 'tests']
    .filter((other) => other !== folder && !allowed.includes(other))
    .map((other) => ({ group: [`**/${other}`, `**/${other}/*`], message: `src/${folder} must not import ${other} (see the arrows in eslint.config.js).` }));

const arrowRules = Object.entries(arrows).flatMap(([folder, allowed]) => [
  {
    files: [`src/${folder}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden(folder, allowed) }] },
  },
  {
    files: [`src/${folder}/**/*.test.ts`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidden(folder, [...allowed, ...testsMayAlso]) }] },
  },
]);

export default tseslint.config(
  { ignores: ['dist', 'dist-bench', 'dev-dist', 'node_modules', 'bench/results.json'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  ...arrowRules,
  {
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
