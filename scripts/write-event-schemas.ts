// Writes schema/events/<Type>.v<N>.json from the zod schemas of every bounded context.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchemaFileContent, eventSchemaFileName } from '@kom/platform';
import { CONTEXTS } from '../apps/api/src/contexts';

const dir = join(__dirname, '..', 'schema', 'events');
mkdirSync(dir, { recursive: true });
for (const schema of CONTEXTS.flatMap((c) => c.eventSchemas)) {
  writeFileSync(join(dir, eventSchemaFileName(schema)), eventSchemaFileContent(schema));
  console.log(`schema/events/${eventSchemaFileName(schema)}`);
}
