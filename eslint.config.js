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

function modelLayer(layer) {
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: FRAMEWORKS, message: `${layer}/ is framework-free.` },
            {
              group: above(layer),
              message:
                'Dependencies point down: ui → session → store → scenarios → servers → lang → kernel.',
            },
          ],
        },
      ],
      'no-restricted-properties': nondeterminism,
      'no-restricted-globals': noTimersOrDom,
    },
  };
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
  modelLayer('kernel'),
  modelLayer('lang'),
  modelLayer('servers'),
  modelLayer('scenarios'),
  {
    files: ['src/store/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/ui', 'd3', 'd3-*', 'react', 'react-dom'],
              message: 'store/ knows nothing of rendering.',
            },
          ],
        },
      ],
      'no-restricted-globals': noTimersOrDom,
    },
  },
  {
    // The session: vanilla, testable without a page; the host comes in through its ports, and
    // only browserPorts.ts and testBridge.ts touch `window`.
    files: ['src/session/**/*.ts'],
    ignores: ['src/session/browserPorts.ts', 'src/session/testBridge.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/ui/**', '**/ui', 'd3', 'd3-*', 'react', 'react-dom', 'react/*'],
              message: 'session/ knows nothing of rendering: React subscribes to it.',
            },
          ],
        },
      ],
      'no-restricted-properties': nondeterminism,
      'no-restricted-globals': noTimersOrDom,
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  prettier,
);
