// Writes schema/events/<Type>.v<N>.json from the zod schemas of every bounded context: the current
// version of each event type, and every older version an upcaster still reads (kept for integrators
// who read old logs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventSchemaFileContent, eventSchemaFileName } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../apps/api/src/contexts';

const dir = join(__dirname, '..', 'schema', 'events');
mkdirSync(dir, { recursive: true });
for (const schema of [...CONTEXTS.flatMap((c) => c.eventSchemas), ...UPCASTERS.olderSchemas()]) {
  writeFileSync(join(dir, eventSchemaFileName(schema)), eventSchemaFileContent(schema));
  console.log(`schema/events/${eventSchemaFileName(schema)}`);
}
