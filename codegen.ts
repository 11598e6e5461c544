import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * Typed documents for every operation written with `graphql(...)`: the dashboard's (admin/src/gql)
 * and the tests' (tests/gql), from the schema the server prints (shared/schema.graphql).
 * `npm run codegen` regenerates them; tests/api/codegen.test.ts fails while they are stale.
 */
const common = {
  preset: 'client' as const,
  presetConfig: { fragmentMasking: false },
  config: {
    useTypeImports: true,
    enumsAsTypes: true,
    skipTypename: true,
    avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    scalars: {
      DateTimeISO: { input: 'string', output: 'string' },
      LocalDate: { input: 'string', output: 'string' },
      JSONObject: { input: 'Record<string, unknown>', output: 'Record<string, unknown>' },
    },
  },
};

const config: CodegenConfig = {
  schema: 'shared/schema.graphql',
  ignoreNoDocuments: true,
  generates: {
    'admin/src/gql/': { ...common, documents: ['admin/src/**/*.{ts,tsx}', '!admin/src/gql/**'] },
    'tests/gql/': { ...common, documents: ['tests/**/*.ts', '!tests/gql/**'], config: { ...common.config, documentMode: 'string' } },
  },
};

export default config;
