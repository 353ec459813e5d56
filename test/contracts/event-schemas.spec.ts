import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EventSchemaRegistry, eventSchemaFileContent, eventSchemaFileName } from '@kom/platform';
import { CONTEXTS, UPCASTERS } from '../../apps/api/src/contexts';

const dir = join(__dirname, '..', '..', 'schema', 'events');
const schemas = CONTEXTS.flatMap((c) => c.eventSchemas);
// Older versions stay published beside the current one: logs hold them for ever.
const older = UPCASTERS.olderSchemas();

describe('published event schemas (schema/events)', () => {
  it.each([...schemas, ...older].map((s) => [eventSchemaFileName(s), s] as const))('%s matches the code (npm run schema:events)', (file, schema) => {
    expect(readFileSync(join(dir, file), 'utf8')).toBe(eventSchemaFileContent(schema));
  });

  it('holds no file for an event type or version the code does not know', () => {
    const known = new Set([...schemas, ...older].map(eventSchemaFileName));
    const published = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(published.filter((f) => !known.has(f))).toEqual([]);
  });

  it('registers each event type once across contexts', () => {
    expect(() => new EventSchemaRegistry(schemas)).not.toThrow();
    expect(new Set(schemas.map((s) => s.type)).size).toBe(schemas.length);
  });

  it('upcasts every older version to the version the code writes', () => {
    const current = new Map(schemas.map((s) => [s.type, s.version]));
    for (const schema of older) expect(schema.version).toBeLessThan(current.get(schema.type)!);
    expect(older.map(eventSchemaFileName)).toContain('MeetingScheduled.v1.json');
  });
});
