import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** A no-restricted-imports rule for `files`: none of the `forbidden` top-level folders of src/ (and no vscode outside the extension). */
function boundary(files, forbidden, why) {
  const patterns = forbidden.map(dir => ({ group: [`**/${dir}/**`, `**/${dir}`], message: `${files.split('/')[1]} must not import src/${dir}: ${why}.` }));
  const paths = files.startsWith('src/extension') ? [] : [{ name: 'vscode', message: 'only src/extension imports vscode.' }];
  return [{ files: [files], rules: { 'no-restricted-imports': ['error', { paths, patterns }] } }];
}

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test/host/**', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-require-imports': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': 'off',
    },
  },
  // Boundaries (test/unit/core/boundaries.test.ts lints a file breaking each one): core never imports
  // an edge or the sandbox; the CLI and the extension never import each other; the sandbox never
  // imports an edge; nothing but the extension imports vscode.
  ...boundary('src/core/**/*.ts', ['extension', 'cli', 'sandbox'], 'src/core is pure and shared by both edges'),
  ...boundary('src/cli/**/*.ts', ['extension'], 'the CLI and the extension never import each other; share code through src/core'),
  ...boundary('src/extension/**/*.ts', ['cli'], 'the CLI and the extension never import each other; share code through src/core'),
  ...boundary('src/sandbox/**/*.ts', ['extension', 'cli'], 'the sandbox is a Langfuse stand-in and never imports an edge'),
  {
    // The canary scanner looks for secrets inside binary files (SQLite, PNG) on purpose.
    files: ['test/reliability/canaryScan.mjs'],
    rules: { 'no-control-regex': 'off' },
  },
  {
    files: ['**/*.mjs', 'esbuild.js', 'esbuild.chunks.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', URLSearchParams: 'readonly', fetch: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly', setImmediate: 'readonly', performance: 'readonly', Buffer: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly', document: 'readonly', getComputedStyle: 'readonly' } },
  },
);
