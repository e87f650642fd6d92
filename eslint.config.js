// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

/**
 * The import direction of DESIGN.md: domain → protocol → (server | client) → app.
 * Each entry forbids what a folder must not reach; lint fails on a wrong arrow.
 */
const layer = (/** @type {string[]} */ folders, /** @type {string} */ why) =>
  folders.flatMap((f) => [
    { group: [`**/${f}`, `**/${f}/**`], message: why },
    { group: [`@/${f}/**`], message: why },
  ]);
const nodeBuiltins = { group: ['node:*'], message: 'Only the server may use Node built-ins.' };
const uiGroup = ['ui', 'map', 'print', 'pwa', 'i18n'];
/** Fields that hold text someone typed: names, addresses, notes, messages, reasons. */
const TYPED_FIELDS =
  '/^(name|customerName|buyerName|shopName|username|address|note|notice|description|body|rejectReason)$/';
/**
 * DESIGN.md: each platform library is wrapped in one module. zustand's is ui/store; every store goes
 * through it. Part of every folder's rule, since a later config's rule replaces an earlier one's.
 */
const zustand = {
  group: ['zustand', 'zustand/*'],
  message: 'Stores use zustand through src/ui/store.ts, its one wrapper.',
};
const rules = (
  /** @type {any[]} */ patterns,
  /** @type {string[]} */ paths = [],
  /** @type {any[]} */ wrapped = [zustand],
) => ({
  'no-restricted-imports': ['error', { patterns: [...patterns, ...wrapped], paths }],
});

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'data', 'node_modules', 'coverage', 'drill-report', '.test-data'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      ...rules([]),
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['src/domain/**'],
    rules: rules(
      [
        ...layer(['protocol', 'server', 'client', 'app', ...uiGroup], 'domain imports nothing of ours.'),
        nodeBuiltins,
      ],
      [{ name: 'react', message: 'domain is pure.' }],
    ),
  },
  {
    files: ['src/protocol/**'],
    rules: rules([
      ...layer(['server', 'client', 'app', ...uiGroup], 'protocol may import only domain.'),
      nodeBuiltins,
    ]),
  },
  {
    files: ['src/server/**'],
    rules: rules(layer(['client', 'app', ...uiGroup], 'nothing client-side in the server.')),
  },
  {
    files: ['src/client/**'],
    rules: rules([
      ...layer(
        ['server', 'app', ...uiGroup.filter((f) => f !== 'ui')],
        'client data/sync sits below the app.',
      ),
      // The sync runner keeps its status in a store; ui/store (zustand's wrapper) imports nothing of ours.
      {
        regex: '(^|/)ui(/(?!store$).*)?$',
        message: 'client data/sync sits below the app (only ui/store is shared).',
      },
      nodeBuiltins,
    ]),
  },
  ...uiGroup.map((f) => ({
    files: [`src/${f}/**`],
    rules: rules([
      ...layer(['server', 'client', 'app'], `${f}/ may import only domain, protocol and ui.`),
      nodeBuiltins,
    ]),
  })),
  {
    // The wrapper itself: ui's own rule, zustand allowed.
    files: ['src/ui/store.ts'],
    rules: rules(
      [...layer(['server', 'client', 'app'], 'ui/ may import only domain, protocol and ui.'), nodeBuiltins],
      [],
      [],
    ),
  },
  ...['customer', 'shop', 'staff'].map((who) => ({
    files: [`src/app/${who}/**`],
    rules: rules([
      ...layer(
        ['server', ...['customer', 'shop', 'staff'].filter((o) => o !== who).map((o) => `app/${o}`)],
        'app siblings never import each other; the server is not client code.',
      ),
      nodeBuiltins,
    ]),
  })),
  {
    files: ['src/app/*.ts', 'src/app/*.tsx', 'src/main.tsx'],
    rules: rules([...layer(['server'], 'the server is not client code.'), nodeBuiltins]),
  },
  {
    // DESIGN.md (UI): typed text is isolated for direction in every view. A field of typed text put
    // straight into markup ({order.note}) is the easy way to forget; it goes through ui/UserText.
    files: ['src/app/**/*.tsx', 'src/print/**/*.tsx', 'src/ui/**/*.tsx'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `JSXElement:not([openingElement.name.name=/^(UserText|option)$/]) > JSXExpressionContainer > MemberExpression[property.name=${TYPED_FIELDS}]`,
          message: 'Typed text goes through <UserText> (or <Msg>), isolated for direction (issue 15).',
        },
      ],
    },
  },
);
