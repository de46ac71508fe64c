import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createRequire } from 'node:module';

// One owner per table (README, "How the pieces hold together"): another lib is
// imported from its index.ts only, and its entity classes as types only (no
// repository of another lib's table: no forFeature, @InjectRepository,
// getRepository or query builder join on it). The table → owner map is read
// from the entities, as scripts/check-table-owners.js (run by `npm run lint`
// after ESLint) reads it to refuse another lib's table names in SQL.
const { tableOwners } = createRequire(import.meta.url)('./scripts/check-table-owners.js');
const entitiesByLib = new Map();
for (const { lib, entity } of tableOwners(import.meta.dirname).values()) entitiesByLib.set(lib, [...(entitiesByLib.get(lib) ?? []), entity]);
const deepImport = { group: ['@hub/*/**'], message: "Import another lib from its public surface, '@hub/<lib>' (its index.ts), never a deep path." };
const intoLibs = { regex: '^(\\.\\./)+(.*/)?libs/', message: "Import a lib as '@hub/<lib>' (its index.ts), never by a relative path into it." };
// From inside libs/<lib>/src, a relative path that reaches another folder's src/ is another lib.
const intoOtherLib = { regex: '^(\\.\\./)+[^.][^/]*/src(/|$)', message: "Import another lib as '@hub/<lib>' (its index.ts), never by a relative path into it." };
const deepImports = { apps: [deepImport, intoLibs], libs: [deepImport, intoLibs, intoOtherLib] };
const entityImports = [...entitiesByLib].map(([lib, entities]) => ({
  name: `@hub/${lib}`,
  importNames: entities,
  allowTypeImports: true,
  message: `An entity of libs/${lib}: import it as a type only (\`import type\`); read and write its rows through the store or SQL fragment libs/${lib} exports.`,
}));

export default tseslint.config(
  { ignores: ['dist/**', 'web/**', 'node_modules/**', 'coverage/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // An unawaited promise in a webhook system is a lost event.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-function-type': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  {
    // What the running app imports must be in `dependencies`: the image and `npm ci --omit=dev` install nothing else.
    // Tests, the bench and scripts may use devDependencies.
    files: ['apps/**/*.ts', 'libs/**/*.ts', 'migrations/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/internal-regex': '^@hub/' },
    rules: {
      'import-x/no-extraneous-dependencies': ['error', { devDependencies: false, optionalDependencies: false, peerDependencies: false, includeTypes: false }],
    },
  },
  {
    files: ['apps/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: deepImports.apps, paths: entityImports }] },
  },
  {
    files: ['libs/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: deepImports.libs, paths: entityImports }] },
  },
  {
    // An entity may name another lib's entity in a relation: that declares the foreign key (migrations agree), never a query.
    files: ['libs/**/*.entity.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: deepImports.libs }] },
  },
  {
    files: ['migrations/*.ts'],
    rules: { 'max-len': 'off' },
  },
);
