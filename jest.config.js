/** One Jest run for unit (`*.spec.ts`, beside the code) and e2e (`test/*.e2e-spec.ts`) tests. */
const paths = require('./tsconfig.json').compilerOptions.paths;

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(paths)) moduleNameMapper[`^${alias}$`] = `<rootDir>/${target}`;
// @fastify/static 10 uses content-disposition 3, which is ESM-only: Node 20.19+ loads it, Jest's CJS runtime cannot.
moduleNameMapper['^content-disposition$'] = 'content-disposition-cjs';

module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  roots: ['<rootDir>/libs', '<rootDir>/apps', '<rootDir>/test'],
  testRegex: '.*\\.(spec|e2e-spec)\\.ts$',
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': [
      'ts-jest',
      {
        tsconfig: 'tsconfig.json',
        diagnostics: false,
        // Same Swagger plugin as `nest build`, so /api/docs-json in e2e tests matches production.
        astTransformers: { before: ['<rootDir>/test/swagger-plugin-transformer.js'] },
      },
    ],
  },
  globalSetup: '<rootDir>/test/global-setup.ts',
  testTimeout: 60000,
};
