/**
 * GraphQL Code Generator (client preset): the panel's types and enums from the printed schema and the
 * panel's own documents (the `graphql(…)` calls under src/). The output is checked in under src/gql/:
 * `npm run codegen` writes it, `npm run codegen:check` (CI) fails when it is stale.
 */
import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the generated files go (relative to admin/). */
export const OUTPUT_DIR = 'src/gql/';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', `!${OUTPUT_DIR}**`],
  // Only `graphql(…)` calls are documents: the string documents of the board and the dashboard (tests read
  // them as strings) and the data provider's built queries are not.
  pluckConfig: { modules: [], globalGqlIdentifierName: 'graphql', gqlMagicComment: 'graphql-codegen' },
  ignoreNoDocuments: false,
  generates: {
    [OUTPUT_DIR]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        // Enums as objects (`WishStatus.SUBMITTED`) and types, named as the schema names them.
        enumType: 'const',
        namingConvention: { enumValues: 'keep' },
        scalars: { ID: 'string', DateTime: 'string', Date: 'string' },
        useTypeImports: true,
        importExtension: '.ts',
      },
    },
  },
};

export default config;
