import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventSchemaRegistry, eventSchemaFileContent, eventSchemaFileName } from '@kom/platform';
import { CONTEXTS } from '../../apps/api/src/contexts';

const dir = join(__dirname, '..', '..', 'schema', 'events');
const schemas = CONTEXTS.flatMap((c) => c.eventSchemas);

describe('published event schemas (schema/events)', () => {
  it.each(schemas.map((s) => [eventSchemaFileName(s), s] as const))('%s matches the code (npm run schema:events)', (file, schema) => {
    expect(readFileSync(join(dir, file), 'utf8')).toBe(eventSchemaFileContent(schema));
  });

  it('holds no file for an event type the code does not know', () => {
    const known = new Set(schemas.map(eventSchemaFileName));
    const published = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(published.filter((f) => !known.has(f))).toEqual([]);
  });

  it('registers each event type once across contexts', () => {
    expect(() => new EventSchemaRegistry(schemas)).not.toThrow();
    expect(new Set(schemas.map((s) => s.type)).size).toBe(schemas.length);
  });
});
