import { spawnSync } from 'node:child_process';
import path from 'node:path';

/**
 * The typed operations (admin/src/gql, tests/gql) are generated from shared/schema.graphql and the
 * operations written with `graphql(...)`; a change to either without `npm run codegen` fails here.
 * The generator runs in a Node of its own: its command line is an ES module, which Jest's module
 * system does not load.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');

it('the generated GraphQL types are up to date (run `npm run codegen` after changing an operation or the schema)', () => {
  const check = spawnSync(process.execPath, [CLI, '--config', 'codegen.ts', '--check', '--silent'], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect({ status: check.status, stale: `${check.stdout}${check.stderr}`.match(/^\s+- .+$/gm) ?? [] }).toEqual({ status: 0, stale: [] });
});
