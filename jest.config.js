/**
 * Every test: shared validators, server services, and the API over real HTTP
 * against a real PostgreSQL (DATABASE_URL, or an embedded one started once).
 * TypeScript is compiled by SWC with decorator metadata, which TypeGraphQL and TypeORM need.
 */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  // Node's environment, plus a screenshot and the accessibility tree of every open page when a browser test fails.
  testEnvironment: '<rootDir>/tests/support/environment.ts',
  roots: ['<rootDir>/shared/src', '<rootDir>/server/src', '<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': swc, '/node_modules/graphile-worker/.+\\.js$': swc },
  // Graphile Worker ships ES modules only, which Jest on Node 20 cannot require: SWC turns them into CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!graphile-worker/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  // Two cores here: two workers keep the database busy without starving the servers under test.
  maxWorkers: 2,
  // A worker ends a full run holding 1.3–1.7 GB and takes up to ~0.5 s to hand it back on exiting: Jest's default
  // wait (500 ms) then kills it with "failed to exit gracefully". A worker held open by a leak is caught
  // apart from this wait: tests/support/exit-watch.ts names what holds it, and the run fails.
  workerGracefulExitTimeout: 3_000,
};
