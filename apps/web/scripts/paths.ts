import { join } from 'node:path';

export const WEB_ROOT = join(__dirname, '..');
export const SCHEMA_FILE = join(WEB_ROOT, '..', '..', 'schema', 'kom.graphql');
export const GENERATED_FILE = join(WEB_ROOT, 'src', 'gql', 'graphql.ts');
