// ESLint flat config. The layer rule: dependencies point one way,
//   ui → session → store → scenarios → servers → lang → kernel
// and the model layers (kernel, lang, servers, scenarios) are deterministic and framework-free.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const FRAMEWORKS = [
  'react',
  'react-dom',
  'react/*',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'd3',
  'd3-*',
];
const LAYERS = ['kernel', 'lang', 'servers', 'scenarios', 'store', 'session', 'ui'];

/** Import patterns a layer may not use: every layer above it. */
function above(layer) {
  return LAYERS.slice(LAYERS.indexOf(layer) + 1).flatMap((l) => [`**/${l}/**`, `**/${l}`]);
}

const nondeterminism = [
  'error',
  { object: 'Math', property: 'random', message: 'The model is deterministic.' },
  { object: 'Date', property: 'now', message: 'Time enters the model as simulated microseconds.' },
  {
    object: 'performance',
    property: 'now',
    message: 'Time enters the model as simulated microseconds.',
  },
];
const noTimersOrDom = [
  'error',
  'window',
  'document',
  'setTimeout',
  'setInterval',
  'requestAnimationFrame',
  'localStorage',
];

/** Node's built-in modules by their bare names (`node:*` is a pattern of its own). */
const NODE_BUILTINS = ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'url', 'util'];

/**
 * Public entries: from outside, the kernel is imported through kernel/index.ts (plus its word
 * codecs, kernel/abi/*, and the port programs implement, kernel/program.ts), the language through
 * lang/index.ts. Tests and test support may reach further (testKit.ts, scriptProgram.ts, vectors).
 */
function entryPatterns(layer) {
  const patterns = [];
  if (layer !== 'kernel')
    patterns.push(
      {
        group: ['**/kernel/*', '!**/kernel/index', '!**/kernel/program', '!**/kernel/abi'],
        message: 'Import the kernel through its public entry, kernel/index.ts.',
      },
      { group: ['**/kernel/abi/vectors/**'], message: 'The reference vectors are for tests.' },
    );
  if (layer !== 'lang')
    patterns.push({
      group: ['**/lang/*', '!**/lang/index', '**/lang/*/**'],
      message: 'Import the language through its public entry, lang/index.ts.',
    });
  return patterns;
}

/** The import rule of `layer`: the direction, frameworks, node, and (outside tests) entries. */
function importRule(layer, { frameworks, node, tests }) {
  const patterns = [];
  if (above(layer).length)
    patterns.push({
      group: above(layer),
      message:
        'Dependencies point down: ui → session → store → scenarios → servers → lang → kernel.',
    });
  if (frameworks) patterns.push({ group: frameworks, message: `${layer}/ is framework-free.` });
  const nodeMessage = `${layer}/ runs in the browser: no Node modules.`;
  if (node) patterns.push({ group: ['node:*'], message: nodeMessage });
  if (!tests) patterns.push(...entryPatterns(layer));
  const paths = node ? NODE_BUILTINS.map((name) => ({ name, message: nodeMessage })) : [];
  return ['error', { paths, patterns }];
}

const TESTS = ['**/*.test.ts', '**/*.test.tsx', '**/testSupport/**', '**/testKit.ts'];

/** The blocks for one layer: its sources, then its tests (which may use test support by path). */
function layer(name, { files, frameworks, node, rules = {}, ignores = [] }) {
  return [
    {
      files,
      ignores,
      rules: {
        'no-restricted-imports': importRule(name, { frameworks, node, tests: false }),
        ...rules,
      },
    },
    {
      files: files.flatMap((f) => TESTS.map((t) => `${f.split('/**')[0]}/${t}`)),
      rules: {
        'no-restricted-imports': importRule(name, { frameworks, node: false, tests: true }),
      },
    },
  ];
}

const MODEL_GLOBALS = [
  ...noTimersOrDom,
  { name: 'process', message: 'The model layers run in the browser.' },
];

function modelLayer(name) {
  return layer(name, {
    files: [`src/${name}/**/*.ts`],
    frameworks: FRAMEWORKS,
    node: true,
    rules: { 'no-restricted-properties': nondeterminism, 'no-restricted-globals': MODEL_GLOBALS },
  });
}

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      eqeqeq: 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  ...modelLayer('kernel'),
  ...modelLayer('lang'),
  ...modelLayer('servers'),
  ...modelLayer('scenarios'),
  ...layer('store', {
    files: ['src/store/**/*.ts'],
    frameworks: ['**/ui/**', '**/ui', 'd3', 'd3-*', 'react', 'react-dom'],
    node: true,
    rules: { 'no-restricted-properties': nondeterminism, 'no-restricted-globals': noTimersOrDom },
  }),
  // The session: vanilla, testable without a page; the host comes in through its ports, and
  // only browserPorts.ts and testBridge.ts touch `window`.
  ...layer('session', {
    files: ['src/session/**/*.ts'],
    frameworks: ['d3', 'd3-*', 'react', 'react-dom', 'react/*'],
    node: true,
    rules: { 'no-restricted-properties': nondeterminism, 'no-restricted-globals': noTimersOrDom },
    ignores: ['src/session/browserPorts.ts', 'src/session/testBridge.ts'],
  }),
  ...layer('session', {
    files: ['src/session/browserPorts.ts', 'src/session/testBridge.ts'],
    frameworks: ['d3', 'd3-*', 'react', 'react-dom', 'react/*'],
    node: true,
  }),
  ...layer('ui', { files: ['src/ui/**/*.{ts,tsx}'], node: true }),
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
